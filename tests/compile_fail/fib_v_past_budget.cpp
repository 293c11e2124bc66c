// expect: fib_v<N>: computing F\(N\) exceeds the default constexpr budget
#include <memograd/fibonacci.hpp>

static_assert(memograd::fib_v<1'000'000> > 0u);

int main() {}
