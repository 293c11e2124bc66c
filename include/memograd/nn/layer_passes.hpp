#pragma once
/// @file
/// @brief The forward and backward passes of a layer graph, generated from its analysed graph.
///
/// The same recipe as the scalar engine's backward.hpp, one level up: the graph of the expression type
/// (graph.hpp) lists the distinct nodes children-first; the forward pass is one kernel call per node
/// storing the node's value once; the backward pass walks the nodes root-first, and each node's adjoint —
/// complete when reached — is pushed to each operand once per edge. In a network that adjoint is the
/// layer's delta: computed once, read by dW, db and the layer below.
///
/// A storage plan, computed at compile time, removes what the passes need not do:
/// - nodes that no parameter is below (the input x, the target y) get no adjoint and no statement;
/// - an operand used only by a node that passes its adjoint through unchanged (`W h` in `W h + b`, the
///   operand of an identity activation) shares that node's adjoint storage instead of copying it.

#include "../autodiff/backward.hpp"  // node_at, value_and_gradient
#include "../autodiff/graph.hpp"
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

/// The type of node I of layer graph E.
template <class E, std::size_t I>
using node_type = std::remove_cvref_t<decltype(memograd::detail::node_at<E, I>(std::declval<const E&>()))>;

template <class T>
inline constexpr bool is_parameter_leaf = false;
template <std::size_t O, std::size_t R, std::size_t C>
inline constexpr bool is_parameter_leaf<leaf<leaf_source::parameter, O, R, C>> = true;

template <class T>
constexpr bool passes_adjoint_through() {
    if constexpr (requires { T::op::passes_adjoint_through; }) {
        return T::op::passes_adjoint_through;
    } else {
        return false;
    }
}

/// Where each node's value and adjoint live, decided at compile time.
template <std::size_t N>
struct storage_plan {
    std::array<std::size_t, N> value_offset{};    ///< into the values buffer (operation nodes)
    std::array<std::size_t, N> adjoint_offset{};  ///< into the adjoints buffer (operation nodes)
    std::array<bool, N> needs_adjoint{};          ///< a parameter is at or below the node
    std::array<bool, N> shares_adjoint{};         ///< its adjoint storage is its only user's
    std::size_t values = 0;                       ///< doubles of the values buffer
    std::size_t adjoints = 0;                     ///< doubles of the adjoints buffer
};

template <class E>
consteval auto plan_storage() {
    constexpr auto& g = graph_of<E>;
    constexpr std::size_t n = g.size();
    constexpr std::array<bool, n> parameter = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<bool, n>{is_parameter_leaf<node_type<E, I>>...};
    }(std::make_index_sequence<n>{});
    constexpr std::array<bool, n> pass_through = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<bool, n>{passes_adjoint_through<node_type<E, I>>()...};
    }(std::make_index_sequence<n>{});

    storage_plan<n> plan;
    std::array<std::size_t, n> uses{};
    for (std::size_t i = 0; i < n; ++i) {
        const auto& node = g.nodes[i];
        plan.needs_adjoint[i] = parameter[i];
        for (std::size_t s = 0; s < node.arity; ++s) {
            plan.needs_adjoint[i] = plan.needs_adjoint[i] || plan.needs_adjoint[node.child[s]];
            ++uses[node.child[s]];
        }
        if (node.shape != memograd::detail::node_shape::input) {
            plan.value_offset[i] = plan.values;
            plan.values += node.rows * node.cols;
        }
    }
    for (std::size_t i = n; i-- > 0;) {  // root first: a user's storage is placed before its operands'
        const auto& node = g.nodes[i];
        if (node.shape == memograd::detail::node_shape::input || !plan.needs_adjoint[i]) {
            continue;
        }
        if (i + 1 < n && uses[i] == 1 && pass_through[node.parent]) {
            plan.shares_adjoint[i] = true;
            plan.adjoint_offset[i] = plan.adjoint_offset[node.parent];
        } else {
            plan.adjoint_offset[i] = plan.adjoints;
            plan.adjoints += node.rows * node.cols;
        }
    }
    return plan;
}

/// The storage plan of layer graph E, computed once per type.
template <class E>
inline constexpr auto plan_of = plan_storage<E>();

/// The arrays one evaluation reads and writes.
template <std::size_t P, std::size_t K, std::size_t M, std::size_t V, std::size_t A>
struct pass_arrays {
    const std::array<double, P>& params;
    const std::array<double, K>& x;
    const std::array<double, M>& y;
    std::array<double, V>& values;
    std::array<double, A>& adjoints;
    double* grad;  ///< the gradient (P entries); null when only the forward pass runs
};

/// Node I's value: a leaf reads its array, an operation its slot of the values buffer.
template <class E, std::size_t I, class Arrays>
constexpr const double* value_of(const Arrays& arrays) {
    using T = node_type<E, I>;
    if constexpr (requires { T::source; }) {
        if constexpr (T::source == leaf_source::sample) {
            return arrays.x.data() + T::index;
        } else if constexpr (T::source == leaf_source::parameter) {
            return arrays.params.data() + T::index;
        } else {
            return arrays.y.data() + T::index;
        }
    } else {
        return arrays.values.data() + plan_of<E>.value_offset[I];
    }
}

/// Node I's adjoint: a parameter's is its slice of the gradient.
template <class E, std::size_t I, class Arrays>
constexpr double* adjoint_of(const Arrays& arrays) {
    if constexpr (is_parameter_leaf<node_type<E, I>>) {
        return arrays.grad + node_type<E, I>::index;
    } else {
        return arrays.adjoints.data() + plan_of<E>.adjoint_offset[I];
    }
}

template <class E, std::size_t I, class Arrays>
[[gnu::always_inline]] constexpr void forward_node(const Arrays& arrays) {
    constexpr auto node = graph_of<E>.nodes[I];
    if constexpr (node.shape != memograd::detail::node_shape::input) {
        const double* b = nullptr;
        if constexpr (node.arity == 2) {
            b = value_of<E, node.child[1]>(arrays);
        }
        node_type<E, I>::op::forward(arrays.values.data() + plan_of<E>.value_offset[I],
                                     value_of<E, node.child[0]>(arrays), b);
    }
}

/// Pushes node I's adjoint to its operand in slot S (unless the operand needs none or shares it).
/// `Accumulate`: parameter gradients are added to (a batch), not assigned.
template <class E, std::size_t I, std::size_t S, bool Accumulate, class Arrays>
[[gnu::always_inline]] constexpr void backward_edge(const Arrays& arrays) {
    constexpr auto node = graph_of<E>.nodes[I];
    constexpr std::size_t c = node.child[S];
    if constexpr (plan_of<E>.needs_adjoint[c] && !plan_of<E>.shares_adjoint[c]) {
        constexpr bool assign = node.first_use[S] && !(Accumulate && is_parameter_leaf<node_type<E, c>>);
        const double* b = nullptr;
        if constexpr (node.arity == 2) {
            b = value_of<E, node.child[1]>(arrays);
        }
        node_type<E, I>::op::template backward<S, assign>(adjoint_of<E, I>(arrays), value_of<E, I>(arrays),
                                                          value_of<E, node.child[0]>(arrays), b,
                                                          adjoint_of<E, c>(arrays));
    }
}

template <class E, std::size_t I, bool Accumulate, class Arrays>
[[gnu::always_inline]] constexpr void backward_node(const Arrays& arrays) {
    constexpr auto node = graph_of<E>.nodes[I];
    if constexpr (node.shape != memograd::detail::node_shape::input && plan_of<E>.needs_adjoint[I]) {
        [&]<std::size_t... S>(std::index_sequence<S...>) __attribute__((always_inline)) {
            (backward_edge<E, I, S, Accumulate>(arrays), ...);
        }(std::make_index_sequence<node.arity>{});
    }
}

/// Every node's value, children first.
template <class E, class Arrays>
[[gnu::always_inline]] constexpr void forward_pass(const Arrays& arrays) {
    [&]<std::size_t... I>(std::index_sequence<I...>) __attribute__((always_inline)) {
        (forward_node<E, I>(arrays), ...);
    }(std::make_index_sequence<graph_of<E>.size()>{});
}

/// Every adjoint, root first, from the root's adjoint `seed`.
template <class E, bool Accumulate, class Arrays>
[[gnu::always_inline]] constexpr void backward_pass(const Arrays& arrays, double seed) {
    constexpr std::size_t n = graph_of<E>.size();
    using root = node_type<E, n - 1>;
    if constexpr (is_parameter_leaf<root>) {  // the expression is a lone parameter
        if constexpr (Accumulate) {
            arrays.grad[root::index] += seed;
        } else {
            arrays.grad[root::index] = seed;
        }
    } else if constexpr (plan_of<E>.needs_adjoint[n - 1]) {  // else no parameter is in the graph
        arrays.adjoints[plan_of<E>.adjoint_offset[n - 1]] = seed;
        [&]<std::size_t... R>(std::index_sequence<R...>) __attribute__((always_inline)) {
            (backward_node<E, n - 1 - R, Accumulate>(arrays), ...);
        }(std::make_index_sequence<n>{});
    }
}

template <class T, std::size_t P, std::size_t K, std::size_t M>
constexpr bool fits() {
    if constexpr (requires { T::source; }) {
        constexpr std::size_t end = T::index + T::rows * T::cols;
        return T::source == leaf_source::sample      ? end <= K
               : T::source == leaf_source::parameter ? end <= P
                                                     : end <= M;
    } else {
        return true;
    }
}

/// Leaves reading past the end of their arrays are a shape error, caught before any pass is generated.
template <class E, std::size_t P, std::size_t K, std::size_t M, std::size_t... I>
constexpr bool leaves_fit(std::index_sequence<I...>) {
    return (fits<node_type<E, I>, P, K, M>() && ...);
}
template <class E, std::size_t P, std::size_t K, std::size_t M>
inline constexpr bool leaves_fit_v = leaves_fit<E, P, K, M>(std::make_index_sequence<graph_of<E>.size()>{});

template <class T>
constexpr std::array<std::size_t, 2> parameter_block() {
    if constexpr (is_parameter_leaf<T>) {
        return {T::index, T::index + T::rows * T::cols};
    } else {
        return {0, 0};
    }
}

/// Do the parameter leaves of E cover [0, P) exactly once? Then every gradient entry is written by
/// exactly one leaf's first use, and the gradient needs no zeroing; otherwise (a parameter the graph does
/// not use, or two overlapping leaves) it is zeroed and every contribution added.
template <class E, std::size_t P, std::size_t... I>
consteval bool parameters_tile(std::index_sequence<I...>) {
    std::array<std::array<std::size_t, 2>, sizeof...(I)> blocks{parameter_block<node_type<E, I>>()...};
    std::sort(blocks.begin(), blocks.end());
    std::size_t covered = 0;
    for (const auto& [begin, end] : blocks) {
        if (begin == end) {
            continue;  // not a parameter
        }
        if (begin != covered) {
            return false;
        }
        covered = end;
    }
    return covered == P;
}
template <class E, std::size_t P>
inline constexpr bool parameters_tile_v = parameters_tile<E, P>(std::make_index_sequence<graph_of<E>.size()>{});

}  // namespace detail

/// What the compiler found in layer graph E and what its generated passes store, as constants.
/// @snippet tests/nn_static.cpp layer_stats
template <LayerExpression E>
struct layer_stats {
    /// @cond MEMOGRAD_INTERNAL
    static constexpr auto& graph = memograd::detail::graph_of<std::remove_cvref_t<E>>;
    static constexpr auto& plan = detail::plan_of<std::remove_cvref_t<E>>;
    static constexpr std::size_t count(const auto& flags) {
        return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
    }
    /// @endcond
    /// Distinct nodes, leaves included: a leaf or subexpression used twice counts once.
    static constexpr std::size_t nodes = graph.size();
    /// Distinct leaves (samples, parameter blocks, targets).
    static constexpr std::size_t leaves = graph.inputs;
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
    static_assert(detail::leaves_fit_v<E, P, K, 0>,
                  "memograd::nn::evaluate(expr, p, x): a leaf of expr reads past the end of p or x (or the "
                  "expression reads a target_vector, which evaluate has none of): check the leaves' offsets "
                  "and sizes against the arrays.");
    constexpr auto& plan = detail::plan_of<E>;
    std::array<double, plan.values> values{};
    std::array<double, 0> no_adjoints{};
    const std::array<double, 0> no_target{};
    const detail::pass_arrays<P, K, 0, plan.values, 0> arrays{p, x, no_target, values, no_adjoints, nullptr};
    detail::forward_pass<E>(arrays);
    std::array<double, detail::rows_of<E>> out{};
    const double* root = detail::value_of<E, detail::graph_of<E>.size() - 1>(arrays);
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
    static_assert(detail::leaves_fit_v<E, P, K, M>,
                  "memograd::nn::value_and_grad(expr, p, x, y): a leaf of expr reads past the end of p, x or y: "
                  "check the leaves' offsets and sizes against the arrays.");
    constexpr auto& plan = detail::plan_of<E>;
    // Each entry is written before it is read (first uses assign): no zeroing.
    std::array<double, plan.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    constexpr bool tiled = detail::parameters_tile_v<E, P>;
    value_and_gradient<P> out;  // NOLINT(cppcoreguidelines-pro-type-member-init): zeroed below unless tiled
    if constexpr (!tiled) {
        out.grad.fill(0.0);
    }
    const detail::pass_arrays<P, K, M, plan.values, plan.adjoints> arrays{p, x, y, values, adjoints, out.grad.data()};
    detail::forward_pass<E>(arrays);
    detail::backward_pass<E, !tiled>(arrays, 1.0);
    out.value = *detail::value_of<E, detail::graph_of<E>.size() - 1>(arrays);
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
    static_assert(detail::leaves_fit_v<E, P, K, M>,
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
        const detail::pass_arrays<P, K, M, plan.values, plan.adjoints> arrays{p, xs[s], ys[s], values, adjoints,
                                                                               out.grad.data()};
        detail::forward_pass<E>(arrays);
        detail::backward_pass<E, true>(arrays, weight);
        out.value += weight * *detail::value_of<E, detail::graph_of<E>.size() - 1>(arrays);
    }
    return out;
}

}  // namespace memograd::nn
