// expect: fib_table<N>: N additions of N-bit numbers exceed the default constexpr budget
// The failing side of the guard's edge: one past the largest N it accepts (harness_compiles.cpp holds
// the passing side).
#include <memograd/fibonacci.hpp>

static_assert(memograd::fib_table<memograd::fibonacci_limits::table + 1>.size() > 0);

int main() {}
