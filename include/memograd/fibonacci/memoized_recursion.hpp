#pragma once
/// @file
/// @brief Strategy 2, the lecture's dictionary: top-down recursion that looks in a memo table first.

#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace memograd {
namespace detail {

/// The lecture's `dic`, as a fixed array indexed by n (a constant expression cannot use a hash map).
template <class T, std::size_t Size>
struct fibonacci_memo {
    std::array<T, Size> value{};
    std::array<bool, Size> known{};
    std::uint64_t calls = 0;

    constexpr T lookup(std::size_t n) {
        ++calls;
        if (n < 2) {
            return T(n);
        }
        if (!known[n]) {
            value[n] = lookup(n - 1) + lookup(n - 2);
            known[n] = true;
        }
        return value[n];
    }
};

}  // namespace detail

/// F(N) by memoized recursion, in a constant expression.
///
/// `work` is the number of calls, 2N − 1 for N >= 1: `lookup(N-1)` fills the table on its way down, so
/// every `lookup(n-2)` that follows is a hit.  The recursion is still N calls deep, which is what the
/// compiler limits (`-fconstexpr-depth`, default 512).
/// @snippet tests/static/fibonacci_strategies.cpp memoized
template <std::size_t N>
constexpr auto memoized_fibonacci() {
    using value_type = detail::fibonacci_bound_uint<N>;
    if constexpr (N <= fibonacci_limits::memoized_recursion) {
        detail::fibonacci_memo<value_type, N + 1> memo;
        const value_type value = memo.lookup(N);
        return counted<value_type>{value, memo.calls};
    } else {
        static_assert(detail::always_false<N>,
                      "memograd::memoized_fibonacci<N>: the recursion is N calls deep, past the constexpr depth "
                      "(-fconstexpr-depth, default 512). Use fib_table<N> or fib_v<N>, or compile with "
                      "-fconstexpr-depth=<N+16> and define MEMOGRAD_CONSTEXPR_DEPTH to the same value.");
        return counted<value_type>{};
    }
}

}  // namespace memograd
