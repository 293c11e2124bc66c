// expect: fib_v<N>: computing F\(N\) exceeds the default constexpr budget
// The failing side of the guard's edge: one past the largest N it accepts (harness_compiles.cpp holds
// the passing side).
#include <memograd/fibonacci.hpp>

static_assert(memograd::fib_v<memograd::fibonacci_limits::fast_doubling + 1> > 0u);

int main() {}
