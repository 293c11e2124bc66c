// expect: (narrowing|cannot be narrowed|not a constant expression|non-type template argument evaluates to -1)
#include <memograd/fibonacci.hpp>

int main() {
    return static_cast<int>(memograd::fib_v<-1> % 7u);
}
