// expect: every layer needs at least one unit
#include <memograd/nn.hpp>

int main() {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 0, 1>;
    return static_cast<int>(net::parameter_count);
}
