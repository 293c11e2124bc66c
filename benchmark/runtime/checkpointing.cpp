// Memoization against recomputation (examples/checkpointing.hpp): the gradient of a 128-step recurrence
// h = tanh(w h + b), every value kept (one value_and_grad) or only every K-th step's input kept and each
// segment recomputed in the backward pass (K = 1, 2, 4, ..., 128).
// `benchmark/runtime_benchmark.sh checkpointing` runs it with GCC 12 and Clang 19 (interleaved repetitions,
// CPU time) and writes docs/data/runtime_checkpointing_<compiler>.txt.
#include "checkpointing.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cstddef>

namespace {

constexpr std::size_t steps = 128;

// One gradient per iteration, of either strategy (a function of x = {w, b, h0} and the target).
template <auto Gradient>
void gradient(benchmark::State& state) {
    std::array<double, 3> x{0.95, 0.1, 0.5};
    double target = 0.2;
    for (auto _ : state) {
        benchmark::DoNotOptimize(x);
        benchmark::DoNotOptimize(target);
        auto result = Gradient(x, target);
        benchmark::DoNotOptimize(result);
    }
}

}  // namespace

BENCHMARK(gradient<&checkpointing::memoized<steps>>)->Name("memoized")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 1>>)->Name("checkpointed/1")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 2>>)->Name("checkpointed/2")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 4>>)->Name("checkpointed/4")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 8>>)->Name("checkpointed/8")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 16>>)->Name("checkpointed/16")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 32>>)->Name("checkpointed/32")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 64>>)->Name("checkpointed/64")->Unit(benchmark::kNanosecond);
BENCHMARK(gradient<&checkpointing::checkpointed<steps, 128>>)->Name("checkpointed/128")->Unit(benchmark::kNanosecond);

BENCHMARK_MAIN();
