#pragma once
/// @file
/// @brief Sub-quadratic multiplication and squaring of `fixed_uint`s that also runs in constant expressions.
///
/// Boost.Multiprecision multiplies by schoolbook whenever it runs in a constant expression (its Karatsuba
/// branch needs allocator-backed temporaries and is skipped under constant evaluation), so a product of
/// n limbs costs n² limb products inside the compiler.  `multiply` and `square` here run Karatsuba on the
/// limbs (subtractive form, recursion below `detail::karatsuba_threshold` limbs falls back to schoolbook;
/// squaring computes each cross product once), with all scratch space in one allocation made per call and
/// reused in place by the recursion: no limb array is ever copied, so the compilers evaluate limb
/// operations, not array copies.  From `detail::ntt_threshold()` limbs on, they multiply by a
/// number-theoretic transform instead (ntt.hpp).  The operands and result stay Boost's own types.

#include "fixed_uint.hpp"
#include "ntt.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace memograd {
namespace detail {

/// Below this many limbs Karatsuba's extra additions cost more than the products they save; measured
/// inside the compilers' constant evaluators (docs/compile_time_limits.md), not at run time.
inline constexpr std::size_t karatsuba_threshold = 24;

/// Scratch, in limbs, that karatsuba_multiply / karatsuba_square of n-limb operands need: each level
/// holds |a0 − a1|, |b0 − b1|, their product and the middle term (6L + 1 limbs, L = ⌈n/2⌉), then recurses.
constexpr std::size_t karatsuba_scratch(std::size_t n) {
    std::size_t total = 0;
    while (n >= karatsuba_threshold) {
        const std::size_t low = (n + 1) / 2;
        total += 6 * low + 1;
        n = low;
    }
    return total;
}

/// r[0, rn) += a[0, an) (an <= rn); returns the carry out of r's top limb.
constexpr limb add_into(limb* r, std::size_t rn, const limb* a, std::size_t an) {
    limb carry = 0;
    std::size_t i = 0;
    for (; i < an; ++i) {
        const limb sum = r[i] + carry;
        carry = static_cast<limb>(sum < carry);
        r[i] = sum + a[i];
        carry += static_cast<limb>(r[i] < sum);
    }
    for (; carry != 0 && i < rn; ++i) {
        r[i] += 1;
        carry = static_cast<limb>(r[i] == 0);
    }
    return carry;
}

/// r[0, rn) −= a[0, an) (an <= rn); returns the borrow out of r's top limb.
constexpr limb subtract_from(limb* r, std::size_t rn, const limb* a, std::size_t an) {
    limb borrow = 0;
    std::size_t i = 0;
    for (; i < an; ++i) {
        const limb ri = r[i];
        const limb difference = ri - a[i];
        const limb next_borrow = static_cast<limb>(ri < a[i]) | static_cast<limb>(difference < borrow);
        r[i] = difference - borrow;
        borrow = next_borrow;
    }
    for (; borrow != 0 && i < rn; ++i) {
        borrow = static_cast<limb>(r[i] == 0);
        r[i] -= 1;
    }
    return borrow;
}

/// d = |x − y| for x of xn limbs and y of yn <= xn limbs (zero-extended); returns true if y > x.
constexpr bool absolute_difference(limb* d, const limb* x, std::size_t xn, const limb* y, std::size_t yn) {
    bool y_larger = false;
    for (std::size_t i = xn; i-- > 0;) {
        const limb yi = i < yn ? y[i] : 0;
        if (x[i] != yi) {
            y_larger = yi > x[i];
            break;
        }
    }
    const limb* big = y_larger ? y : x;
    const limb* small = y_larger ? x : y;
    const std::size_t big_n = y_larger ? yn : xn;
    const std::size_t small_n = y_larger ? xn : yn;
    limb borrow = 0;
    for (std::size_t i = 0; i < xn; ++i) {
        const limb bi = i < big_n ? big[i] : 0;
        const limb si = i < small_n ? small[i] : 0;
        const limb difference = bi - si;
        const limb next_borrow = static_cast<limb>(bi < si) | static_cast<limb>(difference < borrow);
        d[i] = difference - borrow;
        borrow = next_borrow;
    }
    return y_larger;
}

/// r[0, an + bn) = a·b by schoolbook, row by row (r does not overlap a or b).  Row by row, not column by
/// column (Comba): measured on fib_v<1'000'000> (docs/compile_time_limits.md), the column-wise base case
/// made GCC 12 keep 7.3 GB instead of 5.1 GB and cost Clang 19 more steps, on both compilers more time.
constexpr void schoolbook_multiply(limb* r, const limb* a, std::size_t an, const limb* b, std::size_t bn) {
    for (std::size_t i = 0; i < an + bn; ++i) {
        r[i] = 0;
    }
    for (std::size_t i = 0; i < an; ++i) {
        const double_limb ai = a[i];
        limb carry = 0;
        for (std::size_t j = 0; j < bn; ++j) {
            const double_limb t = ai * b[j] + r[i + j] + carry;
            r[i + j] = static_cast<limb>(t);
            carry = static_cast<limb>(t >> 64);
        }
        r[i + bn] = carry;
    }
}

/// r[0, 2n) = a² by schoolbook: each cross product a[i]·a[j] (i < j) once, doubled by a shift, then the
/// squares a[i]² added on the diagonal: about half the limb products of a general product.
constexpr void schoolbook_square(limb* r, const limb* a, std::size_t n) {
    for (std::size_t i = 0; i < 2 * n; ++i) {
        r[i] = 0;
    }
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double_limb ai = a[i];
        limb carry = 0;
        for (std::size_t j = i + 1; j < n; ++j) {
            const double_limb t = ai * a[j] + r[i + j] + carry;
            r[i + j] = static_cast<limb>(t);
            carry = static_cast<limb>(t >> 64);
        }
        r[i + n] = carry;
    }
    limb top = 0;
    for (std::size_t i = 0; i < 2 * n; ++i) {
        const limb next_top = r[i] >> 63;
        r[i] = (r[i] << 1) | top;
        top = next_top;
    }
    limb carry = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double_limb square = static_cast<double_limb>(a[i]) * a[i];
        const double_limb low = static_cast<double_limb>(r[2 * i]) + static_cast<limb>(square) + carry;
        r[2 * i] = static_cast<limb>(low);
        const double_limb high = static_cast<double_limb>(r[2 * i + 1]) + static_cast<limb>(square >> 64) +
                                 static_cast<limb>(low >> 64);
        r[2 * i + 1] = static_cast<limb>(high);
        carry = static_cast<limb>(high >> 64);
    }
}

/// r[0, 2n) = a·b for two n-limb operands: a = a1·B^L + a0, b = b1·B^L + b0 (L = ⌈n/2⌉) and
/// a·b = z2·B^2L + (z0 + z2 − (a0 − a1)(b0 − b1))·B^L + z0, three half-size products.  Subtractive form:
/// |a0 − a1| fits L limbs, so no product grows a carry limb.  `scratch` holds karatsuba_scratch(n) limbs.
constexpr void karatsuba_multiply(limb* r, const limb* a, const limb* b, std::size_t n, limb* scratch) {
    if (n < karatsuba_threshold) {
        schoolbook_multiply(r, a, n, b, n);
        return;
    }
    const std::size_t low = (n + 1) / 2;
    const std::size_t high = n - low;
    limb* a_difference = scratch;
    limb* b_difference = a_difference + low;
    limb* middle_product = b_difference + low;
    limb* middle = middle_product + 2 * low;  // 2L + 1 limbs
    limb* deeper = middle + 2 * low + 1;
    const bool a_negative = absolute_difference(a_difference, a, low, a + low, high);
    const bool b_negative = absolute_difference(b_difference, b, low, b + low, high);
    karatsuba_multiply(r, a, b, low, deeper);                                            // z0
    if (high == low) {
        karatsuba_multiply(r + 2 * low, a + low, b + low, high, deeper);                // z2
    } else {
        // high = low − 1: one limb shorter; the recursion stays on equal sizes.
        karatsuba_multiply(middle, a + low, b + low, high, deeper);
        std::copy(middle, middle + 2 * high, r + 2 * low);
    }
    karatsuba_multiply(middle_product, a_difference, b_difference, low, deeper);
    std::copy(r, r + 2 * low, middle);  // middle = z0 + z2 ∓ (a0 − a1)(b0 − b1)
    middle[2 * low] = 0;
    add_into(middle, 2 * low + 1, r + 2 * low, 2 * high);
    if (a_negative == b_negative) {
        subtract_from(middle, 2 * low + 1, middle_product, 2 * low);
    } else {
        add_into(middle, 2 * low + 1, middle_product, 2 * low);
    }
    add_into(r + low, 2 * n - low, middle, std::min(2 * low + 1, 2 * n - low));
}

/// r[0, 2n) = a²: Karatsuba with three half-size squarings, a² = a1²·B^2L + (a0² + a1² − (a0 − a1)²)·B^L + a0².
constexpr void karatsuba_square(limb* r, const limb* a, std::size_t n, limb* scratch) {
    if (n < karatsuba_threshold) {
        schoolbook_square(r, a, n);
        return;
    }
    const std::size_t low = (n + 1) / 2;
    const std::size_t high = n - low;
    limb* difference = scratch;
    limb* middle_square = difference + 2 * low;
    limb* middle = middle_square + 2 * low;
    limb* deeper = middle + 2 * low + 1;
    absolute_difference(difference, a, low, a + low, high);
    karatsuba_square(r, a, low, deeper);
    if (high == low) {
        karatsuba_square(r + 2 * low, a + low, high, deeper);
    } else {
        karatsuba_square(middle, a + low, high, deeper);
        std::copy(middle, middle + 2 * high, r + 2 * low);
    }
    karatsuba_square(middle_square, difference, low, deeper);
    std::copy(r, r + 2 * low, middle);
    middle[2 * low] = 0;
    add_into(middle, 2 * low + 1, r + 2 * low, 2 * high);
    subtract_from(middle, 2 * low + 1, middle_square, 2 * low);
    add_into(r + low, 2 * n - low, middle, std::min(2 * low + 1, 2 * n - low));
}

/// The operand length, in limbs, from which the number-theoretic transform (ntt.hpp) is faster than
/// Karatsuba: measured in each compiler's constant evaluator and at run time (-O2), on this project's
/// machine (benchmark/karatsuba_spike.sh, docs/compile_time_limits.md).
constexpr std::size_t ntt_threshold() {
    if (std::is_constant_evaluated()) {
#if defined(__clang__)
        return 2048;
#else
        return 512;
#endif
    }
    return 8192;
}

/// r[0, an + bn) = a·b for any lengths: by the transform when the shorter operand reaches
/// ntt_threshold() (and the product is exact, ntt_fits); otherwise the longer operand is cut into pieces
/// as long as the shorter, each piece multiplied by Karatsuba and added in at its offset.
constexpr void multiply_limbs(limb* r, const limb* a, std::size_t an, const limb* b, std::size_t bn) {
    if (an < bn) {
        multiply_limbs(r, b, bn, a, an);
        return;
    }
    if (bn >= ntt_threshold() && ntt_fits(an, bn)) {
        ntt_multiply_limbs(r, a, an, b, bn);
        return;
    }
    if (bn < karatsuba_threshold) {
        schoolbook_multiply(r, a, an, b, bn);
        return;
    }
    limb_buffer scratch(karatsuba_scratch(bn) + 2 * bn);
    if (an == bn) {
        karatsuba_multiply(r, a, b, bn, scratch.data());
        return;
    }
    for (std::size_t i = 0; i < an + bn; ++i) {
        r[i] = 0;
    }
    limb* piece_product = scratch.data() + karatsuba_scratch(bn);
    for (std::size_t offset = 0; offset < an; offset += bn) {
        const std::size_t piece = std::min(bn, an - offset);
        if (piece == bn) {
            karatsuba_multiply(piece_product, a + offset, b, bn, scratch.data());
        } else {
            multiply_limbs(piece_product, b, bn, a + offset, piece);
        }
        add_into(r + offset, an + bn - offset, piece_product, std::min(bn + piece, an + bn - offset));
    }
}

/// r[0, 2n) = a², by the transform from ntt_threshold() limbs.
constexpr void square_limbs(limb* r, const limb* a, std::size_t n) {
    if (n >= ntt_threshold() && ntt_fits(n, n)) {
        ntt_multiply_limbs(r, a, n, a, n);
        return;
    }
    if (n < karatsuba_threshold) {
        schoolbook_square(r, a, n);
        return;
    }
    limb_buffer scratch(karatsuba_scratch(n));
    karatsuba_square(r, a, n, scratch.data());
}

}  // namespace detail

/// a·b, exactly (the result type holds every product), by Karatsuba on the limbs: usable in constant
/// expressions at sub-quadratic cost, and at run time.
/// @snippet tests/karatsuba.cpp multiply
template <fixed_width_uint A, fixed_width_uint B>
constexpr fixed_uint<fixed_uint_bits_v<A> + fixed_uint_bits_v<B>> multiply(const A& a, const B& b) {
    using result = fixed_uint<fixed_uint_bits_v<A> + fixed_uint_bits_v<B>>;
    if constexpr (!detail::has_limb_array<A> || !detail::has_limb_array<B>) {
        return result(a) * result(b);  // an operand of at most two limbs: schoolbook is linear
    } else {
        const std::size_t an = detail::limb_count(a);
        const std::size_t bn = detail::limb_count(b);
        return detail::from_limbs<fixed_uint_bits_v<result>>(an + bn, [&](detail::limb* r) {
            detail::multiply_limbs(r, detail::limbs_of(a), an, detail::limbs_of(b), bn);
        });
    }
}

/// a², exactly, by Karatsuba squaring (each cross product once): about 2/3 of multiply(a, a)'s work.
/// @snippet tests/karatsuba.cpp square
template <fixed_width_uint A>
constexpr fixed_uint<2 * fixed_uint_bits_v<A>> square(const A& a) {
    using result = fixed_uint<2 * fixed_uint_bits_v<A>>;
    if constexpr (!detail::has_limb_array<A>) {
        return result(a) * result(a);
    } else {
        const std::size_t n = detail::limb_count(a);
        return detail::from_limbs<fixed_uint_bits_v<result>>(
            2 * n, [&](detail::limb* r) { detail::square_limbs(r, detail::limbs_of(a), n); });
    }
}

}  // namespace memograd
