// expect: mlp_arguments_must_be_std_array_of_double_fix_pass_mlp_parameters_input_and_output
#include <memograd/nn.hpp>

#include <array>

int main() {
    // The input is an array of float: mlp takes std::array<double, input_size> (net::input).
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
    const net::parameters p{};
    return static_cast<int>(net::value_and_grad(p, std::array{1.0F, 2.0F}, std::array{0.0}).value);
}
