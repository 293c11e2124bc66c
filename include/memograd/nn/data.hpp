#pragma once
/// @file
/// @brief Deterministic toy data sets: XOR and two interleaving half-moons.

#include "../detail/splitmix.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

namespace memograd::nn {

/// A labelled data set: inputs and their targets, index by index.
template <std::size_t In, std::size_t Out>
struct dataset {
    std::vector<std::array<double, In>> inputs;    ///< one input per sample
    std::vector<std::array<double, Out>> targets;  ///< the target of each input
};

/// The four XOR points (a constant: usable in constant expressions).
inline constexpr std::array<std::array<double, 2>, 4> xor_inputs{{{0, 0}, {0, 1}, {1, 0}, {1, 1}}};
/// XOR of each point in `xor_inputs`: 0 or 1.
inline constexpr std::array<std::array<double, 1>, 4> xor_targets{{{0}, {1}, {1}, {0}}};

/// Two interleaving half circles (as scikit-learn's make_moons): n points, half per moon, Gaussian noise
/// of standard deviation `noise`, labels 0 and 1. The same seed gives the same points on every platform
/// this library builds on (its own generator; only std::cos, sin, log and sqrt from the C library).
inline dataset<2, 1> make_moons(std::size_t n, double noise, std::uint64_t seed) {
    std::uint64_t state = seed;
    const auto uniform = [&state] { return detail::uniform_unit(state); };
    const auto normal = [&] {  // Box-Muller
        const double u1 = 1.0 - uniform();
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    };
    dataset<2, 1> data;
    for (std::size_t i = 0; i < n; ++i) {
        const bool lower = i % 2 == 1;
        const std::size_t pair = i / 2;  // the two moons share their parameter t
        const double t = std::numbers::pi * static_cast<double>(pair) / static_cast<double>((n + 1) / 2 - 1 > 0 ? (n + 1) / 2 - 1 : 1);
        const double x = lower ? 1.0 - std::cos(t) : std::cos(t);
        const double y = lower ? 0.5 - std::sin(t) : std::sin(t);
        data.inputs.push_back({x + noise * normal(), y + noise * normal()});
        data.targets.push_back({lower ? 1.0 : 0.0});
    }
    return data;
}

}  // namespace memograd::nn
