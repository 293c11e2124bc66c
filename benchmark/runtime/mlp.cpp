// nn::mlp gradients against hand-written backprop loops: one sample and a batch of 64 for the 2-16-16-1
// tanh net, and one sample of an MNIST-sized 784-128-10 net on random data.
#include <memograd/nn.hpp>

#include "hand_backprop.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <memory>
#include <random>
#include <span>
#include <vector>

namespace {

using small = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 16, 16, 1>;
using mnist = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 784, 128, 10>;

template <std::size_t N>
std::array<double, N> random_array(std::uint64_t seed, double scale) {
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> normal(0.0, scale);
    std::array<double, N> a{};
    for (double& v : a) {
        v = normal(rng);
    }
    return a;
}

// Hand-written 784-128-10 (tanh, identity, MSE), PyTorch layout like nn::mlp.
struct hand_mnist {
    static constexpr std::size_t in = 784, hidden = 128, out = 10;
    /// Forward pass: hidden activations into h, the outputs (identity layer) returned.
    static mnist::output predict(const mnist::parameters& p, const mnist::input& x, std::array<double, hidden>& h) {
        const double* w1 = p.data();
        const double* b1 = w1 + hidden * in;
        const double* w2 = b1 + hidden;
        const double* b2 = w2 + out * hidden;
        for (std::size_t o = 0; o < hidden; ++o) {
            double z = b1[o];
            for (std::size_t i = 0; i < in; ++i) {
                z += w1[o * in + i] * x[i];
            }
            h[o] = std::tanh(z);
        }
        mnist::output z{};
        for (std::size_t o = 0; o < out; ++o) {
            z[o] = b2[o];
            for (std::size_t i = 0; i < hidden; ++i) {
                z[o] += w2[o * hidden + i] * h[i];
            }
        }
        return z;
    }
    static double value_and_grad(const mnist::parameters& p, const mnist::input& x, const mnist::output& y,
                                 mnist::parameters& grad) {
        const double* w2 = p.data() + hidden * in + hidden;
        std::array<double, hidden> h{};
        const mnist::output z = predict(p, x, h);
        std::array<double, out> d_out{};
        double loss = 0;
        for (std::size_t o = 0; o < out; ++o) {
            loss += (z[o] - y[o]) * (z[o] - y[o]) / out;
            d_out[o] = 2 * (z[o] - y[o]) / out;
        }
        grad.fill(0.0);
        double* g_w1 = grad.data();
        double* g_b1 = g_w1 + hidden * in;
        double* g_w2 = g_b1 + hidden;
        double* g_b2 = g_w2 + out * hidden;
        std::array<double, hidden> d_h{};
        for (std::size_t o = 0; o < out; ++o) {
            g_b2[o] = d_out[o];
            for (std::size_t i = 0; i < hidden; ++i) {
                g_w2[o * hidden + i] = d_out[o] * h[i];
                d_h[i] += w2[o * hidden + i] * d_out[o];
            }
        }
        for (std::size_t o = 0; o < hidden; ++o) {
            const double d = d_h[o] * (1 - h[o] * h[o]);
            g_b1[o] = d;
            for (std::size_t i = 0; i < in; ++i) {
                g_w1[o * in + i] = d * x[i];
            }
        }
        return loss;
    }
};

void mlp_2_16_16_1(benchmark::State& state) {
    const auto p = small::initial_parameters(1);
    auto x = random_array<2>(2, 1.0);
    const auto y = random_array<1>(3, 1.0);
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        auto r = small::value_and_grad(p, x, y);
        benchmark::DoNotOptimize(r);
    }
}

void hand_2_16_16_1(benchmark::State& state) {
    using hand = memograd_tests::hand_backprop<16>;
    auto v = random_array<hand::vars>(1, 0.3);
    std::array<double, hand::vars> grad{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        const double loss = hand::value_and_grad(v, grad);
        benchmark::DoNotOptimize(loss);
        benchmark::DoNotOptimize(grad);
    }
}

void mlp_2_16_16_1_batch64(benchmark::State& state) {
    const auto p = small::initial_parameters(1);
    std::vector<small::input> xs(64);
    std::vector<small::output> ys(64);
    for (std::size_t s = 0; s < 64; ++s) {
        xs[s] = random_array<2>(10 + s, 1.0);
        ys[s] = random_array<1>(100 + s, 1.0);
    }
    for (auto _ : state) {
        auto r = small::value_and_grad(p, std::span<const small::input>(xs), std::span<const small::output>(ys));
        benchmark::DoNotOptimize(r);
    }
}

void hand_2_16_16_1_batch64(benchmark::State& state) {
    using hand = memograd_tests::hand_backprop<16>;
    std::vector<std::array<double, hand::vars>> samples(64, random_array<hand::vars>(1, 0.3));
    std::array<double, hand::vars> grad{};
    std::array<double, hand::vars> total{};
    for (auto _ : state) {
        total.fill(0.0);
        for (auto& v : samples) {
            benchmark::DoNotOptimize(v);
            hand::value_and_grad(v, grad);
            for (std::size_t i = 0; i < hand::vars; ++i) {
                total[i] += grad[i] / 64;
            }
        }
        benchmark::DoNotOptimize(total);
    }
}

void mlp_784_128_10(benchmark::State& state) {
    const auto p = std::make_unique<mnist::parameters>(mnist::initial_parameters(1));
    auto x = random_array<784>(2, 1.0);
    const auto y = random_array<10>(3, 1.0);
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        const auto r = mnist::value_and_grad(*p, x, y);  // 814 kB result, built in place
        benchmark::DoNotOptimize(r.value);
        benchmark::DoNotOptimize(r.grad.data());
    }
}

void hand_784_128_10(benchmark::State& state) {
    const auto p = std::make_unique<mnist::parameters>(mnist::initial_parameters(1));
    auto x = random_array<784>(2, 1.0);
    const auto y = random_array<10>(3, 1.0);
    auto grad = std::make_unique<mnist::parameters>();
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        const double loss = hand_mnist::value_and_grad(*p, x, y, *grad);
        benchmark::DoNotOptimize(loss);
        // The gradient must count as read: otherwise Clang proves nothing reads the heap block before it
        // is freed and deletes the whole backward pass (measured: the gradient then cost no more than
        // the forward pass alone).
        benchmark::DoNotOptimize(grad->data());
    }
}

// The forward pass alone (outputs for one input), to see where the gradient's time goes.
void mlp_784_128_10_forward(benchmark::State& state) {
    const auto p = std::make_unique<mnist::parameters>(mnist::initial_parameters(1));
    auto x = random_array<784>(2, 1.0);
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        const auto out = mnist::predict(*p, x);
        benchmark::DoNotOptimize(out);
    }
}

void hand_784_128_10_forward(benchmark::State& state) {
    const auto p = std::make_unique<mnist::parameters>(mnist::initial_parameters(1));
    auto x = random_array<784>(2, 1.0);
    std::array<double, hand_mnist::hidden> h{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        const auto out = hand_mnist::predict(*p, x, h);
        benchmark::DoNotOptimize(out);
    }
}

}  // namespace

BENCHMARK(mlp_2_16_16_1)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_2_16_16_1)->Unit(benchmark::kMicrosecond);
BENCHMARK(mlp_2_16_16_1_batch64)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_2_16_16_1_batch64)->Unit(benchmark::kMicrosecond);
BENCHMARK(mlp_784_128_10)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_784_128_10)->Unit(benchmark::kMicrosecond);
BENCHMARK(mlp_784_128_10_forward)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_784_128_10_forward)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
