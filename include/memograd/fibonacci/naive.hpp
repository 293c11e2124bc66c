#pragma once
/// @file
/// @brief Strategy 1, the lecture's starting point: plain recursion, exponential work.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "limits.hpp"

#include <cstdint>
#include <stdexcept>

namespace memograd {

/// F(n) by `fib(n) = fib(n-1) + fib(n-2)` with no memory of earlier results.
///
/// `work` is the number of calls, exactly 2·F(n+1) − 1: every call below the top is repeated as often
/// as the number of paths that reach it, which is the lecture's "fib(3) is calculated twice for fib(5)".
/// Usable at run time and in constant expressions.
/// @throws std::out_of_range if n > 93 (F(94) does not fit 64 bits).
constexpr counted<std::uint64_t> naive_fibonacci(std::uint64_t n) {
    if (n > 93) {
        throw std::out_of_range("memograd::naive_fibonacci: n > 93 overflows 64 bits");
    }
    if (n < 2) {
        return {.value = n, .work = 1};
    }
    const auto previous = naive_fibonacci(n - 1);
    const auto before_previous = naive_fibonacci(n - 2);
    return {.value = previous.value + before_previous.value, .work = previous.work + before_previous.work + 1};
}

/// naive_fibonacci(N) as a constant, guarded by the default evaluation budget.
/// @snippet tests/fibonacci_static.cpp naive
template <std::uint64_t N>
consteval counted<std::uint64_t> naive_fibonacci() {
    if constexpr (N <= fibonacci_limits::naive || fibonacci_limits::steps_raised) {
        return naive_fibonacci(N);
    } else {
        static_assert(detail::always_false<N>,
                      "memograd::naive_fibonacci<N>: N is past fibonacci_limits::naive, the largest N whose "
                      "2F(N+1)-1 calls fit the default constexpr budget. Use memoized_fibonacci<N>() or "
                      "fib_v<N>, or raise -fconstexpr-ops-limit (GCC) / -fconstexpr-steps (Clang) and define "
                      "MEMOGRAD_CONSTEXPR_STEPS_RAISED=1.");
        return {};
    }
}

}  // namespace memograd
