#pragma once
/// @file
/// @brief Gradient-descent steps for a flat parameter array: SGD, momentum, Adam. All constexpr-capable.

#include "../autodiff/math.hpp"

#include <array>
#include <cstddef>

namespace memograd::nn {

/// Plain stochastic gradient descent: p −= learning_rate · g.
template <std::size_t P>
struct sgd {
    double learning_rate = 0.1;  ///< step size
    /// One step against the gradient g.
    constexpr void step(std::array<double, P>& p, const std::array<double, P>& g) {
        for (std::size_t i = 0; i < P; ++i) {
            p[i] -= learning_rate * g[i];
        }
    }
};

/// SGD with momentum (PyTorch's form): v = beta·v + g, p −= learning_rate · v.
template <std::size_t P>
struct momentum {
    double learning_rate = 0.1;        ///< step size
    double beta = 0.9;                 ///< how much velocity carries over
    std::array<double, P> velocity{};  ///< running sum of gradients
    /// One step against the gradient g.
    constexpr void step(std::array<double, P>& p, const std::array<double, P>& g) {
        for (std::size_t i = 0; i < P; ++i) {
            velocity[i] = beta * velocity[i] + g[i];
            p[i] -= learning_rate * velocity[i];
        }
    }
};

/// Adam (Kingma & Ba 2015) with bias correction.
template <std::size_t P>
struct adam {
    double learning_rate = 1e-2;     ///< step size
    double beta1 = 0.9;              ///< decay of the first-moment estimate
    double beta2 = 0.999;            ///< decay of the second-moment estimate
    double epsilon = 1e-8;           ///< keeps the step finite where the second moment is 0
    std::array<double, P> first{};   ///< first-moment (mean) estimate
    std::array<double, P> second{};  ///< second-moment (uncentred variance) estimate
    double beta1_power = 1.0;        ///< beta1^t, for bias correction
    double beta2_power = 1.0;        ///< beta2^t, for bias correction
    /// One step against the gradient g.
    constexpr void step(std::array<double, P>& p, const std::array<double, P>& g) {
        beta1_power *= beta1;
        beta2_power *= beta2;
        for (std::size_t i = 0; i < P; ++i) {
            first[i] = beta1 * first[i] + (1 - beta1) * g[i];
            second[i] = beta2 * second[i] + (1 - beta2) * g[i] * g[i];
            const double m = first[i] / (1 - beta1_power);
            const double v = second[i] / (1 - beta2_power);
            p[i] -= learning_rate * m / (math::sqrt(v) + epsilon);
        }
    }
};

}  // namespace memograd::nn
