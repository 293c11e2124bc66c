// F(100000) as a constant expression: past the default budget, so this file is built with
// memograd_raise_constexpr_limits(). The expected digest comes from tests/data (Python integers).
#include "catch.hpp"

#include <memograd/fibonacci.hpp>

#include <cstdint>

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
}
