#pragma once
/// @file
/// @brief Reading a decimal string into a fixed_uint inside a constant expression.

#include "fixed_uint.hpp"

#include <cstddef>
#include <stdexcept>
#include <string_view>

namespace memograd {

/// The value of a string of decimal digits, as a `fixed_uint<Bits>`.
///
/// Lets tests compare compiler-computed values with published decimal expansions without trusting any
/// conversion the library performs itself.
/// @throws std::invalid_argument on an empty string or a non-digit anywhere in it (a compile error in a
/// constant expression); otherwise std::overflow_error if the value does not fit `Bits`.
template <std::size_t Bits>
constexpr fixed_uint<Bits> parse_decimal(std::string_view digits) {
    if (digits.empty()) {
        throw std::invalid_argument("memograd::parse_decimal: empty string");
    }
    // Every character is checked before any arithmetic, so a malformed string is reported as malformed
    // even when its leading digits alone would already overflow.
    for (const char c : digits) {
        if (c < '0' || c > '9') {
            throw std::invalid_argument("memograd::parse_decimal: not a decimal digit");
        }
    }
    fixed_uint<Bits> value = 0u;
    for (const char c : digits) {
        const fixed_uint<Bits> next = value * 10u + static_cast<unsigned>(c - '0');
        if (next / 10u != value) {
            throw std::overflow_error("memograd::parse_decimal: value does not fit the type");
        }
        value = next;
    }
    return value;
}

}  // namespace memograd
