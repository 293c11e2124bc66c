// A small network trained entirely by the compiler: 300 Adam steps on XOR inside a constant expression.
// The program only prints what the compiler learned; a static_assert proves all four points are right.
// Built with memograd_raise_constexpr_limits() (Clang's default step budget is too small for it).
#include <memograd/nn.hpp>

#include <cstdio>
#include <span>

namespace {

using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::sigmoid_t, 2, 4, 1>;

//! [compile-time training]
constexpr net::parameters trained = [] {
    auto p = net::initial_parameters(1);
    memograd::nn::adam<net::parameter_count> optimizer{.learning_rate = 0.05};
    for (int epoch = 0; epoch < 300; ++epoch) {
        const auto step = net::value_and_grad(p, std::span<const net::input>(memograd::nn::xor_inputs),
                                              std::span<const net::output>(memograd::nn::xor_targets));
        optimizer.step(p, step.grad);
    }
    return p;
}();

constexpr bool classifies_xor = [] {
    for (std::size_t i = 0; i < 4; ++i) {
        if ((net::predict(trained, memograd::nn::xor_inputs[i])[0] > 0.5) != (memograd::nn::xor_targets[i][0] > 0.5)) {
            return false;
        }
    }
    return true;
}();
static_assert(classifies_xor, "the network the compiler trained does not classify XOR");
//! [compile-time training]

}  // namespace

int main() {
    std::printf("XOR, trained by the compiler (2-4-1, tanh/sigmoid, 300 Adam steps):\n");
    for (std::size_t i = 0; i < 4; ++i) {
        const auto& x = memograd::nn::xor_inputs[i];
        std::printf("  %g xor %g -> %.4f (target %g)\n", x[0], x[1], net::predict(trained, x)[0],
                    memograd::nn::xor_targets[i][0]);
    }
    std::printf("the %zu parameters are constants in the binary:", net::parameter_count);
    for (const double w : trained) {
        std::printf(" %.3f", w);
    }
    std::printf("\n");
}
