// expect: x_does_not_have_input_size_entries_fix_pass_mlp_input_the_first_of_Sizes
#include <memograd/nn.hpp>

#include <array>

int main() {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
    const net::parameters p{};
    return static_cast<int>(net::value_and_grad(p, std::array{1.0, 2.0, 3.0}, std::array{0.0}).value);
}
