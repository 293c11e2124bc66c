// expect: give at least an input and an output size
#include <memograd/nn.hpp>

int main() {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2>;
    return static_cast<int>(net::parameter_count);
}
