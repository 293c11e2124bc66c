#pragma once
/// @file
/// @brief Deterministic toy data sets: XOR and two interleaving half-moons.

#include "../autodiff/math.hpp"
#include "../detail/splitmix.hpp"

#include <array>
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

/// A labelled data set of a fixed size `N`, a literal type: what a constant expression can return.
template <std::size_t N, std::size_t In, std::size_t Out>
struct fixed_dataset {
    std::array<std::array<double, In>, N> inputs;    ///< one input per sample
    std::array<std::array<double, Out>, N> targets;  ///< the target of each input
};

namespace detail {
/// Sample i of n two-moons points: even i on the upper moon (label 0), odd i on the lower (label 1); the
/// two moons share their parameter t. Draws two Gaussians from `state`, x's first.
constexpr void moon_point(std::size_t i, std::size_t n, double noise, std::uint64_t& state,
                          std::array<double, 2>& input, std::array<double, 1>& target) {
    const bool lower = i % 2 == 1;
    const std::size_t pair = i / 2;
    const std::size_t last_pair = (n + 1) / 2 - 1 > 0 ? (n + 1) / 2 - 1 : 1;
    const double t = std::numbers::pi * static_cast<double>(pair) / static_cast<double>(last_pair);
    const double x = lower ? 1.0 - math::cos(t) : math::cos(t);
    const double y = lower ? 0.5 - math::sin(t) : math::sin(t);
    const double dx = noise * memograd::detail::standard_normal(state);
    const double dy = noise * memograd::detail::standard_normal(state);
    input = {x + dx, y + dy};
    target = {lower ? 1.0 : 0.0};
}
}  // namespace detail

/// Two interleaving half circles (as scikit-learn's make_moons): n points, half per moon, Gaussian noise
/// of standard deviation `noise`, labels 0 and 1. The same seed gives the same points on every platform
/// this library builds on (its own generator; only std::cos, sin, log and sqrt from the C library).
inline dataset<2, 1> make_moons(std::size_t n, double noise, std::uint64_t seed) {
    std::uint64_t state = seed;
    dataset<2, 1> data{.inputs = std::vector<std::array<double, 2>>(n), .targets = std::vector<std::array<double, 1>>(n)};
    for (std::size_t i = 0; i < n; ++i) {
        detail::moon_point(i, n, noise, state, data.inputs[i], data.targets[i]);
    }
    return data;
}

/// The same N points as `make_moons(N, noise, seed)`, computed in a constant expression: the cosines,
/// sines, logarithms and square roots come from memograd::math's constant paths instead of the C library,
/// so the points agree with the run-time ones to a few ulp, not bit for bit (tests/nn_runtime.cpp).
template <std::size_t N>
constexpr fixed_dataset<N, 2, 1> make_moons(double noise, std::uint64_t seed) {
    std::uint64_t state = seed;
    fixed_dataset<N, 2, 1> data{};
    for (std::size_t i = 0; i < N; ++i) {
        detail::moon_point(i, N, noise, state, data.inputs[i], data.targets[i]);
    }
    return data;
}

}  // namespace memograd::nn
