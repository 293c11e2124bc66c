#pragma once
/// @file
/// @brief Strategy 4: the compiler's own memo. Each `fib_instance<N, T>` is instantiated once and reused.

#include "../config.hpp"
#include "../detail/always_false.hpp"
#include "counted.hpp"
#include "fixed_uint.hpp"
#include "limits.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace memograd {
namespace detail {

/// The set of indices n whose `fib_instance<n, T>` an instantiation caused, one bit per n. A class, not
/// a template: counting adds no instantiation of its own.
struct instantiation_set {
    std::array<std::uint64_t, MEMOGRAD_TEMPLATE_DEPTH / 64 + 1> bits{};

    [[nodiscard]] constexpr instantiation_set with(std::size_t n) const {
        instantiation_set r = *this;
        r.bits[n / 64] |= std::uint64_t{1} << (n % 64);
        return r;
    }
    [[nodiscard]] constexpr instantiation_set operator|(const instantiation_set& other) const {
        instantiation_set r = *this;
        for (std::size_t w = 0; w < bits.size(); ++w) {
            r.bits[w] |= other.bits[w];
        }
        return r;
    }
    [[nodiscard]] constexpr std::uint64_t size() const {
        std::uint64_t count = 0;
        for (const std::uint64_t word : bits) {
            count += static_cast<std::uint64_t>(std::popcount(word));
        }
        return count;
    }
};

/// F(N) as a static member; naming `fib_instance<N-1>` twice costs one instantiation, because the
/// compiler keeps every instantiated specialization in a table keyed by its arguments.
///
/// `caused` collects the specializations this one's instantiation named, itself included: the union of
/// its operands' sets, so a specialization reached along many paths is counted once, as the compiler
/// instantiates it once. `tree_calls` counts the calls a naive tree walk of the same recursion would make
/// (2F(N+1) − 1), the same recursion without the union.
template <std::size_t N, class T>
struct fib_instance {
    static constexpr T value = fib_instance<N - 1, T>::value + fib_instance<N - 2, T>::value;
    static constexpr instantiation_set caused = (fib_instance<N - 1, T>::caused | fib_instance<N - 2, T>::caused).with(N);
    static constexpr std::uint64_t tree_calls =
        fib_instance<N - 1, T>::tree_calls + fib_instance<N - 2, T>::tree_calls + 1;
};
template <class T>
struct fib_instance<1, T> {
    static constexpr T value = 1u;
    static constexpr instantiation_set caused = instantiation_set{}.with(1);
    static constexpr std::uint64_t tree_calls = 1;
};
template <class T>
struct fib_instance<0, T> {
    static constexpr T value = 0u;
    static constexpr instantiation_set caused = instantiation_set{}.with(0);
    static constexpr std::uint64_t tree_calls = 1;
};

}  // namespace detail

/// F(N) through N + 1 template instantiations.
///
/// `work` counts the distinct `fib_instance` specializations the recursion named (each instantiated once:
/// N + 1 of them for N >= 2, one for N = 0 or 1); `detail::fib_instance<N, T>::tree_calls`
/// holds the 2F(N+1) − 1 calls the same recursion costs without the compiler's memo.  Nested
/// instantiation is bounded by `-ftemplate-depth` (GCC 900, Clang 1024).
/// @snippet tests/fibonacci_static.cpp instantiation
template <std::size_t N>
consteval auto instantiated_fibonacci() {
    using value_type = detail::fibonacci_bound_uint<N>;
    if constexpr (N <= fibonacci_limits::template_instantiation) {
        using instance = detail::fib_instance<N, value_type>;
        return counted<value_type>{instance::value, instance::caused.size()};
    } else {
        static_assert(detail::always_false<N>,
                      "memograd::instantiated_fibonacci<N>: N nested instantiations exceed the template depth "
                      "(-ftemplate-depth: GCC 900, Clang 1024). Use fib_v<N>, or compile with "
                      "-ftemplate-depth=<N+64> and define MEMOGRAD_TEMPLATE_DEPTH to the same value.");
        return counted<value_type>{};
    }
}

}  // namespace memograd
