#pragma once
/// @file
/// @brief `always_false`: a dependent `false` for `static_assert` in discarded `if constexpr` branches.

namespace memograd::detail {

/// False for every argument list, but only known once the arguments are: a `static_assert` on it fires
/// only in the branch that is instantiated.
template <auto...>
inline constexpr bool always_false = false;

}  // namespace memograd::detail
