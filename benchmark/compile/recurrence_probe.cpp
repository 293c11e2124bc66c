// Compile-time growth probe: tests/recurrence.hpp's recurrence unrolled STEPS steps, as an empty object
// (BUILD_ONLY) or with its value and gradient as a constant (benchmark/compile_time_growth.sh compiles it
// at several lengths).
#include "../../tests/recurrence.hpp"

#include <array>
#include <type_traits>

#ifndef STEPS
#define STEPS 10
#endif

static_assert(std::is_empty_v<memograd_tests::recurrence<STEPS>>);
#ifndef BUILD_ONLY
constexpr auto result = memograd::value_and_grad(memograd_tests::recurrence<STEPS>{}, std::array{0.5, 0.1, 0.3});
static_assert(result.value > 0);

double recurrence_value() { return result.value; }
#endif
