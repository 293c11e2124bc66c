// expect: the_target_y_does_not_have_output_size_entries_fix_pass_mlp_output_the_last_of_Sizes
#include <memograd/nn.hpp>

#include <array>

int main() {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
    const net::parameters p{};
    return static_cast<int>(net::value_and_grad(p, std::array{1.0, 2.0}, std::array{0.0, 1.0}).value);
}
