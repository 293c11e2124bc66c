#pragma once
/// @file
/// @brief `nn::mlp`: a multilayer perceptron whose layers are the nodes of its graph.
///
/// A scalar graph of a 784-128-10 network would have ~200,000 nodes; here each layer contributes three
/// nodes — matrix-vector product, bias, activation — and the loss one, so the graph of any practical
/// network has a handful of nodes and the compiler unrolls the passes over *layers*, leaving the loops
/// inside each layer to the optimizer. Backpropagation is the same memoization as in the scalar engine:
/// the forward pass stores every layer's output once; the backward pass computes each layer's delta
/// (dL/dz) once and shares it between the weight gradient, the bias gradient and the previous layer's
/// delta.

#include "../autodiff/backward.hpp"  // value_and_gradient
#include "../autodiff/math.hpp"
#include "../detail/splitmix.hpp"
#include "activation.hpp"
#include "loss.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <stdexcept>
#include <utility>

namespace memograd::nn {

/// A fully connected network: `Sizes` are the widths from input to output, `Hidden` the activation of
/// every hidden layer, `Output` that of the last layer. Example: `mlp<tanh_t, identity_t, 2, 16, 16, 1>`.
///
/// Parameters are one flat array laid out like PyTorch's `nn.Linear` layers in order: each layer's
/// weight row-major `[out][in]`, then its bias.
/// @snippet tests/nn_static.cpp mlp
template <Activation Hidden, Activation Output, std::size_t... Sizes>
class mlp {
    static_assert(sizeof...(Sizes) >= 2,
                  "memograd::nn::mlp<Hidden, Output, Sizes...>: give at least an input and an output size, "
                  "e.g. mlp<tanh_t, identity_t, 2, 16, 1>.");
    static_assert(((Sizes > 0) && ...),
                  "memograd::nn::mlp<Hidden, Output, Sizes...>: every layer needs at least one unit (a size is 0).");

    static constexpr std::array<std::size_t, sizeof...(Sizes)> widths{Sizes...};

public:
    /// Number of layers with parameters.
    static constexpr std::size_t layers = sizeof...(Sizes) - 1;
    static constexpr std::size_t input_size = widths.front();  ///< the first of Sizes
    static constexpr std::size_t output_size = widths.back();  ///< the last of Sizes

    /// Index of layer l's first weight in the parameter array.
    static constexpr std::size_t weight_offset(std::size_t l) {
        std::size_t offset = 0;
        for (std::size_t k = 0; k < l; ++k) {
            offset += widths[k + 1] * widths[k] + widths[k + 1];
        }
        return offset;
    }
    /// Index of layer l's first bias.
    static constexpr std::size_t bias_offset(std::size_t l) { return weight_offset(l) + widths[l + 1] * widths[l]; }

    /// Weights and biases of all layers.
    static constexpr std::size_t parameter_count = weight_offset(layers);

    using parameters = std::array<double, parameter_count>;  ///< all weights and biases, PyTorch's layout
    using input = std::array<double, input_size>;            ///< one sample's input
    using output = std::array<double, output_size>;          ///< one sample's output or target
    using result = value_and_gradient<parameter_count>;      ///< a loss and its gradient

    /// Graph nodes: per layer a matrix-vector product, a bias and an activation; plus input and loss.
    static constexpr std::size_t graph_nodes = 3 * layers + 2;

    /// The network's outputs for one input.
    static constexpr output predict(const parameters& p, const input& x) {
        activations a{};
        return forward(p, x, a);
    }

    /// Loss (mean squared error unless `Loss` says otherwise) and its gradient for one sample.
    template <class Loss = mse_t, std::size_t K, std::size_t M>
    static constexpr result value_and_grad(const parameters& p, const std::array<double, K>& x,
                                           const std::array<double, M>& y) {
        static_assert(K == input_size,
                      "memograd::nn::mlp::value_and_grad: x does not have input_size entries (the first of Sizes).");
        static_assert(M == output_size,
                      "memograd::nn::mlp::value_and_grad: the target y does not have output_size entries (the last "
                      "of Sizes): the loss compares one target per output.");
        result out{0.0, {}};
        if constexpr (K == input_size && M == output_size) {
            out.value = accumulate<Loss, false>(p, x, y, 1.0, out.grad);
        }
        return out;
    }

    /// Mean loss and mean gradient over a batch.
    /// @throws std::invalid_argument if the batch is empty or `xs` and `ys` differ in length.
    template <class Loss = mse_t>
    static constexpr result value_and_grad(const parameters& p, std::span<const input> xs, std::span<const output> ys) {
        if (xs.empty() || xs.size() != ys.size()) {
            throw std::invalid_argument("memograd::nn::mlp::value_and_grad: inputs and targets must be non-empty "
                                        "and of equal length");
        }
        result out{0.0, {}};
        const double weight = 1.0 / static_cast<double>(xs.size());
        for (std::size_t s = 0; s < xs.size(); ++s) {
            out.value += weight * accumulate<Loss, true>(p, xs[s], ys[s], weight, out.grad);
        }
        return out;
    }

    /// Initial parameters as PyTorch's `nn.Linear` draws them: uniform in ±1/sqrt(fan_in), from a seed.
    static constexpr parameters initial_parameters(std::uint64_t seed) {
        parameters p{};
        std::uint64_t state = seed;
        for (std::size_t l = 0; l < layers; ++l) {
            const double bound = 1.0 / math::sqrt(static_cast<double>(widths[l]));
            for (std::size_t i = weight_offset(l); i < weight_offset(l + 1); ++i) {
                p[i] = (2.0 * memograd::detail::uniform_unit(state) - 1.0) * bound;
            }
        }
        return p;
    }

private:
    /// Where layer l's outputs start in the activations array (layer 0 = the input).
    static constexpr std::size_t unit_offset(std::size_t l) {
        std::size_t offset = 0;
        for (std::size_t k = 0; k < l; ++k) {
            offset += widths[k];
        }
        return offset;
    }
    static constexpr std::size_t total_units = unit_offset(layers + 1);
    using activations = std::array<double, total_units>;

    template <std::size_t L>
    using activation_of = std::conditional_t<L + 1 == layers, Output, Hidden>;

    /// Forward pass: every layer's output stored once in `a` (the memo the backward pass reads); returns
    /// the last layer's.
    static constexpr output forward(const parameters& p, const input& x, activations& a) {
        for (std::size_t i = 0; i < input_size; ++i) {
            a[i] = x[i];
        }
        [&]<std::size_t... L>(std::index_sequence<L...>) { (forward_layer<L>(p, a), ...); }(
            std::make_index_sequence<layers>{});
        output out{};
        for (std::size_t i = 0; i < output_size; ++i) {
            out[i] = a[unit_offset(layers) + i];
        }
        return out;
    }

    template <std::size_t L>
    static constexpr void forward_layer(const parameters& __restrict p, activations& __restrict a) {
        constexpr std::size_t in = widths[L], out = widths[L + 1];
        constexpr std::size_t w = weight_offset(L), b = bias_offset(L);
        constexpr std::size_t from = unit_offset(L), to = unit_offset(L + 1);
        for (std::size_t o = 0; o < out; ++o) {
            double z = p[b + o];
            for (std::size_t i = 0; i < in; ++i) {
                z += p[w + o * in + i] * a[from + i];
            }
            a[to + o] = activation_of<L>::value(z);
        }
    }

    /// Adds (`Add`) or writes `weight` times one sample's gradient into `grad`; returns the sample's loss.
    template <class Loss, bool Add>
    static constexpr double accumulate(const parameters& p, const input& x, const output& y, double weight,
                                       parameters& grad) {
        activations a{};
        const output out = forward(p, x, a);
        // delta = dL/dz of the current layer, computed once and shared by dW, db and the layer below.
        activations delta{};
        constexpr std::size_t last = unit_offset(layers);
        for (std::size_t i = 0; i < output_size; ++i) {
            delta[last + i] = weight * Loss::template derivative<output_size>(out[i], y[i]) *
                              Output::derivative_from_output(out[i]);
        }
        [&]<std::size_t... R>(std::index_sequence<R...>) { (backward_layer<layers - 1 - R, Add>(p, a, delta, grad), ...); }(
            std::make_index_sequence<layers>{});
        return Loss::value(out, y);
    }

    template <std::size_t L, bool Add>
    static constexpr void backward_layer(const parameters& __restrict p, const activations& __restrict a,
                                         activations& __restrict delta, parameters& __restrict grad) {
        constexpr std::size_t in = widths[L], out = widths[L + 1];
        constexpr std::size_t w = weight_offset(L), b = bias_offset(L);
        constexpr std::size_t from = unit_offset(L), to = unit_offset(L + 1);
        if constexpr (L > 0) {
            for (std::size_t i = 0; i < in; ++i) {
                delta[from + i] = 0.0;
            }
        }
        // One pass over W's rows: each row o gives dW[o] = delta_o · a_below and adds delta_o · W[o] to
        // the layer below's delta; rows are contiguous, so both inner loops vectorize.
        for (std::size_t o = 0; o < out; ++o) {
            const double d = delta[to + o];
            if constexpr (Add) {
                grad[b + o] += d;  // db = delta
                for (std::size_t i = 0; i < in; ++i) {
                    grad[w + o * in + i] += d * a[from + i];  // dW = delta ⊗ a_below
                }
            } else {
                grad[b + o] = d;
                for (std::size_t i = 0; i < in; ++i) {
                    grad[w + o * in + i] = d * a[from + i];
                }
            }
            if constexpr (L > 0) {
                for (std::size_t i = 0; i < in; ++i) {
                    delta[from + i] += p[w + o * in + i] * d;  // (Wᵀ delta) ...
                }
            }
        }
        if constexpr (L > 0) {
            for (std::size_t i = 0; i < in; ++i) {
                delta[from + i] *= Hidden::derivative_from_output(a[from + i]);  // ... ⊙ act'(a_below)
            }
        }
    }
};

}  // namespace memograd::nn
