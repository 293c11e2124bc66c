// ADOL-C (Debian libadolc-dev) as the tape-based contrast: the loss of the 2-16-16-1 and of the
// 784-128-10 tanh network is recorded once on a tape with the parameters as independents; each iteration
// then replays the tape with ADOL-C's gradient driver (a forward and a reverse sweep interpreting the
// tape). Same networks, same layout and same numbers as nn::mlp (checked before timing).
#include <memograd/nn.hpp>

#include <adolc/adolc.h>
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

namespace {

using small = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 16, 16, 1>;
using mnist = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 784, 128, 10>;

/// Records the loss of a tanh network with an identity output layer and mean squared error, written
/// with ADOL-C's active type, on tape `Tag`; the parameters are the independents.
template <class Net, short Tag, std::size_t N>
void record_tape(const typename Net::parameters& p, const std::array<std::size_t, N>& widths,
                 const typename Net::input& x, const typename Net::output& y) {
    trace_on(Tag);
    std::vector<adouble> w(Net::parameter_count);
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
        w[i] <<= p[i];
    }
    std::vector<adouble> a(x.begin(), x.end());
    for (std::size_t l = 0; l + 1 < N; ++l) {
        std::vector<adouble> next(widths[l + 1]);
        for (std::size_t o = 0; o < widths[l + 1]; ++o) {
            adouble z = w[Net::bias_offset(l) + o];
            for (std::size_t i = 0; i < widths[l]; ++i) {
                z += w[Net::weight_offset(l) + o * widths[l] + i] * a[i];
            }
            next[o] = l + 2 < N ? adouble(tanh(z)) : z;
        }
        a = std::move(next);
    }
    adouble loss = 0.0;
    for (std::size_t o = 0; o < y.size(); ++o) {
        loss += (a[o] - y[o]) * (a[o] - y[o]);
    }
    loss = loss / static_cast<double>(y.size());
    double value = 0;
    loss >>= value;
    trace_off();
}

/// An input and a target with entries uniform in [-1, 1).
template <class Net>
std::pair<typename Net::input, typename Net::output> random_sample(std::uint64_t seed) {
    std::pair<typename Net::input, typename Net::output> sample{};
    for (double& v : sample.first) {
        v = 2 * memograd::detail::uniform_unit(seed) - 1;
    }
    for (double& v : sample.second) {
        v = 2 * memograd::detail::uniform_unit(seed) - 1;
    }
    return sample;
}

template <class Net, short Tag, std::size_t N>
void adolc_tape_gradient(benchmark::State& state, std::array<std::size_t, N> widths, std::uint64_t seed) {
    const auto p = std::make_unique<typename Net::parameters>(Net::initial_parameters(1));
    const auto [x, y] = random_sample<Net>(seed);
    record_tape<Net, Tag>(*p, widths, x, y);
    auto g = std::make_unique<typename Net::parameters>();
    // Same numbers as memograd before timing anything.
    gradient(Tag, static_cast<int>(Net::parameter_count), p->data(), g->data());
    const auto reference = std::make_unique<typename Net::result>(Net::value_and_grad(*p, x, y));
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
        if (std::abs((*g)[i] - reference->grad[i]) > 1e-12 * (1 + std::abs((*g)[i]))) {
            std::fprintf(stderr, "ADOL-C and memograd disagree at parameter %zu\n", i);
            std::abort();
        }
    }
    for (auto _ : state) {
        benchmark::DoNotOptimize(p->data());
        gradient(Tag, static_cast<int>(Net::parameter_count), p->data(), g->data());
        benchmark::DoNotOptimize(g->data());
    }
}

template <class Net>
void memograd_gradient(benchmark::State& state, std::uint64_t seed) {
    const auto p = std::make_unique<typename Net::parameters>(Net::initial_parameters(1));
    const auto [x, y] = random_sample<Net>(seed);
    for (auto _ : state) {
        benchmark::DoNotOptimize(x.data());
        const auto r = Net::value_and_grad(*p, x, y);  // built in place
        benchmark::DoNotOptimize(r.value);
        benchmark::DoNotOptimize(r.grad.data());
    }
}

void adolc_tape_gradient_2_16_16_1(benchmark::State& state) {
    adolc_tape_gradient<small, 1>(state, std::array<std::size_t, 4>{2, 16, 16, 1}, 7);
}
void memograd_gradient_2_16_16_1(benchmark::State& state) { memograd_gradient<small>(state, 7); }
void adolc_tape_gradient_784_128_10(benchmark::State& state) {
    adolc_tape_gradient<mnist, 2>(state, std::array<std::size_t, 3>{784, 128, 10}, 11);
}
void memograd_gradient_784_128_10(benchmark::State& state) { memograd_gradient<mnist>(state, 11); }

}  // namespace

BENCHMARK(adolc_tape_gradient_2_16_16_1)->Unit(benchmark::kMicrosecond);
BENCHMARK(memograd_gradient_2_16_16_1)->Unit(benchmark::kMicrosecond);
BENCHMARK(adolc_tape_gradient_784_128_10)->Unit(benchmark::kMicrosecond);
BENCHMARK(memograd_gradient_784_128_10)->Unit(benchmark::kMicrosecond);

BENCHMARK_MAIN();
