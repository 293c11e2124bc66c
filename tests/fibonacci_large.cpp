// F(100000) as a constant expression: past the default budget, so this file is built with
// memograd_raise_constexpr_limits(). The expected digest comes from tests/data (Python integers).
#include "catch.hpp"

#include <memograd/fibonacci.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>

namespace {
constexpr std::uint64_t ten_to_18 = 1'000'000'000'000'000'000;
}

TEST_CASE("F(100000) is computed by the compiler", "[fibonacci][static][large]") {
    //! [raised]
    constexpr auto& f = memograd::fib_v<100'000>;  // 69424 bits, 20899 decimal digits
    //! [raised]
    STATIC_REQUIRE(memograd::detail::bit_length(f) == 69424);
    STATIC_REQUIRE(static_cast<std::uint64_t>(f % ten_to_18) == 895374653428746875u);
    STATIC_REQUIRE(static_cast<std::uint64_t>(f % ((std::uint64_t{1} << 61) - 1)) == 396479946705568275u);
    CHECK(f.str() == memograd::fibonacci(100'000).str());
    // The digit count by another route, Binet's formula: F(n) has floor(n log10(phi) - log10(sqrt 5)) + 1
    // digits (the fractional part, 0.41 here, is far from an integer, so doubles decide it).
    const double log10_f = 100'000 * std::log10(std::numbers::phi) - std::log10(std::sqrt(5.0));
    CHECK(f.str().size() == static_cast<std::size_t>(std::floor(log10_f)) + 1);
    CHECK(f.str().size() == 20'899);  // the count chapter 2 gives
}
