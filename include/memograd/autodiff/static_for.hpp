#pragma once
/// @file
/// @brief Unrolled loops over compile-time indices, in blocks a fold expression can hold.
///
/// Clang refuses to nest a fold expression more than 256 deep (`-fbracket-depth`), so an unrolled loop
/// over N indices is cut into blocks of at most `block_size` indices, each expanded by one fold.

#include <algorithm>
#include <cstddef>
#include <utility>

namespace memograd::detail {

/// Indices per fold expression.
inline constexpr std::size_t block_size = 128;

// Clang keeps the generated blocks and passes out of line; each then takes the value and adjoint arrays
// by reference and must assume they alias, so every adjoint it stores is reloaded (measured: the
// 2-16-16-1 gradient 1.87x a hand-written backprop, 1.16x once inlined into value_and_grad, where the
// arrays are locals). GCC inlines them by itself, and forcing it doubles its compile time.
/// @cond MEMOGRAD_INTERNAL
#if defined(__clang__)
#define MEMOGRAD_DETAIL_INLINE_PASS [[gnu::always_inline]]
#define MEMOGRAD_DETAIL_INLINE_LAMBDA __attribute__((always_inline))
#else
#define MEMOGRAD_DETAIL_INLINE_PASS
#define MEMOGRAD_DETAIL_INLINE_LAMBDA
#endif
/// @endcond

template <std::size_t Begin, std::size_t... I>
constexpr auto offset_sequence(std::index_sequence<I...>) {
    return std::index_sequence<(Begin + I)...>{};
}
template <std::size_t End, std::size_t... I>
constexpr auto reversed_sequence(std::index_sequence<I...>) {
    return std::index_sequence<(End - 1 - I)...>{};
}

/// Calls `f(std::index_sequence<...>{})` for consecutive blocks covering [0, N): ascending indices, or,
/// with `Reverse`, N − 1 down to 0.
template <std::size_t N, bool Reverse = false, class F>
MEMOGRAD_DETAIL_INLINE_PASS constexpr void for_each_block(F&& f) {
    [&]<std::size_t... B>(std::index_sequence<B...>) MEMOGRAD_DETAIL_INLINE_LAMBDA {
        if constexpr (Reverse) {
            (f(reversed_sequence<N - B * block_size>(std::make_index_sequence<std::min(block_size, N - B * block_size)>{})),
             ...);
        } else {
            (f(offset_sequence<B * block_size>(std::make_index_sequence<std::min(block_size, N - B * block_size)>{})),
             ...);
        }
    }(std::make_index_sequence<(N + block_size - 1) / block_size>{});
}

/// Calls `f.template operator()<I>()` for I in [Begin, End), unrolled.
template <std::size_t Begin, std::size_t End, class F>
constexpr void static_for(F&& f) {
    for_each_block<End - Begin>([&]<std::size_t... I>(std::index_sequence<I...>) {
        (f.template operator()<Begin + I>(), ...);
    });
}

}  // namespace memograd::detail
