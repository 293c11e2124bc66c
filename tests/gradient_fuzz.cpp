// Differential fuzzing of the generated gradient. Random expression DAGs (tests/random_expressions.hpp,
// seeds FUZZ_FIRST_SEED .. +FUZZ_SEEDS, depth FUZZ_DEPTH) are evaluated at FUZZ_POINTS points each, half
// ordinary (|x| <= 1.5), half extreme (|x| from 1e-8 to 1e2, and exact zeros). Every finite case compares
// the memoized backward pass with three oracles that share none of its machinery:
//   forward mode (dual numbers, tests/dual_numbers.hpp), the unmemoized path sum, and, at the ordinary
//   points, central finite differences.
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
    int compared = 0;             // finite cases checked against forward mode and the path sum
    int with_differences = 0;     // ... of which also against finite differences
    int non_finite = 0;           // value overflowed at an extreme point: nothing to compare
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

bool all_finite(const auto& grad) {
    for (const double g : grad) {
        if (!std::isfinite(g)) {
            return false;
        }
    }
    return true;
}

template <class E>
void fuzz_one(const E& expr, std::mt19937_64& rng, bool kinks, fuzz_counts& counts) {
    using memograd_tests::near;
    std::uniform_real_distribution<double> ordinary(-1.5, 1.5);
    counts.fewest_nodes = std::min(counts.fewest_nodes, memograd::stats<E>::nodes);
    counts.most_nodes = std::max(counts.most_nodes, memograd::stats<E>::nodes);
    for (int p = 0; p < FUZZ_POINTS; ++p) {
        const bool is_ordinary = p % 2 == 0;
        std::array<double, memograd_tests::random_inputs> at{};
        for (double& x : at) {
            x = is_ordinary ? ordinary(rng) : extreme(rng);
        }
        const auto memo = memograd::value_and_grad(expr, at);
        if (!std::isfinite(memo.value) || !all_finite(memo.grad)) {
            ++counts.non_finite;
            continue;
        }
        const auto forward = memograd_tests::forward_mode(expr, at);
        const auto paths = memograd::path_sum_value_and_grad(expr, at);
        INFO("point (" << at[0] << ", " << at[1] << ", " << at[2] << ")");
        CHECK(near(memo.value, forward.value, 1e-12));
        CHECK(near(memo.value, paths.value, 1e-12));
        const bool with_differences = is_ordinary && !kinks;
        const auto fd = with_differences ? memograd_tests::finite_difference_gradient(expr, at) : at;
        for (std::size_t i = 0; i < at.size(); ++i) {
            INFO("input " << i << ": memoized " << memo.grad[i] << ", forward " << forward.tangent[i]
                          << ", path sum " << paths.grad[i]);
            CHECK(near(memo.grad[i], forward.tangent[i], 1e-9));
            CHECK(near(memo.grad[i], paths.grad[i], 1e-9));
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
    std::printf("gradient fuzz: %d expressions of depth %d (%zu to %zu nodes), %d finite cases compared (%d also with finite "
                "differences), %d non-finite skipped\n",
                FUZZ_SEEDS, FUZZ_DEPTH, counts.fewest_nodes, counts.most_nodes, counts.compared, counts.with_differences, counts.non_finite);
    // Extreme points overflow only rarely: at least 90% of all points must have been compared.
    CHECK(counts.compared + counts.non_finite == FUZZ_SEEDS * FUZZ_POINTS);
    CHECK(counts.compared * 10 >= FUZZ_SEEDS * FUZZ_POINTS * 9);
}
