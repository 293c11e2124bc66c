// Compile-time growth probe: tanh applied DEPTH times to var<0> (tests/recurrence.hpp's tanh_chain), a
// graph as deep as it is long, its value and gradient computed as a constant
// (benchmark/compile_time_growth.sh compiles it at several depths).
#include "../../tests/recurrence.hpp"

#include <array>

#ifndef DEPTH
#define DEPTH 10
#endif

constexpr auto result = memograd::value_and_grad(memograd_tests::tanh_chain<DEPTH>{}, std::array{0.8});
static_assert(result.grad[0] > 0);

double chain_slope() { return result.grad[0]; }
