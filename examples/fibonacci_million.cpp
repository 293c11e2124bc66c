// F(1,000,000) as a constant expression: 694,241 bits, 208,988 decimal digits, computed while this file
// compiles (built with memograd_raise_constexpr_limits()). The static_asserts compare it with digests from
// tests/data/fibonacci_digests.txt (Python integers); tests/fibonacci_million.cpp compares every digit with
// GMP's mpz_fib_ui.
#include "fibonacci_million.hpp"

#include <memograd/fibonacci.hpp>

#include <cstdint>
#include <type_traits>

namespace memograd_examples {
namespace {

//! [million]
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
