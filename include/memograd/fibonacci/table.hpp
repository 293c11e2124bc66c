#pragma once
/// @file
/// @brief Strategy 3: the memo table filled bottom-up, stored in the program as one constant array.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <array>
#include <cstddef>

namespace memograd {
namespace detail {

template <std::size_t N>
constexpr auto make_fibonacci_table() {
    using value_type = fibonacci_bound_uint<N>;
    std::array<value_type, N + 1> table{};
    if constexpr (N >= 1) {
        table[1] = 1u;
    }
    for (std::size_t n = 2; n <= N; ++n) {
        table[n] = table[n - 1] + table[n - 2];
    }
    return table;
}

template <std::size_t N>
consteval auto checked_fibonacci_table() {
    if constexpr (N <= fibonacci_limits::table || fibonacci_limits::steps_raised) {
        return make_fibonacci_table<N>();
    } else {
        static_assert(always_false<N>,
                      "memograd::fib_table<N>: N additions of N-bit numbers exceed the default constexpr budget "
                      "(fibonacci_limits::table). Use fib_v<N> for a single value, or raise "
                      "-fconstexpr-ops-limit (GCC) / -fconstexpr-steps (Clang) and define "
                      "MEMOGRAD_CONSTEXPR_STEPS_RAISED=1.");
        return std::array<fibonacci_bound_uint<0>, 1>{};
    }
}

}  // namespace detail

/// F(0) ... F(N) as one constant array: the memo materialized in the binary.
///
/// Reading an entry at run time is an array index; the price is memory, `sizeof(fib_table<N>)` bytes
/// (N+1 entries, each as wide as F(N)) against `sizeof(fib_v<N>)` for one value: the lecture's
/// space-time trade-off, reported by `examples/fibonacci.cpp`.  Work: N − 1 additions.
/// @snippet tests/fibonacci_static.cpp table
template <std::size_t N>
inline constexpr auto fib_table = detail::checked_fibonacci_table<N>();

}  // namespace memograd
