#pragma once
/// @file
/// @brief Products of long limb arrays by a number-theoretic transform, usable in constant expressions.
///
/// Karatsuba's cost grows as n^1.58, a transform's as n·log n.  A number-theoretic transform is the fast
/// Fourier transform computed modulo a prime instead of in complex numbers, so every value is an exact
/// integer.  Each operand is cut into 22-bit pieces; the pieces' convolution (the product's digits before
/// carries, base 2^22) is computed modulo p = 29·2^57 + 1, a 62-bit prime (2^57 divides p − 1, so roots of
/// unity of every power-of-two order up to 2^57 exist; 3 generates the group); then the carries are
/// propagated.  A convolution coefficient sums at most m products of two pieces (m: the shorter operand's
/// piece count), which stays below p while m·(2^22 − 1)² < p, that is up to 237,000 pieces (5.2 million
/// bits): the coefficients modulo p are the coefficients themselves.  `ntt_fits` says whether a product
/// is in that range; `multiply_limbs` (karatsuba.hpp) takes Karatsuba's where it is not or where
/// Karatsuba's is faster.
///
/// p < 2^62 keeps every sum of two limbs below 2^63.

#include "fixed_uint.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace memograd::detail {

/// The transform's prime, 29·2^57 + 1, and a generator of its multiplicative group.
inline constexpr limb ntt_prime = 29 * (limb{1} << 57) + 1;
inline constexpr limb ntt_generator = 3;
/// Bits per piece: two pieces' product times the piece count must stay below the prime.
inline constexpr std::size_t ntt_piece_bits = 22;
inline constexpr limb ntt_piece_mask = (limb{1} << ntt_piece_bits) - 1;

constexpr limb multiply_mod_prime(limb a, limb b) {
    return static_cast<limb>(static_cast<double_limb>(a) * b % ntt_prime);
}

constexpr limb power_mod_prime(limb base, limb exponent) {
    limb result = 1;
    for (; exponent != 0; exponent >>= 1) {
        if ((exponent & 1) != 0) {
            result = multiply_mod_prime(result, base);
        }
        base = multiply_mod_prime(base, base);
    }
    return result;
}

/// Pieces of an n-limb number.
constexpr std::size_t ntt_piece_count(std::size_t n) {
    return (64 * n + ntt_piece_bits - 1) / ntt_piece_bits;
}

/// True if the convolution of an an-limb and a bn-limb operand is exact modulo the prime.
constexpr bool ntt_fits(std::size_t an, std::size_t bn) {
    const std::size_t m = ntt_piece_count(an < bn ? an : bn);
    return static_cast<double_limb>(m) * ntt_piece_mask * ntt_piece_mask < ntt_prime;
}

/// out[0, ntt_piece_count(n)) = the 22-bit pieces of x[0, n), least significant first.
constexpr void split_into_pieces(limb* out, const limb* x, std::size_t n) {
    const std::size_t count = ntt_piece_count(n);
    for (std::size_t k = 0; k < count; ++k) {
        const std::size_t bit = k * ntt_piece_bits;
        const std::size_t i = bit / 64;
        const std::size_t shift = bit % 64;
        limb piece = x[i] >> shift;
        if (shift + ntt_piece_bits > 64 && i + 1 < n) {
            piece |= x[i + 1] << (64 - shift);
        }
        out[k] = piece & ntt_piece_mask;
    }
}

/// r[0, rn) = Σ c[k]·2^(22k), carries propagated; r is zero on entry and holds the whole sum.
constexpr void join_pieces(limb* r, std::size_t rn, const limb* c, std::size_t count) {
    limb carry = 0;  // below 2^41: a coefficient is below 2^62
    for (std::size_t k = 0; k < count || carry != 0; ++k) {
        const limb value = (k < count ? c[k] : 0) + carry;
        const limb piece = value & ntt_piece_mask;
        carry = value >> ntt_piece_bits;
        const std::size_t bit = k * ntt_piece_bits;
        const std::size_t i = bit / 64;
        const std::size_t shift = bit % 64;
        if (i < rn) {
            r[i] |= piece << shift;
        }
        if (shift + ntt_piece_bits > 64 && i + 1 < rn) {
            r[i + 1] |= piece >> (64 - shift);
        }
    }
}

/// roots[0, n/2) = w^k for w of order n (n a power of two).
constexpr void fill_roots(limb* roots, std::size_t n) {
    const limb w = power_mod_prime(ntt_generator, (ntt_prime - 1) / n);
    limb power = 1;
    for (std::size_t k = 0; k < n / 2; ++k) {
        roots[k] = power;
        power = multiply_mod_prime(power, w);
    }
}

/// a[0, n) ← its transform (iterative radix-2 Cooley–Tukey after a bit-reversal permutation).
constexpr void transform(limb* a, std::size_t n, const limb* roots) {
    for (std::size_t i = 1, j = 0; i < n; ++i) {
        std::size_t bit = n >> 1;
        for (; (j & bit) != 0; bit >>= 1) {
            j ^= bit;
        }
        j ^= bit;
        if (i < j) {
            std::swap(a[i], a[j]);
        }
    }
    // Butterflies on (lo[k], hi[k]) with the root w^(k·stride); the first of each block has root 1 and needs
    // no product: n − 1 of the (n/2)·log2 n butterflies, 13% at n = 32,768 (F(10^6)'s last product).
    for (std::size_t half = 1; half < n; half <<= 1) {
        const std::size_t stride = n / (2 * half);
        for (limb* lo = a; lo != a + n; lo += 2 * half) {
            limb* hi = lo + half;
            const limb* root = roots;
            for (std::size_t k = 0; k < half; ++k, root += stride) {
                const limb u = lo[k];
                // The product written out, not a call: GCC caches every constexpr call's arguments and result.
                const limb v = k == 0 ? hi[k] : static_cast<limb>(static_cast<double_limb>(hi[k]) * *root % ntt_prime);
                const limb sum = u + v;
                lo[k] = sum >= ntt_prime ? sum - ntt_prime : sum;
                hi[k] = u >= v ? u - v : u + ntt_prime - v;
            }
        }
    }
}

/// a[0, n) ← n times the inverse transform: the forward one with its outputs 1 .. n−1 reversed.
constexpr void inverse_transform_times_n(limb* a, std::size_t n, const limb* roots) {
    transform(a, n, roots);
    for (std::size_t i = 1, j = n - 1; i < j; ++i, --j) {
        std::swap(a[i], a[j]);
    }
}

/// r[0, an + bn) = a·b (ntt_fits(an, bn); r does not overlap a or b); b == a squares, one transform fewer.
constexpr void ntt_multiply_limbs(limb* r, const limb* a, std::size_t an, const limb* b, std::size_t bn) {
    const bool squaring = a == b && an == bn;
    const std::size_t coefficients = ntt_piece_count(an) + ntt_piece_count(bn) - 1;
    const std::size_t n = std::bit_ceil(coefficients);
    limb_buffer buffer((squaring ? 1 : 2) * n + n / 2);
    limb* fa = buffer.data();
    limb* fb = squaring ? fa : fa + n;
    limb* roots = fa + (squaring ? 1 : 2) * n;
    fill_roots(roots, n);
    split_into_pieces(fa, a, an);
    transform(fa, n, roots);
    if (!squaring) {
        split_into_pieces(fb, b, bn);
        transform(fb, n, roots);
    }
    // Pointwise products, each divided by n for the inverse transform (written out, as in transform).
    const limb n_inverse = power_mod_prime(static_cast<limb>(n), ntt_prime - 2);
    for (std::size_t i = 0; i < n; ++i) {
        const limb product = static_cast<limb>(static_cast<double_limb>(fa[i]) * fb[i] % ntt_prime);
        fa[i] = static_cast<limb>(static_cast<double_limb>(product) * n_inverse % ntt_prime);
    }
    inverse_transform_times_n(fa, n, roots);
    for (std::size_t i = 0; i < an + bn; ++i) {
        r[i] = 0;
    }
    join_pieces(r, an + bn, fa, coefficients);
}

}  // namespace memograd::detail
