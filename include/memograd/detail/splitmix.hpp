#pragma once
/// @file
/// @brief splitmix64: a tiny deterministic generator, and uniform and Gaussian draws from it, usable in
/// constant expressions.

#include "../autodiff/math.hpp"

#include <cstdint>
#include <numbers>

namespace memograd::detail {

/// Advances `state` and returns the next 64 random bits (Steele, Lea & Flood's splitmix64).
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/// A uniform double in [0, 1) from the next 53 bits.
constexpr double uniform_unit(std::uint64_t& state) {
    return static_cast<double>(splitmix64(state) >> 11) * 0x1.0p-53;
}

/// A standard normal draw (Box-Muller, the cosine branch) from the next two uniform draws. Constant-evaluable
/// through memograd::math; at run time the same expression with the C library's log, sqrt and cos.
constexpr double standard_normal(std::uint64_t& state) {
    const double u1 = 1.0 - uniform_unit(state);  // in (0, 1]: log is finite
    const double u2 = uniform_unit(state);
    return math::sqrt(-2.0 * math::log(u1)) * math::cos(2.0 * std::numbers::pi * u2);
}

}  // namespace memograd::detail
