#pragma once
/// @file
/// @brief Largest N each compile-time Fibonacci strategy reaches under the compilers' default limits.
///
/// Measured on GCC 12.2 and Clang 19.1 by `benchmark/compile_limits.sh` (see docs/compile_time_limits.md);
/// the guards in each strategy compare N against these values and, past them, stop with one message that
/// names the limit and the flag instead of a constant-evaluation failure deep inside Boost.

#include "../config.hpp"

#include <cstdint>

namespace memograd::fibonacci_limits {

#if defined(__clang__)
/// naive recursion: Clang runs out of `-fconstexpr-steps` (default 1048576).
inline constexpr std::uint64_t naive = 25;
/// bottom-up table: ops/steps budget.
inline constexpr std::uint64_t table = 1000;
/// fast doubling: ops/steps budget.
inline constexpr std::uint64_t fast_doubling = 10000;
#else
/// naive recursion: GCC runs out of `-fconstexpr-ops-limit` (default 33554432).
inline constexpr std::uint64_t naive = 32;
/// bottom-up table: ops budget.
inline constexpr std::uint64_t table = 6662;
/// fast doubling: ops budget.
inline constexpr std::uint64_t fast_doubling = 44800;
#endif

/// Top-down memoized recursion: N nested calls plus the caller's frames must fit the constexpr depth.
inline constexpr std::uint64_t memoized_recursion = MEMOGRAD_CONSTEXPR_DEPTH - 8;

/// Template-instantiation memo: N nested instantiations must fit the template depth.
inline constexpr std::uint64_t template_instantiation = MEMOGRAD_TEMPLATE_DEPTH - 8;

/// True when the build raised the evaluation budget (see config.hpp).
inline constexpr bool steps_raised = MEMOGRAD_CONSTEXPR_STEPS_RAISED != 0;

}  // namespace memograd::fibonacci_limits
