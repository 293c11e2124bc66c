// Run-time claims of the Fibonacci half, checked against data computed outside memograd
// (tests/data/make_reference.py) and, when the build has GMP, against GMP's own mpz_fib_ui.
#include "catch.hpp"
#include "reference_data.hpp"

#include <memograd/fibonacci.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>

namespace {

using memograd_tests::fibonacci_decimal_0_1000;

template <class Number>
std::uint64_t mod_u64(const Number& x, std::uint64_t m) {
    return static_cast<std::uint64_t>(Number(x % m));
}

}  // namespace

TEST_CASE("fibonacci(n) matches the reference for n = 0..1000", "[fibonacci][runtime]") {
    const auto& expected = fibonacci_decimal_0_1000();
    REQUIRE(expected.size() == 1001);
    for (std::uint64_t n = 0; n <= 1000; ++n) {
        INFO("n = " << n);
        REQUIRE(memograd::fibonacci(n).str() == expected[n]);
    }
}

TEMPLATE_TEST_CASE("basic_fibonacci<Int>(n) matches the reference digests up to n = 10^6", "[fibonacci][runtime]",
                   memograd::big_uint, boost::multiprecision::cpp_int) {
    const auto rows = memograd_tests::fibonacci_digests();
    REQUIRE(rows.size() == memograd_tests::digest_rows);
    REQUIRE(rows.back().n == 1'000'000);
    for (const auto& row : rows) {
        INFO("n = " << row.n);
        const auto f = memograd::basic_fibonacci<TestType>(row.n);
        CHECK(msb(f) + 1 == row.bit_length);
        CHECK(mod_u64(f, memograd_tests::mersenne61) == row.mod_mersenne61);
        CHECK(mod_u64(f, memograd_tests::ten_to_18) == row.mod_1e18);
    }
}

#if defined(MEMOGRAD_USE_GMP) && MEMOGRAD_USE_GMP
TEST_CASE("fibonacci(n) equals GMP's mpz_fib_ui at random n", "[fibonacci][runtime][gmp]") {
    std::mt19937_64 rng(20261124);
    std::uniform_int_distribution<std::uint64_t> index(0, 200'000);
    for (int i = 0; i < 50; ++i) {
        const std::uint64_t n = index(rng);
        memograd::big_uint reference;
        mpz_fib_ui(reference.backend().data(), n);
        INFO("n = " << n);
        REQUIRE(memograd::fibonacci(n) == reference);
    }
}
#endif

TEST_CASE("fibonacci(n) rejects n past fibonacci_max_index before allocating", "[fibonacci][runtime]") {
    CHECK_THROWS_AS(memograd::fibonacci(memograd::fibonacci_max_index + 1), memograd::fibonacci_too_large);
    CHECK_THROWS_AS(memograd::fibonacci(std::numeric_limits<std::uint64_t>::max()), std::length_error);
    try {
        (void)memograd::fibonacci(memograd::fibonacci_max_index + 1);
        FAIL("no exception");
    } catch (const memograd::fibonacci_too_large& error) {
        CHECK(std::string(error.what()).find("exceeds fibonacci_max_index") != std::string::npos);
    }
}

TEST_CASE("naive_fibonacci makes 2F(n+1) - 1 calls and refuses n > 93 up front", "[fibonacci][runtime]") {
    const auto& expected = fibonacci_decimal_0_1000();
    for (std::uint64_t n = 0; n <= 30; ++n) {
        INFO("n = " << n);
        const auto result = memograd::naive_fibonacci(n);
        CHECK(std::to_string(result.value) == expected[n]);
        CHECK(result.work == 2 * std::stoull(expected[n + 1]) - 1);
    }
    CHECK_THROWS_AS(memograd::naive_fibonacci(94), std::out_of_range);
}

TEST_CASE("compile-time values match the reference at run time", "[fibonacci][runtime]") {
    const auto& expected = fibonacci_decimal_0_1000();
    // The bottom-up table, materialized by the compiler, against every reference row.
    const auto& table = memograd::fib_table<1000>;
    for (std::size_t n = 0; n <= 1000; ++n) {
        INFO("n = " << n);
        REQUIRE(table[n].str() == expected[n]);
    }
    CHECK(memograd::memoized_fibonacci<480>().value.str() == expected[480]);
    CHECK(memograd::instantiated_fibonacci<800>().value.str() == expected[800]);
    CHECK(memograd::fib_v<1000>.str() == expected[1000]);
    const auto rows = memograd_tests::fibonacci_digests();
    const auto row = std::ranges::find_if(rows, [](const auto& r) { return r.n == 2000; });
    REQUIRE(row != rows.end());
    const auto& f = memograd::fib_v<2000>;
    CHECK(memograd::detail::bit_length(f) == row->bit_length);
    CHECK(mod_u64(f, memograd_tests::mersenne61) == row->mod_mersenne61);
    CHECK(mod_u64(f, memograd_tests::ten_to_18) == row->mod_1e18);
}

TEST_CASE("parse_decimal rejects what is not a decimal number that fits", "[fibonacci][runtime]") {
    CHECK(memograd::parse_decimal<64>("18446744073709551615") == std::numeric_limits<std::uint64_t>::max());
    CHECK_THROWS_AS(memograd::parse_decimal<64>("18446744073709551616"), std::overflow_error);
    CHECK_THROWS_AS(memograd::parse_decimal<64>(""), std::invalid_argument);
    CHECK_THROWS_AS(memograd::parse_decimal<64>("12a"), std::invalid_argument);
}
