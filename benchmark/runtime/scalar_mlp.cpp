// Per-sample gradient of the scalar 2-16-16-1 tanh network (written neuron by neuron, 982 graph nodes):
// the backward pass memograd generates at compile time against a hand-written backprop of the same net.
#include <memograd/autodiff.hpp>

#include "hand_backprop.hpp"
#include <memograd/autodiff/dense_network.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <random>

namespace {

constexpr std::size_t vars = memograd::dense_network_vars<2, 16, 2>;

std::array<double, vars> random_point() {
    std::mt19937_64 rng(1);
    std::normal_distribution<double> weight(0.0, 0.3);
    std::array<double, vars> v{};
    for (double& w : v) {
        w = weight(rng);
    }
    return v;
}

void generated_backward(benchmark::State& state) {
    auto v = random_point();
    const auto loss = memograd::dense_network_loss<2, 16, 2>();
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        auto result = memograd::value_and_grad(loss, v);
        benchmark::DoNotOptimize(result);
    }
}

void hand_written_backward(benchmark::State& state) {
    auto v = random_point();
    std::array<double, vars> grad{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        const double loss = memograd_tests::hand_backprop<16>::value_and_grad(v, grad);
        benchmark::DoNotOptimize(loss);
        benchmark::DoNotOptimize(grad);
    }
}

void path_sum_backward(benchmark::State& state) {
    auto v = random_point();
    const auto loss = memograd::dense_network_loss<2, 16, 2>();
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        auto result = memograd::path_sum_value_and_grad(loss, v);
        benchmark::DoNotOptimize(result);
    }
}

}  // namespace

BENCHMARK(generated_backward)->Unit(benchmark::kMicrosecond);
BENCHMARK(hand_written_backward)->Unit(benchmark::kMicrosecond);
BENCHMARK(path_sum_backward)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
