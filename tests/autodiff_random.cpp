// Random expression DAGs (tests/random_expressions.hpp): the generated memoized pass against the path
// sum and central finite differences. RANDOM_FIRST_SEED..+RANDOM_SEEDS, RANDOM_KINKS select the share.
#include "catch.hpp"
#include "gradient_checks.hpp"
#include "random_expressions.hpp"

#include <array>
#include <cstdint>
#include <random>
#include <utility>

namespace {
template <bool Kinks, std::uint64_t First, std::uint64_t... Seed>
void check_random_expressions(std::integer_sequence<std::uint64_t, Seed...>, std::mt19937_64& rng, int& cases) {
    std::uniform_real_distribution<double> point(-1.5, 1.5);
    const auto one = [&](const auto& expr) {
        for (int p = 0; p < 5; ++p) {
            const std::array at{point(rng), point(rng), point(rng)};
            memograd_tests::check_against_references(expr, at, !Kinks);
            ++cases;
        }
    };
    (one(memograd_tests::random_expression<First + Seed, 5, Kinks>()), ...);
}
}  // namespace

TEST_CASE("random expression DAGs: memoized = path sum = finite differences", "[autodiff][runtime][random]") {
    std::mt19937_64 rng(RANDOM_FIRST_SEED + 1);
    int cases = 0;
    check_random_expressions<RANDOM_KINKS != 0, RANDOM_FIRST_SEED>(
        std::make_integer_sequence<std::uint64_t, RANDOM_SEEDS>{}, rng, cases);
    CHECK(cases == 5 * RANDOM_SEEDS);
}
