#pragma once
/// @file
/// @brief Largest N each guarded compile-time Fibonacci strategy accepts under the compilers' default limits.
///
/// `benchmark/compile_limits.sh` bisects the largest N that compiles with memograd's guards switched off
/// (GCC 12.2 / Clang 19.1, default flags; docs/compile_time_limits.md has the table).  A compiler other
/// than those two gets the smaller of their numbers for every guard.  Each guard below sits
/// slightly under that measured edge, so that N past it stops with one message naming the limit and the
/// flag, and N below it never runs into a constant-evaluation failure deep inside Boost.

#include "../config.hpp"

#include <cstdint>

namespace memograd::fibonacci_limits {

#if defined(__clang__) && __clang_major__ == 19
/// naive recursion; the measured edge is N = 24 (Clang's `-fconstexpr-steps` default, 1048576).
inline constexpr std::uint64_t naive = 24;
/// bottom-up table; measured edge N = 4469.
inline constexpr std::uint64_t table = 4400;
/// fast doubling; measured edge N = 27842 with Boost's schoolbook products (Karatsuba reaches further).
inline constexpr std::uint64_t fast_doubling = 27500;
#elif defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
/// naive recursion; the measured edge is N = 32 (GCC's `-fconstexpr-ops-limit` default, 33554432).
inline constexpr std::uint64_t naive = 32;
/// bottom-up table; measured edge N = 6662.
inline constexpr std::uint64_t table = 6600;
/// fast doubling; measured edge N = 44800 with Boost's schoolbook products (Karatsuba reaches further).
inline constexpr std::uint64_t fast_doubling = 44000;
#else
// A compiler (or version) not measured: the smaller of the two measured guards, each.
/// naive recursion (compiler not measured: the smaller of GCC 12's and Clang 19's guards).
inline constexpr std::uint64_t naive = 24;
/// bottom-up table (compiler not measured: the smaller guard).
inline constexpr std::uint64_t table = 4400;
/// fast doubling (compiler not measured: the smaller guard).
inline constexpr std::uint64_t fast_doubling = 27500;
#endif

/// Top-down memoized recursion: N nested calls plus the caller's frames must fit the constexpr depth
/// (measured edge with the default 512: N = 504 on GCC, 505 on Clang).
inline constexpr std::uint64_t memoized_recursion = MEMOGRAD_CONSTEXPR_DEPTH - 16;

/// Template-instantiation memo: each level nests a few instantiations deep, so N must stay a margin
/// below the template depth (measured edge: N = 872 of 900 on GCC, 998 of 1024 on Clang).
inline constexpr std::uint64_t template_instantiation = MEMOGRAD_TEMPLATE_DEPTH - 32;

/// True when the build raised the evaluation budget (see config.hpp).
inline constexpr bool steps_raised = MEMOGRAD_CONSTEXPR_STEPS_RAISED != 0;

}  // namespace memograd::fibonacci_limits
