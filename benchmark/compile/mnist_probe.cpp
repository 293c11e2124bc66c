// A translation unit that builds an MNIST-sized 784-128-10 nn::mlp and its gradient (compile-time probe).
#include <memograd/nn.hpp>

using mnist = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 784, 128, 10>;

double gradient_norm(const mnist::parameters& p, const mnist::input& x, const mnist::output& y) {
    const auto r = mnist::value_and_grad(p, x, y);
    double sum = 0;
    for (const double g : r.grad) {
        sum += g * g;
    }
    return sum;
}

int main() {}  // compiled, not run: the cost measured is the compiler's
