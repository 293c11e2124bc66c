// Differential fuzzing of the generated gradient. Random expression DAGs (tests/random_expressions.hpp,
// seeds FUZZ_FIRST_SEED .. +FUZZ_SEEDS, depth FUZZ_DEPTH) are evaluated at FUZZ_POINTS points each, half
// ordinary (|x| <= 1.5), half extreme (|x| from 1e-8 to 1e2, and exact zeros). Wherever forward mode
// gives a finite value and gradient, the memoized backward pass must too, and must match three oracles:
//   forward mode (dual numbers, tests/dual_numbers.hpp: its own derivative rules, a tree walk), within
//     1e-10 of the rounding scale of the chain rule's terms, so gradients far below 1 are checked too;
//   the unmemoized path sum, under the same bound: it shares the operations' rules (ops.hpp) with the
//     passes, so it checks the graph analysis, the storage plan and the generated passes, not the rules;
//   at the ordinary points, central finite differences (1e-6, relative to 1 + |a| + |b|).
// The counts are printed so CI logs show how many cases ran.
#include "catch.hpp"
#include "dual_numbers.hpp"
#include "gradient_checks.hpp"
#include "random_expressions.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <utility>

namespace {

struct fuzz_counts {
    int compared = 0;             // cases checked against forward mode and the path sum
    int with_differences = 0;     // ... of which also against finite differences
    int non_finite = 0;           // forward mode overflowed at an extreme point: no finite oracle
    int below_1e_9 = 0;           // gradient entries compared whose size is below 1e-9 but not 0
    std::size_t fewest_nodes = SIZE_MAX;
    std::size_t most_nodes = 0;
};

double extreme(std::mt19937_64& rng) {
    std::uniform_real_distribution<double> exponent(-8.0, 2.0);
    std::bernoulli_distribution negative(0.5);
    std::uniform_int_distribution<int> zero(0, 15);
    if (zero(rng) == 0) {
        return 0.0;
    }
    const double magnitude = std::pow(10.0, exponent(rng));
    return negative(rng) ? -magnitude : magnitude;
}

bool all_finite(const auto& values) {
    return std::ranges::all_of(values, [](double v) { return std::isfinite(v); });
}

template <class E>
void fuzz_one(const E& expr, std::mt19937_64& rng, bool kinks, fuzz_counts& counts) {
    using memograd_tests::near;
    using memograd_tests::near_gradient;
    std::uniform_real_distribution<double> ordinary(-1.5, 1.5);
    counts.fewest_nodes = std::min(counts.fewest_nodes, memograd::stats<E>::nodes);
    counts.most_nodes = std::max(counts.most_nodes, memograd::stats<E>::nodes);
    for (int p = 0; p < FUZZ_POINTS; ++p) {
        const bool is_ordinary = p % 2 == 0;
        std::array<double, memograd_tests::random_inputs> at{};
        for (double& x : at) {
            x = is_ordinary ? ordinary(rng) : extreme(rng);
        }
        // The oracle decides which points count: a non-finite memoized result where forward mode is
        // finite fails below, it is not skipped.
        const auto forward = memograd_tests::forward_mode(expr, at);
        if (!std::isfinite(forward.value) || !all_finite(forward.tangent) || !all_finite(forward.scale)) {
            ++counts.non_finite;
            continue;
        }
        const auto memo = memograd::value_and_grad(expr, at);
        const auto paths = memograd::path_sum_value_and_grad(expr, at);
        INFO("point (" << at[0] << ", " << at[1] << ", " << at[2] << ")");
        CHECK(near(memo.value, forward.value, 1e-12));
        CHECK(near(memo.value, paths.value, 1e-12));
        const bool with_differences = is_ordinary && !kinks;
        const auto fd = with_differences ? memograd_tests::finite_difference_gradient(expr, at) : at;
        for (std::size_t i = 0; i < at.size(); ++i) {
            INFO("input " << i << ": memoized " << memo.grad[i] << ", forward " << forward.tangent[i]
                          << ", path sum " << paths.grad[i] << ", rounding scale " << forward.scale[i]);
            CHECK(near_gradient(memo.grad[i], forward.tangent[i], forward.scale[i], 1e-10));
            CHECK(near_gradient(memo.grad[i], paths.grad[i], forward.scale[i], 1e-10));
            counts.below_1e_9 += forward.tangent[i] != 0 && std::abs(forward.tangent[i]) < 1e-9 ? 1 : 0;
            if (with_differences) {
                CHECK(near(memo.grad[i], fd[i], 1e-6));
            }
        }
        ++counts.compared;
        counts.with_differences += with_differences ? 1 : 0;
    }
}

template <std::uint64_t First, std::uint64_t... Seed>
void fuzz_all(std::integer_sequence<std::uint64_t, Seed...>, std::mt19937_64& rng, fuzz_counts& counts) {
    constexpr bool kinks = FUZZ_KINKS != 0;
    (fuzz_one(memograd_tests::random_expression<First + Seed, FUZZ_DEPTH, kinks>(), rng, kinks, counts), ...);
}

}  // namespace

TEST_CASE("fuzzed gradients: memoized = forward mode = path sum = finite differences", "[autodiff][fuzz]") {
    std::mt19937_64 rng(FUZZ_FIRST_SEED * 7919 + FUZZ_DEPTH);
    fuzz_counts counts;
    fuzz_all<FUZZ_FIRST_SEED>(std::make_integer_sequence<std::uint64_t, FUZZ_SEEDS>{}, rng, counts);
    std::printf("gradient fuzz: %d expressions of depth %d (%zu to %zu nodes), %d cases compared (%d also with finite "
                "differences; %d gradient entries of size below 1e-9), %d where forward mode is not finite\n",
                FUZZ_SEEDS, FUZZ_DEPTH, counts.fewest_nodes, counts.most_nodes, counts.compared, counts.with_differences,
                counts.below_1e_9, counts.non_finite);
    // Extreme points overflow only rarely: at least 90% of all points must have been compared.
    CHECK(counts.compared * 10 >= FUZZ_SEEDS * FUZZ_POINTS * 9);
}
