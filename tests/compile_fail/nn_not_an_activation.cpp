// expect: (Activation|constraints not satisfied|does not satisfy)
#include <memograd/nn.hpp>

struct not_an_activation {};

int main() {
    using net = memograd::nn::mlp<not_an_activation, memograd::nn::identity_t, 2, 1>;
    return static_cast<int>(net::parameter_count);
}
