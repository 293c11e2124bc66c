#pragma once
/// @file
/// @brief Strategy 5: fast doubling, O(log N) Karatsuba squarings; defines `fib_uint<N>` and `fib_v<N>`.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "karatsuba.hpp"
#include "limits.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace memograd {
namespace detail {

/// (F(k), F(k−1)) and the big multiplications (squarings and products) spent on them.
template <class T>
struct fibonacci_pair {
    T current;
    T previous;
    std::uint64_t multiplications;
};

template <std::uint64_t K>
constexpr auto make_doubling_pair();

/// One variable per level: the compiler evaluates each (F(k), F(k−1)) once and reuses it.
template <std::uint64_t K>
inline constexpr auto doubling_pair = make_doubling_pair<K>();

/// From k = K/2 with two squarings, as GMP's `mpz_fib_ui` and `memograd::fibonacci` do:
///   F(2k+1) = 4F(k)² − F(k−1)² + 2(−1)^k,  F(2k−1) = F(k)² + F(k−1)²,  F(2k) = F(2k+1) − F(2k−1).
///
/// Each level computes in a type only as wide as its own result (sized for F(K+1)), so the early levels
/// square short numbers; the squarings are Karatsuba's (karatsuba.hpp), not Boost's schoolbook.  The
/// arithmetic is modulo the type's width, so 4F(k)², which may need one bit more, still yields F(2k+1).
template <std::uint64_t K>
constexpr auto make_doubling_pair() {
    using T = fibonacci_bound_uint<K + 1>;
    if constexpr (K <= 1) {
        return fibonacci_pair<T>{T(K), T(0u), 0};
    } else {
        constexpr std::uint64_t k = K / 2;
        const auto& half = doubling_pair<k>;
        const T f_k_squared(memograd::square(half.current));
        const T f_km1_squared(memograd::square(half.previous));
        T odd = T(f_k_squared << 2) - f_km1_squared;  // F(2k+1)
        if constexpr (k % 2 == 1) {
            odd -= 2u;
        } else {
            odd += 2u;
        }
        const T before = f_k_squared + f_km1_squared;  // F(2k−1)
        const T even = odd - before;                     // F(2k)
        const std::uint64_t multiplications = half.multiplications + 2;
        if constexpr (K % 2 == 0) {
            return fibonacci_pair<T>{even, before, multiplications};
        } else {
            return fibonacci_pair<T>{odd, even, multiplications};
        }
    }
}

/// F(N) in a type sized from the N·log2(phi) bound.  The last step needs F(N) alone, and one product of
/// (F(k), F(k−1)), k = N/2, gives it:
///   F(2k) = F(k)·(F(k) + 2F(k−1)),  F(2k+1) = (2F(k) + F(k−1))·(2F(k) − F(k−1)) + 2(−1)^k.
template <std::uint64_t N>
constexpr auto make_fibonacci() {
    using T = fibonacci_bound_uint<N>;
    if constexpr (N <= 1) {
        return counted<T>{T(N), 0};
    } else {
        constexpr std::uint64_t k = N / 2;
        const auto& half = doubling_pair<k>;
        using U = fibonacci_bound_uint<k + 2>;  // holds F(k+2) = 2F(k) + F(k−1), the largest operand
        const U f_k(half.current);
        const U f_km1(half.previous);
        const std::uint64_t multiplications = half.multiplications + 1;
        if constexpr (N % 2 == 0) {
            return counted<T>{T(memograd::multiply(f_k, U(f_k + (f_km1 << 1)))), multiplications};
        } else {
            T value(memograd::multiply(U((f_k << 1) + f_km1), U((f_k << 1) - f_km1)));
            if constexpr (k % 2 == 1) {
                value -= 2u;
            } else {
                value += 2u;
            }
            return counted<T>{value, multiplications};
        }
    }
}

/// F(N) computed once, in the bound-sized type.
template <std::uint64_t N>
inline constexpr auto fibonacci_value = make_fibonacci<N>();

/// F(N) in the smallest whole-limb type that holds it, behind the default-budget guard. The width is
/// measured from F(N) itself (computed first in a type sized from the N·log2(phi) bound). The guard sits
/// here, one call below fib_v, so GCC prints the message on the sixth line, not deeper.
template <std::uint64_t N>
inline constexpr bool fast_doubling_within_budget = N <= fibonacci_limits::fast_doubling || fibonacci_limits::steps_raised;

template <std::uint64_t N>
consteval auto checked_fib_v() {
    if constexpr (fast_doubling_within_budget<N>) {
        constexpr auto& f = fibonacci_value<N>.value;
        return fixed_uint<whole_limb_bits(bit_length(f))>(f);
    } else {
        static_assert(always_false<N>,
                      "memograd::fib_v<N>: computing F(N) exceeds the default constexpr budget "
                      "(fibonacci_limits::fast_doubling). Raise -fconstexpr-ops-limit (GCC) / "
                      "-fconstexpr-steps (Clang) and define MEMOGRAD_CONSTEXPR_STEPS_RAISED=1; the CMake "
                      "function memograd_raise_constexpr_limits(<target>) does both.");
        return fixed_uint<64>(0u);
    }
}

}  // namespace detail

/// F(N), computed by the compiler with fast doubling; `fib_v<2000>` is the lecture's number.
/// @snippet tests/fibonacci_static.cpp fib_v
template <std::size_t N>
inline constexpr auto fib_v = detail::checked_fib_v<N>();

/// (F(K), F(K − 1)) as fast doubling computes them (members `current`, `previous`, `multiplications`):
/// the level F(2K) and F(2K + 1) start from, a constant of its own.  GCC frees what its constant evaluator
/// allocated only where a (non-template) function definition ends, so a program computing a large F(N)
/// names the top levels one per function, smallest first, to free each level's temporaries before the next
/// one is computed (examples/fibonacci_million.cpp; the memory it saves is in docs/performance.md).
/// @snippet tests/fibonacci_static.cpp fib_pair_v
template <std::size_t K>
    requires detail::fast_doubling_within_budget<2 * K>
inline constexpr const auto& fib_pair_v = detail::doubling_pair<K>;

/// The smallest fixed-width unsigned type (whole 64-bit limbs) that holds F(N).
///
/// The width is exact, not estimated: F(N) is first computed in a type sized from N·log2(phi)
/// (an upper bound), and its measured bit length picks the final width.
/// @snippet tests/fibonacci_static.cpp fib_uint
template <std::size_t N>
using fib_uint = std::remove_const_t<decltype(fib_v<N>)>;

/// F(N) by fast doubling with its cost: `work` is the number of big multiplications, two squarings per
/// bit of N below the leading two and one product for the last: 2·(bit_width(N) − 2) + 1 for N >= 2.
template <std::size_t N>
consteval counted<fib_uint<N>> fast_doubling_fibonacci() {
    // Past the budget fib_v<N> stops with its message; fibonacci_value<N> must not be computed then.
    if constexpr (detail::fast_doubling_within_budget<N>) {
        return {fib_v<N>, detail::fibonacci_value<N>.work};
    } else {
        return {fib_v<N>, 0};
    }
}

}  // namespace memograd
