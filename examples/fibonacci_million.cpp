// F(1,000,000) as a constant expression: 694,241 bits, 208,988 decimal digits, computed while this file
// compiles (built with memograd_raise_constexpr_limits()); the last products by a number-theoretic
// transform (fibonacci/ntt.hpp). The static_asserts compare it with digests from
// tests/data/fibonacci_digests.txt (Python integers); tests/fibonacci_million.cpp compares every digit with
// GMP's mpz_fib_ui.
#include "fibonacci_million.hpp"

#include <memograd/fibonacci.hpp>

#include <cstdint>
#include <type_traits>

namespace memograd_examples {
namespace {

//! [million]
// GCC frees what its constant evaluator allocated only where a function definition ends: the top doubling
// levels, each a constant of its own, are computed one to a function, smallest first.
[[maybe_unused]] void level_62500() { static_cast<void>(memograd::fib_pair_v<62'500>); }
[[maybe_unused]] void level_125000() { static_cast<void>(memograd::fib_pair_v<125'000>); }
[[maybe_unused]] void level_250000() { static_cast<void>(memograd::fib_pair_v<250'000>); }
[[maybe_unused]] void level_500000() { static_cast<void>(memograd::fib_pair_v<500'000>); }
[[maybe_unused]] void level_1000000() { static_cast<void>(memograd::fib_v<1'000'000>); }

constexpr auto& f_million = memograd::fib_v<1'000'000>;  // computed by the compiler
//! [million]

constexpr std::uint64_t ten_to_18 = 1'000'000'000'000'000'000;
constexpr std::uint64_t mersenne61 = (std::uint64_t{1} << 61) - 1;
static_assert(std::is_same_v<memograd::fib_uint<1'000'000>, memograd::fixed_uint<million_bits>>);
static_assert(memograd::detail::bit_length(f_million) == 694'241);
static_assert(static_cast<std::uint64_t>(f_million % ten_to_18) == 996526838242546875u);
static_assert(static_cast<std::uint64_t>(f_million % mersenne61) == 1953611743537552514u);

}  // namespace

const memograd::fixed_uint<million_bits>& fibonacci_million() {
    return f_million;
}

}  // namespace memograd_examples
