// expect: naive_fibonacci<N>: N is past fibonacci_limits::naive
// The failing side of the guard's edge: one past the largest N it accepts (harness_compiles.cpp holds
// the passing side).
#include <memograd/fibonacci.hpp>

static_assert(memograd::naive_fibonacci<memograd::fibonacci_limits::naive + 1>().work > 0);

int main() {}
