// expect: fib_table<N>: N additions of N-bit numbers exceed the default constexpr budget
#include <memograd/fibonacci.hpp>

static_assert(memograd::fib_table<100'000>.size() > 0);

int main() {}
