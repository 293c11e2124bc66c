// expect: first_argument_is_not_a_memograd_expression
#include <memograd/autodiff.hpp>

#include <array>

// unary<Op, A> with a two-operand op is not a node: value_and_grad is not viable.
using memograd::var;
[[maybe_unused]] constexpr auto r = memograd::value_and_grad(memograd::unary<memograd::ops::add, var<0>>{}, std::array{3.0});
