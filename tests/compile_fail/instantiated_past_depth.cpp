// expect: instantiated_fibonacci<N>: N nested instantiations exceed the template depth
// The failing side of the guard's edge: one past the largest N it accepts (harness_compiles.cpp holds
// the passing side).
#include <memograd/fibonacci.hpp>

static_assert(memograd::instantiated_fibonacci<memograd::fibonacci_limits::template_instantiation + 1>().work > 0);

int main() {}
