// expect: memoized_fibonacci<N>: the recursion is N calls deep
#include <memograd/fibonacci.hpp>

static_assert(memograd::memoized_fibonacci<5000>().work > 0);

int main() {}
