#pragma once
/// @file
/// @brief `static_for<Begin, End>(f)`: calls `f.template operator()<I>()` for I in [Begin, End), unrolled.
///
/// Fold expressions are split into blocks of at most 128 terms: Clang refuses to nest a fold more than
/// 256 deep (`-fbracket-depth`), and the split keeps the recursion logarithmic.

#include <cstddef>
#include <utility>

namespace memograd::detail {

template <std::size_t Begin, class F, std::size_t... I>
constexpr void static_for_block(F& f, std::index_sequence<I...>) {
    (f.template operator()<Begin + I>(), ...);
}

template <std::size_t Begin, std::size_t End, class F>
constexpr void static_for(F&& f) {
    if constexpr (End - Begin <= 128) {
        static_for_block<Begin>(f, std::make_index_sequence<End - Begin>{});
    } else {
        constexpr std::size_t middle = Begin + (End - Begin) / 2;
        static_for<Begin, middle>(f);
        static_for<middle, End>(f);
    }
}

/// Same, from End − 1 down to Begin.
template <std::size_t Begin, std::size_t End, class F>
constexpr void static_for_reverse(F&& f) {
    if constexpr (End - Begin <= 128) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (f.template operator()<End - 1 - I>(), ...);
        }(std::make_index_sequence<End - Begin>{});
    } else {
        constexpr std::size_t middle = Begin + (End - Begin) / 2;
        static_for_reverse<middle, End>(f);
        static_for_reverse<Begin, middle>(f);
    }
}

}  // namespace memograd::detail
