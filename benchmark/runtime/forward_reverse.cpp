// Forward mode against reverse mode on the lecture's network (examples/lecture_network.hpp, 17 variables)
// and on the 2-16-16-1 tanh network (dense_network_loss, 340 variables): the whole gradient by reverse
// mode (value_and_grad: one forward pass, one backward pass), by forward mode (forward_mode_gradient:
// one forward pass, one tangent pass per variable), and a single tangent pass (jvp: one forward pass,
// one tangent pass). `benchmark/runtime_benchmark.sh forward_reverse` runs it interleaved, writes docs/data/.
#include "dense_network_point.hpp"
#include "lecture_network.hpp"

#include <memograd/autodiff.hpp>

#include <benchmark/benchmark.h>

#include <array>

namespace {

enum class mode { reverse, forward, one_tangent_pass };

template <mode M, class E, class X, class D>
void run(benchmark::State& state, const E& expr, X x, const D& data) {
    X direction{};
    direction[2] = 1.0;  // the first weight: w1_11 in the lecture's network
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        if constexpr (M == mode::reverse) {
            auto r = memograd::value_and_grad(expr, x, data);
            benchmark::DoNotOptimize(r);
        } else if constexpr (M == mode::forward) {
            auto r = memograd::forward_mode_gradient(expr, x, data);
            benchmark::DoNotOptimize(r);
        } else {
            auto r = memograd::jvp(expr, x, direction, data);
            benchmark::DoNotOptimize(r);
        }
    }
}

template <mode M>
void lecture_network(benchmark::State& state) {
    run<M>(state, lecture::loss, lecture::point, lecture::target);
}

// dense_network_loss keeps its target as the last var; no data leaves (an empty data array).
template <mode M>
void network_2_16_16_1(benchmark::State& state) {
    constexpr auto loss = memograd::dense_network_loss<2, 16, 2>();
    run<M>(state, loss, dense_network_point<2, 16, 2>(), std::array<double, 0>{});
}

}  // namespace

BENCHMARK(lecture_network<mode::reverse>)->Name("lecture/reverse");
BENCHMARK(lecture_network<mode::forward>)->Name("lecture/forward");
BENCHMARK(lecture_network<mode::one_tangent_pass>)->Name("lecture/jvp");
BENCHMARK(network_2_16_16_1<mode::reverse>)->Name("2_16_16_1/reverse");
BENCHMARK(network_2_16_16_1<mode::forward>)->Name("2_16_16_1/forward");
BENCHMARK(network_2_16_16_1<mode::one_tangent_pass>)->Name("2_16_16_1/jvp");

BENCHMARK_MAIN();
