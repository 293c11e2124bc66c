// expect: COMPILES
// The passing twins of the nn compile-fail cases.
#include <memograd/nn.hpp>

#include <array>

using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 4, 1>;
static_assert(net::parameter_count == 17);
static_assert(net::value_and_grad(net::parameters{}, std::array{1.0, 2.0}, std::array{0.0}).value == 0.0);
static_assert(memograd::nn::mlp<memograd::nn::relu_t, memograd::nn::identity_t, 1, 1>::parameter_count == 2);

int main() {}
