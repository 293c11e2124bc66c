// expect: instantiated_fibonacci<N>: N nested instantiations exceed the template depth
#include <memograd/fibonacci.hpp>

static_assert(memograd::instantiated_fibonacci<3000>().work > 0);

int main() {}
