#pragma once
/// @file
/// @brief Losses for `nn::mlp`: each loss's value beside its derivative with respect to the outputs.

#include "../autodiff/math.hpp"
#include "../autodiff/passes.hpp"  // value_and_gradient

#include <array>
#include <cstddef>
#include <string_view>

namespace memograd::nn {

/// Mean squared error over the outputs: (1/n) Σ (a − y)².
struct mse_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "mse";
    /// The loss of outputs a against targets y.
    template <std::size_t N>
    static constexpr double value(const std::array<double, N>& a, const std::array<double, N>& y) {
        double sum = 0;
        for (std::size_t i = 0; i < N; ++i) {
            sum += (a[i] - y[i]) * (a[i] - y[i]);
        }
        return sum / N;
    }
    /// dL/da for one of the N outputs.
    template <std::size_t N>
    static constexpr double derivative(double a, double y) { return 2.0 * (a - y) / N; }
};

/// Binary cross-entropy for outputs in (0, 1) (a sigmoid output layer), targets 0 or 1:
/// −(1/n) Σ [y log a + (1 − y) log(1 − a)].
struct binary_cross_entropy_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "bce";
    /// The loss of outputs a against targets y.
    template <std::size_t N>
    static constexpr double value(const std::array<double, N>& a, const std::array<double, N>& y) {
        double sum = 0;
        for (std::size_t i = 0; i < N; ++i) {
            sum -= y[i] * math::log(a[i]) + (1.0 - y[i]) * math::log(1.0 - a[i]);
        }
        return sum / N;
    }
    /// dL/da for one of the N outputs.
    template <std::size_t N>
    static constexpr double derivative(double a, double y) { return (a - y) / (a * (1.0 - a)) / N; }
};

/// The max-margin (hinge) loss for targets −1 or +1: (1/n) Σ max(0, 1 − y a).
struct max_margin_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "max_margin";
    /// The loss of outputs a against targets y.
    template <std::size_t N>
    static constexpr double value(const std::array<double, N>& a, const std::array<double, N>& y) {
        double sum = 0;
        for (std::size_t i = 0; i < N; ++i) {
            const double margin = 1.0 - y[i] * a[i];
            sum += margin > 0 ? margin : 0.0;
        }
        return sum / N;
    }
    /// dL/da for one of the N outputs.
    template <std::size_t N>
    static constexpr double derivative(double a, double y) { return 1.0 - y * a > 0 ? -y / N : 0.0; }
};

/// L2 regularization added to a loss `r` of parameters `p`: r.value += alpha·Σ p², r.grad += 2·alpha·p
/// (micrograd's `reg_loss`, which its two-moons demo adds with alpha = 1e-4).
template <std::size_t P>
constexpr void add_l2_penalty(value_and_gradient<P>& r, const std::array<double, P>& p, double alpha) {
    double sum = 0.0;
    for (std::size_t i = 0; i < P; ++i) {
        sum += p[i] * p[i];
        r.grad[i] += 2.0 * alpha * p[i];
    }
    r.value += alpha * sum;
}

}  // namespace memograd::nn
