// memograd::multiply and memograd::square (Karatsuba on limbs, the number-theoretic transform on long
// ones) against Boost.Multiprecision's own multiplication: at compile time for operands of 1 to 100 limbs,
// at run time for 1 to 20,000 limbs; the transform alone at both, from 1 limb up.
// Operands are built with Boost's documented operations (shifts and ors of 64-bit words, import_bits),
// so neither side of a comparison goes through memograd's access to Boost's limbs.
#include "catch.hpp"

#include <memograd/fibonacci/fast_doubling.hpp>
#include <memograd/fibonacci/karatsuba.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <type_traits>
#include <vector>

namespace {

using memograd::fixed_uint;
using boost::multiprecision::cpp_int;
using memograd::detail::limb;

// xorshift64: the operands' limbs.
constexpr std::uint64_t next_random(std::uint64_t& state) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

// A value of exactly `Limbs` limbs (top limb non-zero), built with Boost's shifts and ors only.
// pattern 0: random limbs; 1: every bit set (carries everywhere); 2: random with a run of zero limbs.
template <std::size_t Limbs>
constexpr fixed_uint<64 * Limbs> operand(std::uint64_t seed, int pattern = 0) {
    fixed_uint<64 * Limbs> x = 0u;
    for (std::size_t i = 0; i < Limbs; ++i) {
        std::uint64_t word = pattern == 1 ? ~std::uint64_t{0} : next_random(seed);
        if (pattern == 2 && i > Limbs / 4 && i < Limbs / 2) {
            word = 0;
        }
        if (i == 0) {
            word |= 1;  // the top limb (shifted up Limbs − 1 times) is non-zero
        }
        x = (x << 64) | word;
    }
    return x;
}

// The transform's product (not multiply's choice of method) against Boost's; A == B with the same
// seed squares, as the transform does when both operands are one array.
template <std::size_t A, std::size_t B>
constexpr bool transform_matches_boost(std::uint64_t seed, std::uint64_t b_seed, int pattern = 0) {
    const auto a = operand<A>(seed, pattern);
    const auto b = operand<B>(b_seed, pattern);
    using wide = fixed_uint<64 * (A + B)>;
    const bool squaring = A == B && seed == b_seed;
    const auto product = memograd::detail::from_limbs<64 * (A + B)>(A + B, [&](limb* r) {
        memograd::detail::ntt_multiply_limbs(r, memograd::detail::limbs_of(a), A,
                                             squaring ? memograd::detail::limbs_of(a) : memograd::detail::limbs_of(b), B);
    });
    return product == wide(a) * wide(b);
}

// Boost's own product, in the width that holds it.
template <std::size_t A, std::size_t B>
constexpr bool multiply_matches_boost(std::uint64_t seed, int pattern = 0) {
    const auto a = operand<A>(seed, pattern);
    const auto b = operand<B>(seed * 3 + 1, pattern);
    using wide = fixed_uint<64 * (A + B)>;
    return memograd::multiply(a, b) == wide(a) * wide(b);
}

template <std::size_t N>
constexpr bool square_matches_boost(std::uint64_t seed, int pattern = 0) {
    const auto a = operand<N>(seed, pattern);
    using wide = fixed_uint<128 * N>;
    return memograd::square(a) == wide(a) * wide(a);
}

cpp_int from_words(const std::vector<limb>& words) {  // least significant first
    cpp_int x;
    import_bits(x, words.rbegin(), words.rend(), 64);
    return x;
}

std::vector<limb> random_words(std::size_t n, std::mt19937_64& rng, int pattern) {
    std::vector<limb> words(n);
    for (std::size_t i = 0; i < n; ++i) {
        words[i] = pattern == 1 ? ~limb{0} : rng();
        if (pattern == 2 && i > n / 4 && i < n / 2) {
            words[i] = 0;
        }
    }
    words[n - 1] |= limb{1} << 63;
    return words;
}

// Products and squares of random operands of each pair of sizes against Boost's; the operands' pattern
// cycles through random, all bits set and a run of zero limbs.
template <class Multiply, class Square>
void check_products(const std::vector<std::pair<std::size_t, std::size_t>>& sizes, std::mt19937_64& rng,
                    Multiply multiply, Square square) {
    int pattern = 0;
    for (const auto& [an, bn] : sizes) {
        pattern = (pattern + 1) % 3;
        INFO(an << " x " << bn << " limbs, pattern " << pattern);
        const auto a = random_words(an, rng, pattern);
        const auto b = random_words(bn, rng, pattern);
        std::vector<limb> product(an + bn);
        multiply(product.data(), a.data(), an, b.data(), bn);
        const cpp_int boost_a = from_words(a);
        REQUIRE(from_words(product) == boost_a * from_words(b));
        std::vector<limb> squared(2 * an);
        square(squared.data(), a.data(), an);
        REQUIRE(from_words(squared) == boost_a * boost_a);
    }
}

}  // namespace

TEST_CASE("multiply and square agree with Boost's multiplication at compile time", "[karatsuba][static]") {
    //! [multiply]
    constexpr auto a = operand<40>(1);  // 40 limbs, 2560 bits
    constexpr auto b = operand<30>(2);
    static_assert(memograd::multiply(a, b) == fixed_uint<4480>(a) * fixed_uint<4480>(b));
    //! [multiply]
    //! [square]
    static_assert(memograd::square(a) == fixed_uint<5120>(a) * fixed_uint<5120>(a));
    //! [square]
    // Schoolbook sizes, the Karatsuba threshold (24 limbs) on both sides, odd splits, unbalanced operands.
    STATIC_REQUIRE(multiply_matches_boost<1, 1>(3));
    STATIC_REQUIRE(multiply_matches_boost<2, 3>(4));
    STATIC_REQUIRE(multiply_matches_boost<3, 40>(5));
    STATIC_REQUIRE(multiply_matches_boost<23, 23>(6));
    STATIC_REQUIRE(multiply_matches_boost<24, 24>(7));
    STATIC_REQUIRE(multiply_matches_boost<25, 25>(8));
    STATIC_REQUIRE(multiply_matches_boost<49, 49>(9));
    STATIC_REQUIRE(multiply_matches_boost<49, 49>(10, 1));
    STATIC_REQUIRE(multiply_matches_boost<64, 64>(11, 2));
    STATIC_REQUIRE(multiply_matches_boost<100, 37>(12));
    STATIC_REQUIRE(multiply_matches_boost<37, 100>(13, 1));
    STATIC_REQUIRE(square_matches_boost<1>(14));
    STATIC_REQUIRE(square_matches_boost<3>(15));
    STATIC_REQUIRE(square_matches_boost<24>(16));
    STATIC_REQUIRE(square_matches_boost<49>(17));
    STATIC_REQUIRE(square_matches_boost<49>(18, 1));
    STATIC_REQUIRE(square_matches_boost<100>(19, 2));
    // Zero and one: Boost keeps one limb for zero.
    STATIC_REQUIRE(memograd::multiply(fixed_uint<256>(0u), operand<4>(20)) == 0u);
    STATIC_REQUIRE(memograd::multiply(fixed_uint<256>(1u), operand<4>(21)) == operand<4>(21));
}

TEST_CASE("the number-theoretic transform's products agree with Boost's at compile time", "[karatsuba][ntt][static]") {
    // Three limbs (pieces straddle limb boundaries), unequal lengths, all bits set (the largest
    // coefficients), squares; multiply takes the transform from detail::ntt_threshold() limbs, which is
    // the same function.
    STATIC_REQUIRE(transform_matches_boost<3, 3>(1, 2));
    STATIC_REQUIRE(transform_matches_boost<3, 3>(3, 3));
    STATIC_REQUIRE(transform_matches_boost<11, 5>(4, 5, 1));
    STATIC_REQUIRE(transform_matches_boost<40, 40>(6, 6, 1));
    STATIC_REQUIRE(transform_matches_boost<64, 33>(7, 8, 2));
}

TEST_CASE("the transform is used only where its coefficients are exact", "[karatsuba][ntt][static]") {
    // A coefficient sums m products of two 22-bit pieces; exact while m·(2^22 − 1)² < p = 29·2^57 + 1.
    constexpr std::uint64_t p = 29 * (std::uint64_t{1} << 57) + 1;
    constexpr std::uint64_t largest_square = ((std::uint64_t{1} << 22) - 1) * ((std::uint64_t{1} << 22) - 1);
    constexpr auto max_pieces = static_cast<std::size_t>((p - 1) / largest_square);
    constexpr std::size_t max_limbs = max_pieces * 22 / 64;  // whole limbs of at most max_pieces pieces
    STATIC_REQUIRE(memograd::detail::ntt_prime == p);
    STATIC_REQUIRE(memograd::detail::ntt_fits(max_limbs, max_limbs));
    STATIC_REQUIRE(memograd::detail::ntt_fits(max_limbs, 10 * max_limbs));  // the shorter operand counts
    STATIC_REQUIRE_FALSE(memograd::detail::ntt_fits(max_limbs + 1, max_limbs + 1));
}

TEST_CASE("multiply and square take fixed_uints and return the width that holds every result", "[karatsuba][static]") {
    STATIC_REQUIRE(memograd::fixed_width_uint<fixed_uint<64>>);
    STATIC_REQUIRE(memograd::fixed_width_uint<memograd::fib_uint<2000>>);
    STATIC_REQUIRE_FALSE(memograd::fixed_width_uint<cpp_int>);  // arbitrary precision: no width
    STATIC_REQUIRE_FALSE(memograd::fixed_width_uint<std::uint64_t>);
    STATIC_REQUIRE(memograd::fixed_uint_bits_v<fixed_uint<4480>> == 4480);
    STATIC_REQUIRE(std::is_same_v<decltype(memograd::multiply(fixed_uint<192>(1u), fixed_uint<320>(1u))), fixed_uint<512>>);
    STATIC_REQUIRE(std::is_same_v<decltype(memograd::square(fixed_uint<192>(1u))), fixed_uint<384>>);
    // The largest values of both widths: the product needs every bit of the result type.
    constexpr auto max_a = ~fixed_uint<192>(0u);
    constexpr auto max_b = ~fixed_uint<320>(0u);
    STATIC_REQUIRE(memograd::multiply(max_a, max_b) == fixed_uint<512>(max_a) * fixed_uint<512>(max_b));
}

TEST_CASE("the limbs memograd reads and writes are Boost's", "[karatsuba][static]") {
    // limbs {1, 2, 3}: 1 + 2·2^64 + 3·2^128, written through from_limbs, compared with Boost's shifts.
    constexpr auto x = memograd::detail::from_limbs<256>(3, [](memograd::detail::limb* out) {
        out[0] = 1;
        out[1] = 2;
        out[2] = 3;
    });
    STATIC_REQUIRE(x == (fixed_uint<256>(3u) << 128 | fixed_uint<256>(2u) << 64 | 1u));
    STATIC_REQUIRE(memograd::detail::limb_count(x) == 3);
    STATIC_REQUIRE(memograd::detail::limbs_of(x)[2] == 3);
    // Leading zero limbs are trimmed, as Boost's own arithmetic leaves them.
    constexpr auto y = memograd::detail::from_limbs<256>(4, [](memograd::detail::limb* out) { out[0] = 5; });
    STATIC_REQUIRE(memograd::detail::limb_count(y) == 1);
    STATIC_REQUIRE(y == 5u);
    STATIC_REQUIRE(memograd::detail::limb_count(fixed_uint<256>(0u)) == 1);
}

TEST_CASE("multiply and square agree with Boost's multiplication for 1 to 20,000 limbs", "[karatsuba][runtime]") {
    std::mt19937_64 rng(20261127);
    // Sizes log-uniform over 1..20,000 limbs, plus the edges: threshold, odd splits, the largest size.
    std::vector<std::pair<std::size_t, std::size_t>> sizes = {
        {1, 1},     {1, 20000}, {23, 24},       {24, 24},       {25, 25},      {47, 48},
        {48, 49},   {97, 97},   {5424, 5424},   {20000, 20000}, {20000, 3},    {19999, 10001}};
    std::uniform_real_distribution<double> log_size(0.0, 9.903);  // e^9.903 ≈ 20,000
    for (int i = 0; i < 60; ++i) {
        const auto a = static_cast<std::size_t>(std::exp(log_size(rng)));
        const auto b = i % 3 == 0 ? a : static_cast<std::size_t>(std::exp(log_size(rng)));
        sizes.emplace_back(std::max<std::size_t>(a, 1), std::max<std::size_t>(b, 1));
    }
    check_products(sizes, rng, memograd::detail::multiply_limbs, memograd::detail::square_limbs);
}

TEST_CASE("the transform's products agree with Boost's at run time", "[karatsuba][ntt][runtime]") {
    std::mt19937_64 rng(20261203);
    const std::vector<std::pair<std::size_t, std::size_t>> sizes = {
        {1, 1}, {1, 7}, {2, 2}, {11, 3}, {100, 100}, {777, 513}, {5424, 5424}, {12000, 40}};
    // Squares through the same function, both operands one array.
    check_products(sizes, rng, memograd::detail::ntt_multiply_limbs,
                   [](limb* r, const limb* a, std::size_t n) { memograd::detail::ntt_multiply_limbs(r, a, n, a, n); });
}

TEST_CASE("multiply and square of fixed_uints agree with Boost's at run time", "[karatsuba][runtime]") {
    // Through the public API at run time, with operands a compile-time width cannot fold away.
    constexpr std::size_t a_limbs = 300;
    constexpr std::size_t b_limbs = 170;
    std::mt19937_64 rng(7);
    for (int i = 0; i < 4; ++i) {
        const auto a = random_words(a_limbs, rng, i % 3);
        const auto b = random_words(b_limbs, rng, i % 3);
        fixed_uint<64 * a_limbs> fa;
        fixed_uint<64 * b_limbs> fb;
        import_bits(fa, a.rbegin(), a.rend(), 64);
        import_bits(fb, b.rbegin(), b.rend(), 64);
        const cpp_int product(memograd::multiply(fa, fb));
        CHECK(product == from_words(a) * from_words(b));
        const cpp_int squared(memograd::square(fa));
        CHECK(squared == from_words(a) * from_words(a));
    }
}
