#pragma once
/// @file
/// @brief Evaluating layer graphs: value, gradient and batches, by the one pass generator.
///
/// A layer graph goes through the same machinery as a scalar expression: graph.hpp analyses its type,
/// passes.hpp plans its storage and generates its forward and backward passes. The parameters are the
/// differentiated array (array 0), the sample and the target are data (arrays 1 and 2). In a network the
/// adjoint of each layer's `W h + b` is the layer's delta: computed once, read by dW, db and the layer
/// below; the plan lets `W h` share it rather than copy it (`plus` passes its adjoint through).

#include "../autodiff/graph.hpp"
#include "../autodiff/passes.hpp"
#include "layer_graph.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <utility>

namespace memograd::nn {
namespace detail {

using memograd::detail::graph_of;
using memograd::detail::plan_of;

/// The value of node `i` after a forward pass.
template <class E>
constexpr const double* root_value(const memograd::detail::pass_arrays& a) {
    constexpr std::size_t root = graph_of<E>.size() - 1;
    return memograd::detail::value_at(a, plan_of<E>.value_buffer[root], plan_of<E>.value_offset[root]);
}

}  // namespace detail

/// What the compiler found in layer graph E and what its generated passes store, as constants.
/// @snippet tests/nn_static.cpp layer_stats
template <LayerExpression E>
struct layer_stats {
    /// @cond MEMOGRAD_INTERNAL
    static constexpr auto& graph = memograd::detail::graph_of<std::remove_cvref_t<E>>;
    static constexpr auto& plan = memograd::detail::plan_of<std::remove_cvref_t<E>>;
    static constexpr std::size_t count(const auto& flags) {
        return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
    }
    /// @endcond
    /// Distinct nodes, leaves included: a leaf or subexpression used twice counts once.
    static constexpr std::size_t nodes = graph.size();
    /// Distinct leaves (samples, parameter blocks, targets).
    static constexpr std::size_t leaves = graph.leaves;
    /// Operation nodes: one kernel call each in the forward pass.
    static constexpr std::size_t operations = nodes - leaves;
    /// Operand slots over all nodes: at most one backward kernel call each.
    static constexpr std::size_t edges = graph.edges;
    /// Doubles the forward pass stores: every operation's value, once.
    static constexpr std::size_t values = plan.values;
    /// Doubles of adjoint storage the backward pass uses (parameters' adjoints are the gradient itself).
    static constexpr std::size_t adjoints = plan.adjoints;
    /// Nodes that need an adjoint: a parameter is at or below them. The others get no backward statement.
    static constexpr std::size_t nodes_with_adjoint = count(plan.needs_adjoint);
    /// Operands whose adjoint storage is their only user's (`W h` in `W h + b`): no copy is made.
    static constexpr std::size_t shared_adjoints = count(plan.shares_adjoint);
};

/// The values of layer graph `expr` (a vector) for parameters `p` and input `x`.
template <LayerExpression E, std::size_t P, std::size_t K>
constexpr std::array<double, detail::rows_of<E>> evaluate(const E&, const std::array<double, P>& p,
                                                           const std::array<double, K>& x) {
    static_assert(memograd::detail::leaves_fit<E, P, K, 0>,
                  "memograd::nn::evaluate(expr, p, x): a leaf of expr reads past the end of p or x (or the "
                  "expression reads a target_vector, which evaluate has none of): check the leaves' offsets "
                  "and sizes against the arrays.");
    constexpr auto& plan = detail::plan_of<E>;
    std::array<double, plan.values> values{};
    const auto arrays = memograd::detail::pass_arrays::of({p.data(), x.data(), nullptr}, values.data(), nullptr, nullptr);
    memograd::detail::forward_pass<E>(arrays);
    std::array<double, detail::rows_of<E>> out{};
    const double* root = detail::root_value<E>(arrays);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = root[i];
    }
    return out;
}

/// The value of the scalar layer graph `expr` (a loss) and its gradient with respect to the parameters.
/// @snippet tests/nn_static.cpp layer_graph
template <LayerExpression E, std::size_t P, std::size_t K, std::size_t M>
constexpr value_and_gradient<P> value_and_grad(const E&, const std::array<double, P>& p,
                                               const std::array<double, K>& x, const std::array<double, M>& y) {
    static_assert(detail::rows_of<E> == 1 && detail::cols_of<E> == 1,
                  "memograd::nn::value_and_grad(expr, p, x, y): expr must be a scalar, e.g. loss<mse_t>(out, "
                  "target_vector<N>{}).");
    static_assert(memograd::detail::leaves_fit<E, P, K, M>,
                  "memograd::nn::value_and_grad(expr, p, x, y): a leaf of expr reads past the end of p, x or y: "
                  "check the leaves' offsets and sizes against the arrays.");
    constexpr auto& plan = detail::plan_of<E>;
    // Each entry is written before it is read (first uses assign): no zeroing.
    std::array<double, plan.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    value_and_gradient<P> out;  // NOLINT(cppcoreguidelines-pro-type-member-init): zeroed below unless tiled
    constexpr bool tiled = memograd::detail::variables_tile<E, P>;
    if constexpr (!tiled) {
        out.grad.fill(0.0);  // and every contribution is added: blocks may overlap
    }
    const auto arrays = memograd::detail::pass_arrays::of({p.data(), x.data(), y.data()}, values.data(), adjoints.data(), out.grad.data());
    memograd::detail::forward_pass<E>(arrays);
    memograd::detail::backward_pass<E, !tiled>(arrays, 1.0);
    out.value = *detail::root_value<E>(arrays);
    return out;
}

/// Mean value and mean gradient of the scalar layer graph `expr` over a batch of inputs `xs` and targets
/// `ys`. Every sample's backward pass is seeded with 1/batch and adds into one gradient.
/// @throws std::invalid_argument if the batch is empty or `xs` and `ys` differ in length.
template <LayerExpression E, std::size_t P, std::size_t K, std::size_t M>
constexpr value_and_gradient<P> batch_value_and_grad(const E&, const std::array<double, P>& p,
                                                     std::span<const std::array<double, K>> xs,
                                                     std::span<const std::array<double, M>> ys) {
    static_assert(detail::rows_of<E> == 1 && detail::cols_of<E> == 1,
                  "memograd::nn::batch_value_and_grad(expr, p, xs, ys): expr must be a scalar, e.g. "
                  "loss<mse_t>(out, target_vector<N>{}).");
    static_assert(memograd::detail::leaves_fit<E, P, K, M>,
                  "memograd::nn::batch_value_and_grad(expr, p, xs, ys): a leaf of expr reads past the end of p, "
                  "a sample or a target: check the leaves' offsets and sizes against the arrays.");
    if (xs.empty() || xs.size() != ys.size()) {
        throw std::invalid_argument("memograd::nn::batch_value_and_grad: inputs and targets must be non-empty and "
                                    "of equal length");
    }
    constexpr auto& plan = detail::plan_of<E>;
    std::array<double, plan.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    value_and_gradient<P> out{0.0, {}};
    const double weight = 1.0 / static_cast<double>(xs.size());
    for (std::size_t s = 0; s < xs.size(); ++s) {
        const auto arrays = memograd::detail::pass_arrays::of({p.data(), xs[s].data(), ys[s].data()}, values.data(), adjoints.data(), out.grad.data());
        memograd::detail::forward_pass<E>(arrays);
        memograd::detail::backward_pass<E, true>(arrays, weight);
        out.value += weight * *detail::root_value<E>(arrays);
    }
    return out;
}

}  // namespace memograd::nn
