#include <memograd/memograd.hpp>

#include <iostream>

static_assert(memograd::fib_v<93> == 12200160415121876738u);

int main() {
    const bool ok = memograd::fibonacci(100).str() == "354224848179261915075";
    std::cout << (ok ? "consumer ok\n" : "consumer: wrong F(100)\n");
    return ok ? 0 : 1;
}
