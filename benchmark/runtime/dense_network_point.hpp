#pragma once
// The point at which the run-time benchmarks evaluate memograd::dense_network_loss<In, Width, Depth>:
// entry i is 0.1 (i mod 7) - 0.3, the same for every method compared (one function, so every benchmark
// of a network measures it at the same place).
#include <memograd/autodiff/dense_network.hpp>

#include <array>
#include <cstddef>

template <std::size_t In, std::size_t Width, std::size_t Depth>
constexpr std::array<double, memograd::dense_network_vars<In, Width, Depth>> dense_network_point() {
    std::array<double, memograd::dense_network_vars<In, Width, Depth>> x{};
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = 0.1 * static_cast<double>(i % 7) - 0.3;
    }
    return x;
}
