// expect: COMPILES
// The harness's own check: a correct use of every guarded strategy at its default-limit edge compiles.
#include <memograd/fibonacci.hpp>

static_assert(memograd::naive_fibonacci<20>().work == 21891);
static_assert(memograd::memoized_fibonacci<memograd::fibonacci_limits::memoized_recursion>().work > 0);
static_assert(memograd::instantiated_fibonacci<400>().work == 401);
static_assert(memograd::fib_v<5000> > 0u);

int main() {}
