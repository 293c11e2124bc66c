#pragma once
// A hand-written forward and backward pass of the 2-H-H-1 tanh network of memograd/autodiff/dense_network.hpp
// (dense_network_loss<2, H, 2>), in the same variable layout: the reference the generated gradient is
// tested and benchmarked against. Plain loops, std::tanh, nothing from memograd.

#include <array>
#include <cmath>
#include <cstddef>

namespace memograd_tests {

template <std::size_t H>
struct hand_backprop {
    static constexpr std::size_t in = 2;
    static constexpr std::size_t layer1 = in;                          // H neurons x (2 weights + bias)
    static constexpr std::size_t layer2 = layer1 + H * (in + 1);       // H neurons x (H weights + bias)
    static constexpr std::size_t output = layer2 + H * (H + 1);        // H weights + bias
    static constexpr std::size_t target = output + H + 1;
    static constexpr std::size_t vars = target + 1;

    /// Loss (out - y)^2 and its gradient with respect to every var, written into grad.
    static double value_and_grad(const std::array<double, vars>& v, std::array<double, vars>& grad) {
        std::array<double, H> h1{};
        std::array<double, H> h2{};
        for (std::size_t o = 0; o < H; ++o) {
            const double* w = &v[layer1 + o * (in + 1)];
            h1[o] = std::tanh(w[0] * v[0] + w[1] * v[1] + w[2]);
        }
        for (std::size_t o = 0; o < H; ++o) {
            const double* w = &v[layer2 + o * (H + 1)];
            double s = 0;
            for (std::size_t i = 0; i < H; ++i) {
                s += w[i] * h1[i];
            }
            h2[o] = std::tanh(s + w[H]);
        }
        double out = v[output + H];
        for (std::size_t i = 0; i < H; ++i) {
            out += v[output + i] * h2[i];
        }
        const double error = out - v[target];
        const double d_out = 2 * error;

        grad.fill(0.0);
        grad[target] = -d_out;
        std::array<double, H> d_h1{};
        for (std::size_t i = 0; i < H; ++i) {
            grad[output + i] = d_out * h2[i];
            const double d_pre2 = d_out * v[output + i] * (1 - h2[i] * h2[i]);
            const double* w = &v[layer2 + i * (H + 1)];
            double* g = &grad[layer2 + i * (H + 1)];
            for (std::size_t j = 0; j < H; ++j) {
                g[j] = d_pre2 * h1[j];
                d_h1[j] += d_pre2 * w[j];
            }
            g[H] = d_pre2;
        }
        grad[output + H] = d_out;
        for (std::size_t o = 0; o < H; ++o) {
            const double d_pre1 = d_h1[o] * (1 - h1[o] * h1[o]);
            const double* w = &v[layer1 + o * (in + 1)];
            double* g = &grad[layer1 + o * (in + 1)];
            g[0] = d_pre1 * v[0];
            g[1] = d_pre1 * v[1];
            g[2] = d_pre1;
            grad[0] += d_pre1 * w[0];
            grad[1] += d_pre1 * w[1];
        }
        return error * error;
    }
};

}  // namespace memograd_tests
