#pragma once
/// @file
/// @brief Largest N each guarded compile-time Fibonacci strategy accepts under the compilers' default limits.
///
/// `benchmark/compile_limits.sh` bisects the largest N that compiles with memograd's guards switched off
/// (GCC 12.2 / Clang 19.1, default flags, Boost 1.74 and 1.81; docs/compile_time_limits.md has the table).
/// The edges depend on the compiler and on the Boost version (Boost 1.81's `cpp_int` copies cost Clang more
/// evaluation steps).  Each guard below sits slightly under the measured edge, so that N past it stops with
/// one message naming the limit and the flag, and N below it never runs into a constant-evaluation failure
/// deep inside Boost.  A compiler or Boost version that was not measured gets the smallest guard measured
/// for each strategy.

#include "../config.hpp"

#include <boost/version.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>

namespace memograd::fibonacci_limits {
namespace detail {

/// The guards of the three budget-bound strategies for one compiler and Boost version.
struct budget_guards {
    std::uint64_t naive;
    std::uint64_t table;
    std::uint64_t fast_doubling;
};

// Each guard a little under the measured edge (the largest N that compiles), given in the comment.
inline constexpr budget_guards gcc12_boost174{
    .naive = 32, .table = 6600, .fast_doubling = 233'000};  // edges 32, 6,662, 238,942
inline constexpr budget_guards gcc12_boost181{
    .naive = 32, .table = 6600, .fast_doubling = 233'000};  // edges 32, 6,656, 238,941
inline constexpr budget_guards clang19_boost174{
    .naive = 24, .table = 4400, .fast_doubling = 138'000};  // edges 24, 4,469, 141,967
inline constexpr budget_guards clang19_boost181{
    .naive = 24, .table = 4300, .fast_doubling = 138'000};  // edges 24, 4,394, 141,967

/// Each strategy's smallest guard over a list of measured builds.
constexpr budget_guards smallest(std::initializer_list<budget_guards> measured) {
    budget_guards s = *measured.begin();
    for (const budget_guards& g : measured) {
        s = {.naive = std::min(s.naive, g.naive),
             .table = std::min(s.table, g.table),
             .fast_doubling = std::min(s.fast_doubling, g.fast_doubling)};
    }
    return s;
}

/// The guards of the build: measured ones for GCC 12 and Clang 19 with Boost 1.74 or 1.81, otherwise the
/// smallest of the measured builds of that compiler, or of all builds for an unmeasured compiler.
constexpr budget_guards for_this_build() {
#if defined(__clang__) && __clang_major__ == 19
    return BOOST_VERSION / 100 == 1074 ? clang19_boost174
           : BOOST_VERSION / 100 == 1081 ? clang19_boost181
                                          : smallest({clang19_boost174, clang19_boost181});
#elif defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
    return BOOST_VERSION / 100 == 1074 ? gcc12_boost174
           : BOOST_VERSION / 100 == 1081 ? gcc12_boost181
                                          : smallest({gcc12_boost174, gcc12_boost181});
#else
    return smallest({gcc12_boost174, gcc12_boost181, clang19_boost174, clang19_boost181});
#endif
}

}  // namespace detail

/// Naive recursion: 2F(N+1) − 1 calls (measured edge N = 24 on Clang, 32 on GCC, either Boost).
inline constexpr std::uint64_t naive = detail::for_this_build().naive;
/// Bottom-up table: N additions of up to N-bit numbers, and the table copied once.
inline constexpr std::uint64_t table = detail::for_this_build().table;
/// Fast doubling (`fib_v`): two Karatsuba squarings per bit of N and one product.
inline constexpr std::uint64_t fast_doubling = detail::for_this_build().fast_doubling;

/// Top-down memoized recursion: N nested calls plus the caller's frames must fit the constexpr depth
/// (measured edge with the default 512: N = 504 on GCC and Clang, either Boost).
inline constexpr std::uint64_t memoized_recursion = MEMOGRAD_CONSTEXPR_DEPTH - 16;

/// Template-instantiation memo: each level nests a few instantiations deep, so N must stay a margin
/// below the template depth (measured edge with Boost 1.74: N = 872 of 900 on GCC, 998 of 1024 on Clang).
inline constexpr std::uint64_t template_instantiation = MEMOGRAD_TEMPLATE_DEPTH - 32;

/// True when the build raised the evaluation budget (see config.hpp).
inline constexpr bool steps_raised = MEMOGRAD_CONSTEXPR_STEPS_RAISED != 0;

}  // namespace memograd::fibonacci_limits
