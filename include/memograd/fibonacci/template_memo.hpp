#pragma once
/// @file
/// @brief Strategy 4: the compiler's own memo. Each `fib_instance<N, T>` is instantiated once and reused.

#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <cstddef>
#include <cstdint>

namespace memograd {
namespace detail {

/// F(N) as a static member; naming `fib_instance<N-1>` twice costs one instantiation, because the
/// compiler keeps every instantiated specialization in a table keyed by its arguments.
///
/// `tree_calls` counts the calls a naive tree walk of the same recursion would make (2F(N+1) − 1) to
/// contrast with the N + 1 instantiations the compiler actually performs.
template <std::size_t N, class T>
struct fib_instance {
    static constexpr T value = fib_instance<N - 1, T>::value + fib_instance<N - 2, T>::value;
    static constexpr std::uint64_t tree_calls =
        fib_instance<N - 1, T>::tree_calls + fib_instance<N - 2, T>::tree_calls + 1;
};
template <class T>
struct fib_instance<1, T> {
    static constexpr T value = 1u;
    static constexpr std::uint64_t tree_calls = 1;
};
template <class T>
struct fib_instance<0, T> {
    static constexpr T value = 0u;
    static constexpr std::uint64_t tree_calls = 1;
};

}  // namespace detail

/// F(N) through N + 1 template instantiations.
///
/// `work` is the number of distinct instantiations, N + 1; `detail::fib_instance<N, T>::tree_calls`
/// holds the 2F(N+1) − 1 calls the same recursion costs without the compiler's memo.  Nested
/// instantiation is bounded by `-ftemplate-depth` (GCC 900, Clang 1024).
/// @snippet tests/fibonacci_static.cpp instantiation
template <std::size_t N>
consteval auto instantiated_fibonacci() {
    using value_type = detail::fibonacci_bound_uint<N>;
    if constexpr (N <= fibonacci_limits::template_instantiation) {
        return counted<value_type>{detail::fib_instance<N, value_type>::value, N + 1};
    } else {
        static_assert(detail::always_false<N>,
                      "memograd::instantiated_fibonacci<N>: N nested instantiations exceed the template depth "
                      "(-ftemplate-depth: GCC 900, Clang 1024). Use fib_v<N>, or compile with "
                      "-ftemplate-depth=<N+64> and define MEMOGRAD_TEMPLATE_DEPTH to the same value.");
        return counted<value_type>{};
    }
}

}  // namespace memograd
