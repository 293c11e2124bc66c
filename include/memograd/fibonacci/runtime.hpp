#pragma once
/// @file
/// @brief `fibonacci(n)`: F(n) at run time for any n, arbitrary precision, O(log n) squarings.

#include <cstdint>
#include <stdexcept>
#include <string>

#if defined(MEMOGRAD_USE_GMP) && MEMOGRAD_USE_GMP
#include <boost/multiprecision/gmp.hpp>
#else
#include <boost/multiprecision/cpp_int.hpp>
#endif

namespace memograd {

#if defined(MEMOGRAD_USE_GMP) && MEMOGRAD_USE_GMP
/// The run-time big integer: GMP's `mpz_int` when the build found GMP (`MEMOGRAD_USE_GMP`)...
using big_uint = boost::multiprecision::mpz_int;
#else
/// ...and Boost's header-only `cpp_int` otherwise.
using big_uint = boost::multiprecision::cpp_int;
#endif

/// The largest n `fibonacci` accepts: F(3·10^9) has about 2.08·10^9 bits (260 MB).  Past it the result
/// would outgrow what GMP's `mpz` can represent on common builds and what a typical machine can hold
/// several times over during the computation.
inline constexpr std::uint64_t fibonacci_max_index = 3'000'000'000;

/// Thrown by `fibonacci(n)` for n > fibonacci_max_index, before anything is allocated.
class fibonacci_too_large : public std::length_error {
public:
    /// The error for index `n`; `what()` names n and the maximum.
    explicit fibonacci_too_large(std::uint64_t n)
        : std::length_error("memograd::fibonacci: n = " + std::to_string(n) + " exceeds fibonacci_max_index (" +
                            std::to_string(fibonacci_max_index) + ")") {}
};

/// F(n) for any n <= fibonacci_max_index, in any Boost.Multiprecision signed integer type `Int`
/// (`mpz_int`, `cpp_int`, ...).
///
/// Walks the bits of n from the top keeping (F(k), F(k−1)) and uses only squarings, as GMP's own
/// `mpz_fib_ui` does:  F(2k+1) = 4F(k)² − F(k−1)² + 2(−1)^k,  F(2k−1) = F(k)² + F(k−1)²,
/// F(2k) = F(2k+1) − F(2k−1).  Squaring is cheaper than a general product, so each bit costs two
/// squarings instead of the three multiplications of the textbook doubling, and the last bit, which only
/// needs F(n), costs a single product.
/// @throws fibonacci_too_large if n > fibonacci_max_index.
template <class Int>
Int basic_fibonacci(std::uint64_t n) {
    if (n > fibonacci_max_index) {
        throw fibonacci_too_large(n);
    }
    if (n == 0) {
        return 0;
    }
    int bit = 63;
    while (((n >> bit) & 1U) == 0) {
        --bit;
    }
    Int f_k = 1;    // F(k), k = 1: the leading bit of n
    Int f_km1 = 0;  // F(k-1)
    Int square_k;
    Int square_km1;
    bool k_is_odd = true;
    // Every bit but the last: two squarings give both F(2k+1) and F(2k-1).
    for (--bit; bit >= 1; --bit) {
        square_k = f_k * f_k;
        square_km1 = f_km1 * f_km1;
        // f_k := F(2k+1) = 4F(k)^2 - F(k-1)^2 + 2(-1)^k;  f_km1 := F(2k-1) = F(k)^2 + F(k-1)^2
        f_k = square_k << 2;
        f_k -= square_km1;
        if (k_is_odd) {
            f_k -= 2;
        } else {
            f_k += 2;
        }
        f_km1 = square_k + square_km1;
        if (((n >> bit) & 1U) != 0) {
            f_km1 = f_k - f_km1;  // k := 2k+1: (F(2k+1), F(2k)), F(2k) = F(2k+1) - F(2k-1)
            k_is_odd = true;
        } else {
            f_k -= f_km1;  // k := 2k: (F(2k), F(2k-1))
            k_is_odd = false;
        }
    }
    if (bit < 0) {
        return f_k;  // n == 1
    }
    // The last bit needs F(n) alone, and one product gives it:
    //   F(2k) = F(k)·(F(k) + 2F(k-1)),   F(2k+1) = (2F(k) + F(k-1))·(2F(k) − F(k-1)) + 2(−1)^k.
    if ((n & 1U) == 0) {
        square_k = f_km1 << 1;
        square_k += f_k;
        return Int(f_k * square_k);
    }
    f_k <<= 1;
    square_k = f_k + f_km1;
    square_km1 = f_k - f_km1;
    Int result = square_k * square_km1;
    if (k_is_odd) {
        result -= 2;
    } else {
        result += 2;
    }
    return result;
}

/// F(n) in `big_uint`: GMP's `mpz_int` when the build has GMP, `cpp_int` otherwise.
/// @throws fibonacci_too_large if n > fibonacci_max_index.
inline big_uint fibonacci(std::uint64_t n) {
    return basic_fibonacci<big_uint>(n);
}

}  // namespace memograd
