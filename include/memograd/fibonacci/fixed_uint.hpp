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
/// the result (`detail::fibonacci_bits_upper_bound`), so no operation can overflow.  Expression
/// templates are off (`et_off`, also Boost's default for this backend): every operator returns a value,
/// which is what a constant expression can hold.
template <std::size_t Bits>
    requires(Bits > 0 && Bits % 64 == 0)
using fixed_uint = boost::multiprecision::number<
    boost::multiprecision::cpp_int_backend<Bits, Bits, boost::multiprecision::unsigned_magnitude,
                                           boost::multiprecision::unchecked, void>,
    boost::multiprecision::et_off>;

namespace detail {
template <class T>
struct fixed_uint_bits {};
// `auto`: Boost 1.74 declares the width `unsigned`, 1.81 `std::size_t`.
template <auto Bits>
struct fixed_uint_bits<boost::multiprecision::number<
    boost::multiprecision::cpp_int_backend<Bits, Bits, boost::multiprecision::unsigned_magnitude,
                                           boost::multiprecision::unchecked, void>,
    boost::multiprecision::et_off>> {
    static constexpr std::size_t value = Bits;
};
}  // namespace detail

/// True for the `fixed_uint<Bits>` types.
template <class T>
concept fixed_width_uint = requires { detail::fixed_uint_bits<T>::value; };

/// The width of a `fixed_uint` type, in bits.
template <fixed_width_uint T>
inline constexpr std::size_t fixed_uint_bits_v = detail::fixed_uint_bits<T>::value;

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

// ---- the limbs ------------------------------------------------------------------------------------------
// Boost.Multiprecision documents no access to a cpp_int's limbs, except import_bits / export_bits, which
// are not constexpr.  Its backend has kept the same members for fixed-precision types since constexpr
// support arrived (1.68) and still does in 1.81: limbs() points at the little-endian 64-bit limbs,
// size() counts the ones in use (the top one non-zero unless the value is 0), resize(n, n) sets that
// count and normalize() trims leading zero limbs again.  These three functions are the only places
// memograd touches them; tests/karatsuba.cpp checks them against Boost's own arithmetic on every Boost
// version CI builds with.

/// One limb: Boost's limb_type (`unsigned long long` on 64-bit targets).
using limb = boost::multiprecision::limb_type;
/// Two limbs, for a limb product with its carry (Boost's `unsigned __int128`).
using double_limb = boost::multiprecision::double_limb_type;
static_assert(sizeof(limb) == 8 && sizeof(double_limb) == 16,
              "memograd's limb arithmetic needs Boost.Multiprecision's 64-bit limbs");

/// Types of one or two limbs are "trivial" backends holding a single built-in integer (up to
/// `unsigned __int128`), not a limb array; the functions below take only the others.
template <class T>
concept has_limb_array = fixed_width_uint<T> && (fixed_uint_bits_v<T> > 128);

/// Pointer to the limbs of x, least significant first.
template <has_limb_array T>
constexpr const limb* limbs_of(const T& x) {
    return x.backend().limbs();
}

/// Number of limbs of x in use (1 for zero).
template <has_limb_array T>
constexpr std::size_t limb_count(const T& x) {
    return x.backend().size();
}

/// An owned limb array (constexpr new/delete), zero-filled; freed before the constant evaluation ends.
class limb_buffer {
public:
    constexpr explicit limb_buffer(std::size_t size) : data_(new limb[size + 1]{}) {}
    constexpr ~limb_buffer() { delete[] data_; }
    limb_buffer(const limb_buffer&) = delete;
    limb_buffer& operator=(const limb_buffer&) = delete;
    [[nodiscard]] constexpr limb* data() { return data_; }

private:
    limb* data_;
};

/// A fixed_uint whose first n limbs are written by fill(limb pointer); n <= Bits / 64.
template <std::size_t Bits, class Fill>
    requires has_limb_array<fixed_uint<Bits>>
constexpr fixed_uint<Bits> from_limbs(std::size_t n, Fill fill) {
    fixed_uint<Bits> x;
    auto& backend = x.backend();
    backend.resize(static_cast<unsigned>(n), static_cast<unsigned>(n));
    fill(backend.limbs());
    backend.normalize();
    return x;
}

}  // namespace detail
}  // namespace memograd
