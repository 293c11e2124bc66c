#pragma once
/// @file
/// @brief Strategy 5: fast doubling, O(log N) multiplications; defines `fib_uint<N>` and `fib_v<N>`.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>

namespace memograd {
namespace detail {

/// (F(n), F(n+1)) and the multiplications spent on them.
template <class T>
struct fibonacci_pair {
    T current;
    T next;
    std::uint64_t multiplications;
};

template <std::uint64_t N>
constexpr auto make_doubling_pair();

/// One variable per level: the compiler evaluates each (F(n), F(n+1)) once and reuses it.
template <std::uint64_t N>
inline constexpr auto doubling_pair = make_doubling_pair<N>();

/// From k = N/2:  F(2k) = F(k)·(2F(k+1) − F(k)),  F(2k+1) = F(k)² + F(k+1)².
///
/// Each level computes in a type only as wide as its own result (sized for F(N+1)), so the early levels
/// multiply short numbers: the last level's three multiplications dominate the total cost.
template <std::uint64_t N>
constexpr auto make_doubling_pair() {
    using T = fibonacci_bound_uint<N + 1>;
    if constexpr (N == 0) {
        return fibonacci_pair<T>{T(0u), T(1u), 0};
    } else {
        const auto& half = doubling_pair<N / 2>;
        const T f_k(half.current);
        const T f_k1(half.next);
        const T even = f_k * (T(f_k1 << 1) - f_k);
        const T odd = f_k * f_k + f_k1 * f_k1;
        const std::uint64_t multiplications = half.multiplications + 3;
        if constexpr (N % 2 == 0) {
            return fibonacci_pair<T>{even, odd, multiplications};
        } else {
            return fibonacci_pair<T>{odd, T(even + odd), multiplications};
        }
    }
}

/// F(N) in the smallest whole-limb type that holds it, behind the default-budget guard. The width is
/// measured from F(N) itself (computed first in a type sized from the N·log2(phi) bound). The guard sits
/// here, one call below fib_v, so GCC prints the message on the sixth line, not deeper.
template <std::uint64_t N>
inline constexpr bool fast_doubling_within_budget = N <= fibonacci_limits::fast_doubling || fibonacci_limits::steps_raised;

template <std::uint64_t N>
consteval auto checked_fib_v() {
    if constexpr (fast_doubling_within_budget<N>) {
        constexpr auto& pair = doubling_pair<N>;
        return fixed_uint<whole_limb_bits(bit_length(pair.current))>(pair.current);
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

/// The smallest fixed-width unsigned type (whole 64-bit limbs) that holds F(N).
///
/// The width is exact, not estimated: F(N) is first computed in a type sized from N·log2(phi)
/// (an upper bound), and its measured bit length picks the final width.
/// @snippet tests/fibonacci_static.cpp fib_uint
template <std::size_t N>
using fib_uint = std::remove_const_t<decltype(fib_v<N>)>;

/// F(N) by fast doubling with its cost: `work` is the number of big multiplications, 3·bit_width(N).
template <std::size_t N>
consteval counted<fib_uint<N>> fast_doubling_fibonacci() {
    // Past the budget fib_v<N> stops with its message; doubling_pair<N> must not be computed then.
    if constexpr (detail::fast_doubling_within_budget<N>) {
        return {fib_v<N>, detail::doubling_pair<N>.multiplications};
    } else {
        return {fib_v<N>, 0};
    }
}

}  // namespace memograd
