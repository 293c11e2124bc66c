#pragma once
// Gradient oracles for the autodiff tests: central finite differences (an independent numerical method)
// and the unmemoized path sum, compared with the generated memoized pass.
#include "catch.hpp"

#include <memograd/autodiff.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace memograd_tests {

/// d expr / d x[i] by central differences with a step scaled to x[i].
template <class E, std::size_t K>
std::array<double, K> finite_difference_gradient(const E& expr, std::array<double, K> at) {
    std::array<double, K> grad{};
    for (std::size_t i = 0; i < K; ++i) {
        const double h = 1e-6 * std::max(1.0, std::abs(at[i]));
        const double saved = at[i];
        at[i] = saved + h;
        const double up = memograd::value_and_grad(expr, at).value;
        at[i] = saved - h;
        const double down = memograd::value_and_grad(expr, at).value;
        at[i] = saved;
        grad[i] = (up - down) / (2 * h);
    }
    return grad;
}

inline bool near(double a, double b, double relative) {
    return std::abs(a - b) <= relative * (1.0 + std::abs(a) + std::abs(b));
}

template <class E, std::size_t K>
void check_against_references(const E& expr, const std::array<double, K>& at, bool with_finite_differences) {
    const auto memo = memograd::value_and_grad(expr, at);
    const auto paths = memograd::path_sum_value_and_grad(expr, at);
    REQUIRE(std::isfinite(memo.value));
    CHECK(near(memo.value, paths.value, 1e-12));
    const auto fd = finite_difference_gradient(expr, at);
    for (std::size_t i = 0; i < K; ++i) {
        INFO("input " << i << ": memoized " << memo.grad[i] << ", path sum " << paths.grad[i] << ", fd " << fd[i]);
        CHECK(near(memo.grad[i], paths.grad[i], 1e-12));
        if (with_finite_differences) {
            CHECK(near(memo.grad[i], fd[i], 1e-6));
        }
    }
}

}  // namespace memograd_tests
