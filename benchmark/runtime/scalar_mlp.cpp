// Per-sample gradient of the scalar 2-16-16-1 tanh network (written neuron by neuron, 982 graph nodes):
// the backward pass memograd generates at compile time against a hand-written backprop of the same net,
// against the same passes emitted as straight-line C++ (cpp_source) and compiled as plain code, and the
// path sum. Then a 2-8-8-8-8-1 network plus tanh(x0 * c1) * tanh(x0 * c2) with run-time doubles c1, c2:
// equal or not, they cost the same (per-occurrence nodes, no whole-expression fallback).
#include <memograd/autodiff.hpp>

#include "emitted_scalar_mlp.hpp"
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

void emitted_straight_line_backward(benchmark::State& state) {
    auto v = random_point();
    std::array<double, vars> grad{};
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        const double loss = emitted_network_gradient(v.data(), nullptr, grad.data());
        benchmark::DoNotOptimize(loss);
        benchmark::DoNotOptimize(grad);
    }
}

// 2-8-8-8-8-1 plus a corner whose two run-time constants are equal (c, c) or differ (c, c / 2).
constexpr std::size_t deep_vars = memograd::dense_network_vars<2, 8, 4>;
void deep_network_with_constants(benchmark::State& state, double c1, double c2) {
    std::mt19937_64 rng(2);
    std::normal_distribution<double> weight(0.0, 0.3);
    std::array<double, deep_vars> v{};
    for (double& w : v) {
        w = weight(rng);
    }
    const auto x = memograd::var<0>{};
    const auto loss = memograd::dense_network_loss<2, 8, 4>() + tanh(x * c1) * tanh(x * c2);
    for (auto _ : state) {
        benchmark::DoNotOptimize(v);
        auto result = memograd::value_and_grad(loss, v);
        benchmark::DoNotOptimize(result);
    }
}
void deep_equal_constants(benchmark::State& state) { deep_network_with_constants(state, 0.5, 0.5); }
void deep_differing_constants(benchmark::State& state) { deep_network_with_constants(state, 0.5, 0.25); }

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
BENCHMARK(emitted_straight_line_backward)->Unit(benchmark::kMicrosecond);
BENCHMARK(path_sum_backward)->Unit(benchmark::kMicrosecond);
BENCHMARK(deep_equal_constants)->Unit(benchmark::kMicrosecond);
BENCHMARK(deep_differing_constants)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
