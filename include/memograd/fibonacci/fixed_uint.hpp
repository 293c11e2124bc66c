#pragma once
/// @file
/// @brief `fixed_uint<Bits>`: the literal big-integer type every compile-time Fibonacci strategy uses.

#include <boost/multiprecision/cpp_int.hpp>

#include <cstddef>
#include <cstdint>

namespace memograd {

/// An unsigned integer of exactly `Bits` bits (a multiple of 64), usable in constant expressions.
///
/// Boost.Multiprecision's `cpp_int` is a literal type only in its fixed-precision form
/// (`MinBits == MaxBits`, no allocator), which is why every compile-time value here has its width
/// baked into its type.  Arithmetic is unchecked: each strategy sizes its types from an upper bound on
/// the result (`detail::fibonacci_bits_upper_bound`), so no operation can overflow.
template <std::size_t Bits>
    requires(Bits > 0 && Bits % 64 == 0)
using fixed_uint = boost::multiprecision::number<boost::multiprecision::cpp_int_backend<
    Bits, Bits, boost::multiprecision::unsigned_magnitude, boost::multiprecision::unchecked, void>>;

namespace detail {

/// Rounds a bit count up to whole 64-bit limbs (at least one limb).
constexpr std::size_t whole_limb_bits(std::size_t bits) {
    return bits == 0 ? 64 : (bits + 63) / 64 * 64;
}

/// An upper bound on the bit length of F(n).
///
/// F(n) <= phi^(n-1), so bits(F(n)) <= (n-1)·log2(phi) + 1 with log2(phi) = 0.6942419136...;
/// 694242 / 10^6 rounds log2(phi) up, hence the bound is never too small.
constexpr std::size_t fibonacci_bits_upper_bound(std::uint64_t n) {
    return static_cast<std::size_t>(n * 694242 / 1000000 + 2);
}

/// The fixed_uint wide enough for F(0) ... F(n).
template <std::uint64_t N>
using fibonacci_bound_uint = fixed_uint<whole_limb_bits(fibonacci_bits_upper_bound(N))>;

/// Number of significant bits of a fixed_uint (0 for zero).
template <class Backend>
constexpr std::size_t bit_length(const boost::multiprecision::number<Backend>& x) {
    return x == 0u ? 0 : static_cast<std::size_t>(boost::multiprecision::msb(x)) + 1;
}

}  // namespace detail
}  // namespace memograd
