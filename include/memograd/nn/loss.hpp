#pragma once
/// @file
/// @brief Losses for `nn::mlp`: each loss's value beside its derivatives with respect to the outputs
/// (`derivative<N>`) and to the targets (`derivative<N, 1>`).
///
/// The derivative in the target is what a layer graph whose target is computed from parameters needs
/// (`loss<mse_t>(out, bias_vector<O, N>{})`); a loss without it takes data targets only (layer_passes.hpp).

#include "../autodiff/math.hpp"
#include "../autodiff/passes.hpp"  // value_and_gradient

#include <array>
#include <concepts>
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
    /// dL/da (`Operand` 0) or dL/dy (`Operand` 1) for one of the N outputs: 2 (a − y)/n and its negative.
    template <std::size_t N, std::size_t Operand = 0>
        requires(Operand < 2)
    static constexpr double derivative(double a, double y) {
        return Operand == 0 ? 2.0 * (a - y) / N : -2.0 * (a - y) / N;
    }
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
    /// dL/da (`Operand` 0) or dL/dy (`Operand` 1) for one of the N outputs: (a − y)/(a (1 − a))/n and
    /// (log(1 − a) − log a)/n.
    template <std::size_t N, std::size_t Operand = 0>
        requires(Operand < 2)
    static constexpr double derivative(double a, double y) {
        if constexpr (Operand == 0) {
            return (a - y) / (a * (1.0 - a)) / N;
        } else {
            return (math::log(1.0 - a) - math::log(a)) / N;
        }
    }
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
    /// dL/da (`Operand` 0) or dL/dy (`Operand` 1) for one of the N outputs: −y/n and −a/n inside the
    /// margin (y a < 1), 0 outside it and on its edge.
    template <std::size_t N, std::size_t Operand = 0>
        requires(Operand < 2)
    static constexpr double derivative(double a, double y) {
        const double slope = Operand == 0 ? -y : -a;
        return 1.0 - y * a > 0 ? slope / N : 0.0;
    }
};

namespace detail {
/// Does `Loss` give its derivative in the target, `derivative<N, 1>(a, y)`?
template <class Loss, std::size_t N>
concept differentiable_in_target = requires(double a, double y) {
    { Loss::template derivative<N, 1>(a, y) } -> std::convertible_to<double>;
};
/// dLoss/da (`Operand` 0, what every loss gives as `derivative<N>`) or dLoss/dy (1) for one of N outputs.
template <class Loss, std::size_t N, std::size_t Operand>
constexpr double loss_slope(double a, double y) {
    if constexpr (Operand == 0) {
        return Loss::template derivative<N>(a, y);
    } else {
        return Loss::template derivative<N, 1>(a, y);
    }
}
}  // namespace detail

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
