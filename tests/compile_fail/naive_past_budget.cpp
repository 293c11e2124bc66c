// expect: naive_fibonacci<N>: N is past fibonacci_limits::naive
#include <memograd/fibonacci.hpp>

static_assert(memograd::naive_fibonacci<60>().work > 0);

int main() {}
