// expect: memoized_fibonacci<N>: the recursion is N calls deep
// The failing side of the guard's edge: one past the largest N it accepts (harness_compiles.cpp holds
// the passing side).
#include <memograd/fibonacci.hpp>

static_assert(memograd::memoized_fibonacci<memograd::fibonacci_limits::memoized_recursion + 1>().work > 0);

int main() {}
