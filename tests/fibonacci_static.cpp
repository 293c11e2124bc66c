// Compile-time claims of the Fibonacci half of the lecture. Every STATIC_REQUIRE is a static_assert that
// Catch2 also reports, so a failure stops the build and a pass shows up in the test log.
#include "catch.hpp"

#include <memograd/fibonacci.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <numeric>
#include <type_traits>

namespace {

using memograd::fixed_uint;

// The number the lecture's notebook prints for fib(2000).
constexpr const char* lecture_f2000 =
    "4224696333392304878706725602341482782579852840250681098010280137314308584370130707224123599639141511088446087"
    "538909603607640194711643596029271983312598737326253555802606991585915229492453904998722256795316982874482472"
    "992263901833716778060607011615497886719879858311468870876264597369086722884023654422295243347964480139515349"
    "562972087652656069529806499841977448720155612802665404554171717881930324025204312082516817125";

// Widen any fixed_uint to W bits, so identities can mix values of different widths.
template <std::size_t W, class T>
constexpr fixed_uint<W> widen(const T& x) {
    return fixed_uint<W>(x);
}

template <class T>
constexpr T gcd(T a, T b) {
    while (b != 0u) {
        T r = a % b;
        a = b;
        b = r;
    }
    return a;
}

// Tier-2 negative checks: is the expression well-formed for this argument?
template <auto N>
concept has_fib_v = requires { memograd::fib_v<N>; };
template <auto Bits>
concept is_fixed_width = requires { typename fixed_uint<Bits>; };

}  // namespace

TEST_CASE("fib_v<2000> is the number the lecture prints", "[fibonacci][static]") {
    //! [fib_v]
    constexpr auto f2000 = memograd::fib_v<2000>;
    STATIC_REQUIRE(f2000 == memograd::parse_decimal<1408>(lecture_f2000));
    //! [fib_v]
    STATIC_REQUIRE(memograd::detail::bit_length(f2000) == 1388);  // Python: fib(2000).bit_length()
}

TEST_CASE("fib_pair_v<K> is the fast-doubling level (F(K), F(K - 1))", "[fibonacci][static]") {
    //! [fib_pair_v]
    constexpr const auto& level = memograd::fib_pair_v<50>;  // F(100) and F(101) are computed from it
    static_assert(level.current == 12586269025u && level.previous == 7778742049u);  // F(50), F(49)
    //! [fib_pair_v]
    STATIC_REQUIRE(memograd::fib_pair_v<1>.current == 1u);
    STATIC_REQUIRE(memograd::fib_pair_v<1>.previous == 0u);
    // Levels 50, 25, 12, 6 and 3 each square the level below twice; level 1 is F(1), F(0).
    STATIC_REQUIRE(level.multiplications == 10);
}

TEST_CASE("fib_uint<N> is the smallest whole-limb type that holds F(N)", "[fibonacci][static]") {
    //! [fib_uint]
    static_assert(std::numeric_limits<memograd::fib_uint<93>>::digits == 64);   // F(93) < 2^64
    static_assert(std::numeric_limits<memograd::fib_uint<94>>::digits == 128);  // F(94) > 2^64
    //! [fib_uint]
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<0>>::digits == 64);
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<186>>::digits == 128);
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<187>>::digits == 192);
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<370>>::digits == 256);
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<371>>::digits == 320);
    STATIC_REQUIRE(std::numeric_limits<memograd::fib_uint<1476>>::digits == 1024);
    // "Smallest": one limb less would lose F(N)'s top bit.
    STATIC_REQUIRE(memograd::detail::bit_length(memograd::fib_v<1476>) > 1024 - 64);
    STATIC_REQUIRE(memograd::detail::bit_length(memograd::fib_v<2000>) > 1408 - 64);
}

TEST_CASE("identities hold for the compiler's values", "[fibonacci][static]") {
    using W = fixed_uint<1024>;
    // Cassini: F(n-1) F(n+1) - F(n)^2 = (-1)^n, written without subtraction.
    constexpr W f699 = widen<1024>(memograd::fib_v<699>);
    constexpr W f700 = widen<1024>(memograd::fib_v<700>);
    constexpr W f701 = widen<1024>(memograd::fib_v<701>);
    STATIC_REQUIRE(f699 * f701 == f700 * f700 + 1u);
    constexpr W f702 = widen<1024>(memograd::fib_v<702>);
    STATIC_REQUIRE(f700 * f702 + 1u == f701 * f701);
    // Doubling formulas between independently computed values.
    constexpr W f1400 = widen<1024>(memograd::fib_v<1400>);
    constexpr W f1401 = widen<1024>(memograd::fib_v<1401>);
    STATIC_REQUIRE(f1400 == f700 * (2u * f701 - f700));
    STATIC_REQUIRE(f1401 == f700 * f700 + f701 * f701);
    // Addition formula F(m+n) = F(m) F(n+1) + F(m-1) F(n), with m, n unrelated to the doubling steps.
    STATIC_REQUIRE(widen<1024>(memograd::fib_v<1176>) ==
                   widen<1024>(memograd::fib_v<777>) * widen<1024>(memograd::fib_v<400>) +
                       widen<1024>(memograd::fib_v<776>) * widen<1024>(memograd::fib_v<399>));
    // Strong divisibility: gcd(F(m), F(n)) = F(gcd(m, n)).
    STATIC_REQUIRE(gcd(widen<512>(memograd::fib_v<360>), widen<512>(memograd::fib_v<270>)) ==
                   widen<512>(memograd::fib_v<std::gcd(360, 270)>));
    STATIC_REQUIRE(gcd(widen<512>(memograd::fib_v<331>), widen<512>(memograd::fib_v<449>)) == 1u);  // coprime
}

TEST_CASE("all five strategies give the published values", "[fibonacci][static]") {
    // F(300) and F(24) as Python's integers print them (tests/data/fibonacci_0_1000.txt).
    constexpr auto f300 = memograd::parse_decimal<256>("222232244629420445529739893461909967206666939096499764990979600");
    STATIC_REQUIRE(memograd::memoized_fibonacci<300>().value == f300);
    STATIC_REQUIRE(memograd::fib_table<300>[300] == f300);
    STATIC_REQUIRE(memograd::instantiated_fibonacci<300>().value == f300);
    STATIC_REQUIRE(memograd::naive_fibonacci<24>().value == 46368u);
    STATIC_REQUIRE(memograd::fast_doubling_fibonacci<300>().value == f300);  // fib_v<300>
    // The table against fast doubling entry by entry (200 entries: Clang nests a fold at most 256 deep).
    constexpr bool every_entry_matches = [] {
        constexpr auto& table = memograd::fib_table<300>;
        bool ok = true;
        [&]<std::size_t... N>(std::index_sequence<N...>) {
            ok = ((table[N] == widen<256>(memograd::fib_v<N>)) && ...);
        }(std::make_index_sequence<200>{});
        return ok;
    }();
    STATIC_REQUIRE(every_entry_matches);
}

TEST_CASE("each strategy's work is what the lecture says", "[fibonacci][static]") {
    //! [naive]
    // Naive recursion: exactly 2 F(n+1) - 1 calls: exponential.
    static_assert(memograd::naive_fibonacci<20>().work == 2 * 10946 - 1);  // F(21) = 10946
    //! [naive]
    constexpr auto& table = memograd::fib_table<30>;
    STATIC_REQUIRE(memograd::naive_fibonacci<24>().work == 2 * table[25] - 1u);
    //! [memoized]
    // The lecture's dictionary: 2n - 1 calls: linear.
    static_assert(memograd::memoized_fibonacci<25>().work == 2 * 25 - 1);
    //! [memoized]
    STATIC_REQUIRE(memograd::memoized_fibonacci<400>().work == 799);
    //! [instantiation]
    // The compiler's memo: N + 1 instantiations (counted: the distinct specializations the recursion
    // named) stand in for 2 F(N+1) - 1 calls.
    static_assert(memograd::instantiated_fibonacci<25>().work == 26);
    static_assert(memograd::detail::fib_instance<24, memograd::fixed_uint<64>>::tree_calls ==
                  memograd::naive_fibonacci<24>().work);
    //! [instantiation]
    STATIC_REQUIRE(memograd::instantiated_fibonacci<2>().work == 3);  // fib_instance<2>, <1>, <0>
    STATIC_REQUIRE(memograd::instantiated_fibonacci<1>().work == 1);  // a base case names nothing
    STATIC_REQUIRE(memograd::instantiated_fibonacci<0>().work == 1);
    //! [table]
    // The table costs N + 1 entries of F(N)'s width in the binary: F(1000) has 694 bits (Python), so
    // every entry is 11 limbs.
    static_assert(std::numeric_limits<std::remove_cvref_t<decltype(memograd::fib_table<1000>[0])>>::digits == 704);
    //! [table]
    // Fast doubling: k runs N/2, N/4, ..., 1; each level above k = 1 costs two squarings, and F(N) itself
    // one product. 2000 -> k = 1000, 500, 250, 125, 62, 31, 15, 7, 3 (nine levels), then 1.
    STATIC_REQUIRE(memograd::fast_doubling_fibonacci<2000>().work == 2 * 9 + 1);
    STATIC_REQUIRE(memograd::fast_doubling_fibonacci<3>().work == 1);  // one product from (F(1), F(0))
    STATIC_REQUIRE(memograd::fast_doubling_fibonacci<1>().work == 0);
}

TEST_CASE("misuse is rejected, not miscompiled", "[fibonacci][static]") {
    STATIC_REQUIRE(has_fib_v<10>);
    STATIC_REQUIRE_FALSE(has_fib_v<-1>);  // a negative index does not convert to std::size_t
    STATIC_REQUIRE(is_fixed_width<128>);
    STATIC_REQUIRE_FALSE(is_fixed_width<100>);  // not whole limbs
    STATIC_REQUIRE_FALSE(is_fixed_width<0>);
}
