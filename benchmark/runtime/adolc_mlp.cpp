// ADOL-C (Debian libadolc-dev) as the tape-based contrast: the 2-16-16-1 tanh network's loss is recorded
// once on a tape with the 337 parameters as independents; each iteration then replays the tape with
// ADOL-C's gradient driver (a forward and a reverse sweep interpreting the tape). Same network, same
// layout and same numbers as nn::mlp (checked before timing).
#include <memograd/nn.hpp>

#include <adolc/adolc.h>
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace {

using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 16, 16, 1>;
constexpr short tape = 1;
constexpr std::array<double, 2> x{0.3, -0.7};
constexpr std::array<double, 1> y{0.25};

void record_tape(const net::parameters& p) {
    trace_on(tape);
    std::array<adouble, net::parameter_count> w;
    for (std::size_t i = 0; i < net::parameter_count; ++i) {
        w[i] <<= p[i];
    }
    std::array<adouble, 16> h1;
    for (std::size_t o = 0; o < 16; ++o) {
        adouble z = w[net::bias_offset(0) + o];
        for (std::size_t i = 0; i < 2; ++i) {
            z += w[net::weight_offset(0) + o * 2 + i] * x[i];
        }
        h1[o] = tanh(z);
    }
    std::array<adouble, 16> h2;
    for (std::size_t o = 0; o < 16; ++o) {
        adouble z = w[net::bias_offset(1) + o];
        for (std::size_t i = 0; i < 16; ++i) {
            z += w[net::weight_offset(1) + o * 16 + i] * h1[i];
        }
        h2[o] = tanh(z);
    }
    adouble out = w[net::bias_offset(2)];
    for (std::size_t i = 0; i < 16; ++i) {
        out += w[net::weight_offset(2) + i] * h2[i];
    }
    adouble loss = (out - y[0]) * (out - y[0]);
    double value = 0;
    loss >>= value;
    trace_off();
}

void adolc_tape_gradient(benchmark::State& state) {
    net::parameters p = net::initial_parameters(1);
    record_tape(p);
    net::parameters g{};
    // Same numbers as memograd before timing anything.
    gradient(tape, static_cast<int>(net::parameter_count), p.data(), g.data());
    const auto reference = net::value_and_grad(p, x, y);
    for (std::size_t i = 0; i < net::parameter_count; ++i) {
        if (std::abs(g[i] - reference.grad[i]) > 1e-12 * (1 + std::abs(g[i]))) {
            std::fprintf(stderr, "ADOL-C and memograd disagree at parameter %zu\n", i);
            std::abort();
        }
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(p.data());
        gradient(tape, static_cast<int>(net::parameter_count), p.data(), g.data());
        benchmark::DoNotOptimize(g.data());
    }
}

void memograd_gradient(benchmark::State& state) {
    const net::parameters p = net::initial_parameters(1);
    for (auto _ : state) {
        benchmark::DoNotOptimize(p.data());
        const auto r = net::value_and_grad(p, x, y);
        benchmark::DoNotOptimize(r);
    }
}

}  // namespace

BENCHMARK(adolc_tape_gradient)->Unit(benchmark::kMicrosecond);
BENCHMARK(memograd_gradient)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
