#pragma once
/// @file
/// @brief Activation tags for `nn::mlp`: each activation's value rule beside its derivative rule.
///
/// The derivative is written in terms of the activation's *output*, which the forward pass already
/// stored: the backward pass reuses it instead of recomputing (tanh' = 1 − a², sigmoid' = a(1 − a)).

#include "../autodiff/math.hpp"

#include <string_view>

namespace memograd::nn {

/// tanh.
struct tanh_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "tanh";
    /// The activation of z.
    static constexpr double value(double z) { return math::tanh(z); }
    /// Its derivative, written in terms of its output a.
    static constexpr double derivative_from_output(double a) { return 1.0 - a * a; }
};
/// The logistic sigmoid.
struct sigmoid_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "sigmoid";
    /// The activation of z.
    static constexpr double value(double z) { return math::sigmoid(z); }
    /// Its derivative, written in terms of its output a.
    static constexpr double derivative_from_output(double a) { return a * (1.0 - a); }
};
/// max(z, 0); the derivative at 0 is taken as 0; relu(NaN) = NaN, with slope NaN.
struct relu_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "relu";
    /// The activation of z (NaN for NaN: NaN is not <= 0).
    static constexpr double value(double z) { return z <= 0 ? 0.0 : z; }
    /// Its derivative, written in terms of its output a (NaN for the output NaN).
    static constexpr double derivative_from_output(double a) { return a > 0 ? 1.0 : a <= 0 ? 0.0 : a; }
};
/// No activation (a linear layer).
struct identity_t {
    /// Its name, for printing.
    static constexpr std::string_view name = "identity";
    /// The activation of z.
    static constexpr double value(double z) { return z; }
    /// Its derivative, written in terms of its output a.
    static constexpr double derivative_from_output(double) { return 1.0; }
};

/// One of the activation tags above.
template <class A>
concept Activation = requires(double x) {
    { A::value(x) } -> std::same_as<double>;
    { A::derivative_from_output(x) } -> std::same_as<double>;
};

}  // namespace memograd::nn
