// expect: COMPILES
// The harness's own check: a correct use of every guarded strategy at its default-limit edge compiles.
#include <memograd/fibonacci.hpp>

namespace limits = memograd::fibonacci_limits;

// The passing side of every guard's edge, under the compiler's default limits: the largest N each guard
// accepts compiles (the *_past_* cases hold N + 1, which must stop with the guard's message).
static_assert(memograd::naive_fibonacci<limits::naive>().work > 0);
static_assert(memograd::memoized_fibonacci<limits::memoized_recursion>().work > 0);
static_assert(memograd::fib_table<limits::table>.size() == limits::table + 1);
static_assert(memograd::instantiated_fibonacci<limits::template_instantiation>().work > 0);
static_assert(memograd::fib_v<limits::fast_doubling> > 0u);

// Passing twins of the misuse cases: whole limbs (fixed_uint_partial_limb), the smallest index
// (fib_negative_index).
[[maybe_unused]] memograd::fixed_uint<128> whole_limbs;
static_assert(memograd::fib_v<0> == 0u);

int main() {}
