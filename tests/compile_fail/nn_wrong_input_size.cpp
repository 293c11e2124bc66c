// expect: x does not have input_size entries
#include <memograd/nn.hpp>

#include <array>

int main() {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
    const net::parameters p{};
    return static_cast<int>(net::value_and_grad(p, std::array{1.0, 2.0, 3.0}, std::array{0.0}).value);
}
