#pragma once
/// @file
/// @brief `nn::mlp`: a multilayer perceptron whose layers are the nodes of its graph.
///
/// A scalar graph of a 784-128-10 network would have ~200,000 nodes. Here the network is a layer graph
/// (layer_graph.hpp): each layer is three nodes — matrix-vector product, bias sum, activation — over its
/// weight and bias leaves, and the loss one more, so any practical network is a handful of nodes. The
/// graph is analysed by the same compile-time walk as the scalar engine's and its passes are generated
/// from it (layer_passes.hpp); the loops inside each node are left to the optimizer. The backward pass
/// computes each layer's delta (dL/dz) once and shares it between the weight gradient, the bias gradient
/// and the layer below.

#include "../autodiff/passes.hpp"  // value_and_gradient
#include "../autodiff/math.hpp"
#include "../detail/splitmix.hpp"
#include "activation.hpp"
#include "layer_graph.hpp"
#include "layer_passes.hpp"
#include "loss.hpp"

#include <boost/hana/fold_left.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/range.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>

namespace memograd::nn {
namespace detail {

/// Where each layer's weights and biases sit in the flat parameter array, and the network's layer graph.
template <Activation Hidden, Activation Output, std::size_t... Sizes>
struct mlp_layout {
    static constexpr bool valid = sizeof...(Sizes) >= 2 && ((Sizes > 0) && ...);
    static constexpr std::array<std::size_t, sizeof...(Sizes)> widths{Sizes...};
    static constexpr std::size_t layers = valid ? sizeof...(Sizes) - 1 : 0;

    static constexpr std::size_t weight_offset(std::size_t l) {
        std::size_t offset = 0;
        for (std::size_t k = 0; k < l; ++k) {
            offset += widths[k + 1] * widths[k] + widths[k + 1];
        }
        return offset;
    }
    static constexpr std::size_t bias_offset(std::size_t l) { return weight_offset(l) + widths[l + 1] * widths[l]; }

    /// The target leaf (a stand-in when the sizes are invalid, so only mlp's own message is printed).
    using target = target_vector<valid ? widths.back() : 1>;

    /// Layer L (1-based) applied to the layer graph `below`: act(W h + b).
    template <std::size_t L, class Below>
    static constexpr auto layer(const Below& below) {
        using act = std::conditional_t<L == layers, Output, Hidden>;
        return activate<act>(weight_matrix<weight_offset(L - 1), widths[L], widths[L - 1]>{} * below +
                             bias_vector<bias_offset(L - 1), widths[L]>{});
    }

    /// The network's outputs as a layer graph: its layers folded, left to right, over the input leaf.
    static constexpr auto outputs() {
        if constexpr (!valid) {
            return input_vector<1>{};
        } else {
            namespace hana = boost::hana;
            constexpr auto layer_numbers = hana::make_range(hana::size_c<1>, hana::size_c<layers + 1>);
            return hana::fold_left(layer_numbers, input_vector<widths[0]>{},
                                   [](const auto& below, auto l) { return layer<decltype(l)::value>(below); });
        }
    }
};

}  // namespace detail

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

    using layout = detail::mlp_layout<Hidden, Output, Sizes...>;
    static constexpr auto widths = layout::widths;

public:
    /// Number of layers with parameters.
    static constexpr std::size_t layers = sizeof...(Sizes) - 1;
    static constexpr std::size_t input_size = widths.front();  ///< the first of Sizes
    static constexpr std::size_t output_size = widths.back();  ///< the last of Sizes

    /// Index of layer l's first weight in the parameter array.
    static constexpr std::size_t weight_offset(std::size_t l) { return layout::weight_offset(l); }
    /// Index of layer l's first bias.
    static constexpr std::size_t bias_offset(std::size_t l) { return layout::bias_offset(l); }

    /// Weights and biases of all layers.
    static constexpr std::size_t parameter_count = weight_offset(layers);

    using parameters = std::array<double, parameter_count>;  ///< all weights and biases, PyTorch's layout
    using input = std::array<double, input_size>;            ///< one sample's input
    using output = std::array<double, output_size>;          ///< one sample's output or target
    using result = value_and_gradient<parameter_count>;      ///< a loss and its gradient

private:
    /// What is wrong with arrays of P parameters, K inputs and M targets, if anything.
    template <std::size_t P, std::size_t K, std::size_t M>
    static constexpr detail::fault fault = P != parameter_count ? detail::fault::mlp_parameters
                                           : K != input_size    ? detail::fault::mlp_input
                                           : M != output_size   ? detail::fault::mlp_target
                                                                : detail::fault::none;

public:

    /// The network as a layer graph: its outputs for the input leaf.
    using prediction_graph = decltype(layout::outputs());
    /// The network and its loss as a layer graph: the expression whose gradient `value_and_grad` takes.
    template <class Loss = mse_t>
    using loss_graph = decltype(nn::loss<Loss>(prediction_graph{}, typename layout::target{}));

    /// Nodes of the analysed loss graph (leaves included), as the compiler counted them.
    static constexpr std::size_t graph_nodes = memograd::detail::graph_of<loss_graph<>>.size();

    /// The network's outputs for one input. Constrained: another array (of another length, of another
    /// element type) selects a deleted overload whose `Problem` names the misuse.
    static constexpr output predict(const parameters& p, const input& x) { return evaluate(prediction_graph{}, p, x); }

    /// Loss (mean squared error unless `Loss` says otherwise) and its gradient for one sample.
    /// Constrained as `predict`, the target `y` of `output_size` entries.
    template <class Loss = mse_t>
    static constexpr result value_and_grad(const parameters& p, const input& x, const output& y) {
        return nn::value_and_grad(loss_graph<Loss>{}, p, x, y);
    }

    /// Mean loss and mean gradient over a batch.
    /// @throws std::invalid_argument if the batch is empty or `xs` and `ys` differ in length.
    template <class Loss = mse_t>
    static constexpr result value_and_grad(const parameters& p, std::span<const input> xs, std::span<const output> ys) {
        return nn::batch_value_and_grad(loss_graph<Loss>{}, p, xs, ys);  // checks the batch
    }

    /// @cond MEMOGRAD_INTERNAL
    // ---- misuse (misuse.hpp): arrays of other lengths, or of other elements than double ----
    template <std::size_t P, std::size_t K, class Problem = detail::problem<fault<P, K, output_size>>>
        requires(fault<P, K, output_size> != detail::fault::none)
    static void predict(const std::array<double, P>&, const std::array<double, K>&) = delete;
    template <class T, std::size_t P, class U, std::size_t K, class Problem = misuse::mlp_arguments_must_be_std_array_of_double_fix_pass_mlp_parameters_input_and_output>
        requires(!detail::double_arrays<std::array<T, P>, std::array<U, K>>)
    static void predict(const std::array<T, P>&, const std::array<U, K>&) = delete;
    template <class Loss = mse_t, std::size_t P, std::size_t K, std::size_t M, class Problem = detail::problem<fault<P, K, M>>>
        requires(fault<P, K, M> != detail::fault::none)
    static void value_and_grad(const std::array<double, P>&, const std::array<double, K>&, const std::array<double, M>&) = delete;
    template <class Loss = mse_t, class T, std::size_t P, class U, std::size_t K, class V, std::size_t M,
              class Problem = misuse::mlp_arguments_must_be_std_array_of_double_fix_pass_mlp_parameters_input_and_output>
        requires(!detail::double_arrays<std::array<T, P>, std::array<U, K>, std::array<V, M>>)
    static void value_and_grad(const std::array<T, P>&, const std::array<U, K>&, const std::array<V, M>&) = delete;
    template <class Loss = mse_t, detail::batch Xs, detail::batch Ys,
              class Problem = detail::problem<fault<parameter_count, detail::entry_size<Xs>, detail::entry_size<Ys>>>>
        requires(fault<parameter_count, detail::entry_size<Xs>, detail::entry_size<Ys>> != detail::fault::none)
    static void value_and_grad(const parameters&, const Xs&, const Ys&) = delete;
    /// @endcond

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
};

}  // namespace memograd::nn
