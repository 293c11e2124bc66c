// expect: COMPILES
// The passing twins of the nn compile-fail cases.
#include <memograd/nn.hpp>

#include <array>
#include <span>
#include <vector>

namespace nn = memograd::nn;

using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
static_assert(net::parameter_count == 17);
static_assert(net::value_and_grad(net::parameters{}, std::array{1.0, 2.0}, std::array{0.0}).value == 0.0);
static_assert(memograd::nn::mlp<memograd::nn::relu_t, memograd::nn::identity_t, 1, 1>::parameter_count == 2);

// Each layer-graph case at its edge, on the side that compiles.
constexpr auto one_row = nn::weight_matrix<0, 1, 2>{} * nn::input_vector<2>{};  // nn_layer_graph_empty_leaf: 1 row
constexpr auto h = nn::weight_matrix<0, 3, 2>{} * nn::input_vector<2>{} + nn::bias_vector<6, 3>{};  // nn_layer_shape_mismatch, nn_layer_sum_length_mismatch
constexpr auto a = nn::activate<nn::tanh_t>(h);                                                     // nn_activate_matrix
constexpr auto out = nn::weight_matrix<9, 2, 3>{} * a;
constexpr auto l = nn::loss<nn::mse_t>(out, nn::target_vector<2>{});                                // nn_loss_length_mismatch
static_assert(nn::evaluate(one_row, std::array<double, 2>{}, std::array{1.0, 2.0})[0] == 0.0);
static_assert(nn::evaluate(h, std::array<double, 9>{}, std::array{1.0, 2.0})[2] == 0.0);             // nn_evaluate_past_parameters: 9, not 8
static_assert(nn::value_and_grad(l, std::array<double, 15>{}, std::array{1.0, 2.0}, std::array{0.0, 0.0}).value == 0.0);  // nn_value_and_grad_past_target, nn_value_and_grad_not_scalar
// nn_value_and_grad_past_parameters: the 2-3-1 graph with its 13 parameters.
constexpr auto two_three_one = nn::loss<nn::mse_t>(
    nn::weight_matrix<9, 1, 3>{} * nn::activate<nn::tanh_t>(nn::weight_matrix<0, 3, 2>{} * nn::input_vector<2>{} + nn::bias_vector<6, 3>{}) +
        nn::bias_vector<12, 1>{},
    nn::target_vector<1>{});
static_assert(nn::value_and_grad(two_three_one, std::array<double, 13>{}, std::array{1.0, 2.0}, std::array{0.5}).value == 0.25);
// nn_mlp_float_input: the input as doubles.
static_assert(net::value_and_grad(net::parameters{}, std::array{1.0, 2.0}, std::array{0.0}).grad[16] == 0.0);
// nn_parameter_target_not_differentiated: a parameter target of a loss that gives derivative<N, 1> (mse).
constexpr auto parameter_target = nn::loss<nn::mse_t>(nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{}, nn::bias_vector<1, 1>{});
static_assert(nn::value_and_grad(parameter_target, std::array{2.0, 0.5}, std::array{1.0}, std::array<double, 0>{}).grad[1] == -3.0);

int main() {
    // nn_batch_past_input: samples of three inputs.
    constexpr auto wide = nn::loss<nn::mse_t>(nn::weight_matrix<0, 1, 3>{} * nn::input_vector<3>{}, nn::target_vector<1>{});
    const std::vector<std::array<double, 3>> xs{{1.0, 2.0, 3.0}};
    const std::vector<std::array<double, 1>> ys{{0.0}};
    return static_cast<int>(nn::batch_value_and_grad(wide, std::array<double, 3>{}, std::span(xs), std::span(ys)).value);
}
