// The lecture's three ways to apply the chain rule, timed on the lecture's network (examples/
// lecture_network.hpp) and on width-2 tanh networks of 1 to 6 hidden layers: path enumeration (every
// path's product on its own), the tree walk (running product passed down; no memoization) and the
// memoized backward pass memograd generates. The first two also re-evaluate forward values at every
// level of the tree; their multiplication counts are stats<E>::enumeration_products and
// tree_walk_products. `benchmark/runtime_benchmark.sh chain_rule` runs it with GCC 12 and Clang 19.
#include "dense_network_point.hpp"
#include "lecture_network.hpp"

#include <memograd/autodiff.hpp>

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>

namespace {

enum class method { enumeration, tree_walk, memoized };

template <method M, class E, class X, class D>
void run(benchmark::State& state, const E& expr, X x, const D& data) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        if constexpr (M == method::enumeration) {
            auto r = memograd::path_enumeration_value_and_grad(expr, x, data);
            benchmark::DoNotOptimize(r);
        } else if constexpr (M == method::tree_walk) {
            auto r = memograd::path_sum_value_and_grad(expr, x, data);
            benchmark::DoNotOptimize(r);
        } else {
            auto r = memograd::value_and_grad(expr, x, data);
            benchmark::DoNotOptimize(r);
        }
    }
}

template <method M>
void lecture_network(benchmark::State& state) {
    run<M>(state, lecture::loss, lecture::point, lecture::target);
}

// dense_network_loss keeps its target as the last var; no data leaves (an empty data array).
template <method M, std::size_t Depth>
void width2(benchmark::State& state) {
    constexpr auto loss = memograd::dense_network_loss<2, 2, Depth>();
    run<M>(state, loss, dense_network_point<2, 2, Depth>(), std::array<double, 0>{});
}

}  // namespace

BENCHMARK(lecture_network<method::enumeration>)->Name("lecture/enumeration");
BENCHMARK(lecture_network<method::tree_walk>)->Name("lecture/tree_walk");
BENCHMARK(lecture_network<method::memoized>)->Name("lecture/memoized");
#define MEMOGRAD_WIDTH2(D)                                                            \
    BENCHMARK(width2<method::enumeration, D>)->Name("width2_depth" #D "/enumeration"); \
    BENCHMARK(width2<method::tree_walk, D>)->Name("width2_depth" #D "/tree_walk");     \
    BENCHMARK(width2<method::memoized, D>)->Name("width2_depth" #D "/memoized")
MEMOGRAD_WIDTH2(1);
MEMOGRAD_WIDTH2(2);
MEMOGRAD_WIDTH2(3);
MEMOGRAD_WIDTH2(4);
MEMOGRAD_WIDTH2(5);
MEMOGRAD_WIDTH2(6);

BENCHMARK_MAIN();
