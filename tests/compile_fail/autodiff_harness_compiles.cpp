// expect: COMPILES
// The passing twins of the autodiff compile-fail cases.
#include <memograd/autodiff.hpp>

#include <array>

using memograd::var;
static_assert(memograd::value_and_grad(var<1>{} * var<0>{}, std::array{1.0, 2.0}).grad[0] == 2.0);
static_assert(memograd::path_sum_value_and_grad(var<0>{} + 1.0, std::array{1.0}).value == 2.0);
static_assert(memograd::value_and_grad(memograd::pow<2>(var<0>{}), std::array{3.0}).grad[0] == 6.0);
static_assert(memograd::value_and_grad(var<0>{} * 2.0, std::array{3.0}).value == 6.0);
static_assert(memograd::value_and_grad(2 + var<0>{}, std::array{3.0}).value == 5.0);
static_assert(memograd::value_and_grad(1.0 - var<0>{}, std::array{3.0}).value == -2.0);  // autodiff_subtract_string
static_assert(memograd::value_and_grad(var<0>{} / 2.0, std::array{3.0}).value == 1.5);   // autodiff_divide_by_array
static_assert(memograd::value_and_grad(var<0>{} * memograd::data<1>{}, std::array{1.0}, std::array{2.0, 3.0}).value == 3.0);  // autodiff_data_past_end
static_assert(memograd::trace(var<0>{} * memograd::constant<0.5>{}, std::array{1.0}, std::array<double, 0>{})  // autodiff_trace_run_time_double
                  .result.value == 0.5);

// autodiff_unary_node_of_binary_op: the node spelled with a one-operand op, d tanh(x)/dx = 1 - tanh^2 = 1 at 0.
static_assert(memograd::value_and_grad(memograd::unary<memograd::ops::tanh, var<0>>{}, std::array{0.0}).grad[0] == 1.0);
// autodiff_operand_op_mismatch: an operand spelled with an op of its operand count, (x + y) x at (1, 2).
using sum_times_x = memograd::binary<memograd::ops::multiply, memograd::binary<memograd::ops::add, var<0>, var<1>>, var<0>>;
static_assert(memograd::value_and_grad(sum_times_x{}, std::array{1.0, 2.0}).grad[0] == 4.0);

int main() {}
static_assert(memograd::value_and_grad(memograd::square(var<0>{} - memograd::data<0>{}), std::array{1.0},
                                       std::array{3.0}).value == 4.0);
static_assert(memograd::detail::graph_of<var<0>>.size() == 1);
