#pragma once
/// @file
/// @brief Strategy 2, the lecture's dictionary: top-down recursion that looks in a memo table first.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>

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

/// F(n) by memoized recursion over 64-bit values, at run time or in a constant expression.
///
/// `work` is the number of calls, 2n − 1 for n >= 1 (see below); the lecture's table of call counts
/// compares it with naive_fibonacci(n).
/// @throws std::out_of_range if n > 93 (F(94) does not fit 64 bits).
constexpr counted<std::uint64_t> memoized_fibonacci(std::uint64_t n) {
    if (n > 93) {
        throw std::out_of_range("memograd::memoized_fibonacci: n > 93 overflows 64 bits");
    }
    detail::fibonacci_memo<std::uint64_t, 94> memo;
    const std::uint64_t value = memo.lookup(n);
    return {.value = value, .work = memo.calls};
}

/// F(N) by memoized recursion, as big integers in a constant expression.
///
/// `work` is the number of calls, 2N − 1 for N >= 1: `lookup(N-1)` fills the table on its way down, so
/// every `lookup(n-2)` that follows is a hit.  The recursion is still N calls deep, which is what the
/// compiler limits (`-fconstexpr-depth`, default 512).
/// @snippet tests/fibonacci_static.cpp memoized
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
