#pragma once
/// @file
/// @brief The memoized forward pass and the generated reverse (backward) pass.
///
/// For expression type E the compiler knows the graph (graph.hpp). The forward pass is one statement per
/// distinct node, children first; each value is stored once and read by every parent. The backward pass
/// walks the same nodes root-first: a node's adjoint (dL/dnode) is complete when it is reached, because
/// all its parents come later in topological order, and it is then pushed to each child once per edge.
///
/// Both passes are fold expressions over the node indices, so each is straight-line code over fixed
/// arrays: no tape, no virtual calls, no heap. Every statement's operation and array indices are
/// constants; the only templates instantiated per statement are the few per *operation*
/// (`apply<op_code, N>`), never per node, which keeps the compiler's back end linear in the graph size.

#include "expression.hpp"
#include "graph.hpp"
#include "ops.hpp"
#include "static_for.hpp"

#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace memograd {

/// The result of `value_and_grad`: the expression's value and its gradient, `grad[i]` = d expr / d x[i].
template <std::size_t K>
struct value_and_gradient {
    double value;                ///< the expression's value
    std::array<double, K> grad;  ///< `grad[i]` = d expr / d `x[i]`
};

namespace detail {

// ---- reaching a node's object (needed only for run-time scalars) ----------------------------------------
template <std::size_t Slot, class T>
constexpr const auto& child(const T& node) {
    if constexpr (requires { node.left; }) {
        if constexpr (Slot == 0) {
            return node.left;
        } else {
            return node.right;
        }
    } else {
        return node.arg;
    }
}

/// The object of node I inside the root expression, reached along the edges the analysis walked first.
template <class E, std::size_t I>
constexpr const auto& node_at(const E& root) {
    constexpr auto& g = graph_of<E>;
    if constexpr (I == g.size() - 1) {
        return root;
    } else {
        constexpr graph_node node = g.nodes[I];
        return child<node.slot>(node_at<E, node.parent>(root));
    }
}

/// Do two objects of the same expression type hold the same run-time scalars?
template <class T>
constexpr bool same_scalars(const T& a, const T& b) {
    if constexpr (!node_info<T>::scalar_below) {
        return true;
    } else if constexpr (requires { a.left; }) {
        return same_scalars(a.left, b.left) && same_scalars(a.right, b.right);
    } else if constexpr (requires { a.scalar; }) {
        return a.scalar == b.scalar && same_scalars(a.arg, b.arg);
    } else {
        return same_scalars(a.arg, b.arg);
    }
}

/// True when every occurrence of each node type carries the same scalars as the occurrence the analysis
/// took as the node's representative. It checks each edge into a scalar-holding node against that
/// representative; by induction from the (unique) root, every occurrence then matches. Only then may
/// equal types be one node: `(x + 1.0) * (x + 2.0)` has two `x + c` of one type and different c.
template <class E>
constexpr bool occurrences_agree(const E& root) {
    constexpr auto& g = graph_of<E>;
    if constexpr (g.scalar_nodes == 0) {
        return true;
    } else {
        bool agree = true;
        static_for<0, g.size()>([&]<std::size_t P>() {
            constexpr graph_node parent = g.nodes[P];
            [&]<std::size_t... S>(std::index_sequence<S...>) {
                ([&] {
                    constexpr std::size_t c = parent.child[S];
                    if constexpr (g.nodes[c].scalar_below && !(g.nodes[c].parent == P && g.nodes[c].slot == S)) {
                        agree = agree && same_scalars(child<S>(node_at<E, P>(root)), node_at<E, c>(root));
                    }
                }(), ...);
            }(std::make_index_sequence<parent.arity>{});
        });
        return agree;
    }
}

/// The run-time scalars of all scalar nodes, in scalar_slot order.
template <class E>
constexpr auto gather_scalars(const E& root) {
    constexpr auto& g = graph_of<E>;
    std::array<double, g.scalar_nodes> scalars{};
    if constexpr (g.scalar_nodes > 0) {
        static_for<0, g.size()>([&]<std::size_t I>() {
            if constexpr (g.nodes[I].shape == node_shape::scalar) {
                scalars[g.nodes[I].scalar_slot] = node_at<E, I>(root).scalar;
            }
        });
    }
    return scalars;
}

// ---- one operation, by code: the statements of the generated passes call only these ---------------------
template <class op>
[[gnu::always_inline]] constexpr double apply_op(double a, double b, double c) {
    if constexpr (requires { op::apply(a, c); }) {
        return op::apply(a, c);
    } else if constexpr (requires { op::value(a, b); }) {
        return op::value(a, b);
    } else {
        return op::value(a);
    }
}

/// Node value from operands a, b and scalar c; an input node passes its x value as a.
template <op_code C, int N>
[[gnu::always_inline]] constexpr double apply(double a, double b, double c) {
    if constexpr (C == op_code::input) {
        return a;
    } else {
        return apply_op<typename ops::by_code<C, N>::type>(a, b, c);
    }
}

/// d node / d operand `Slot`, from the operands a, b, the scalar c and the node's own value y.
template <op_code C, int N, std::size_t Slot>
[[gnu::always_inline]] constexpr double local_derivative(double a, double b, double c, double y) {
    using op = typename ops::by_code<C, N>::type;
    if constexpr (requires { op::apply(a, c); }) {
        return op::derivative(a, c, y);
    } else if constexpr (requires { op::value(a, b); }) {
        if constexpr (Slot == 0) {
            return op::derivative_left(a, b, y);
        } else {
            return op::derivative_right(a, b, y);
        }
    } else {
        return op::derivative(a, y);
    }
}

template <class E>
inline constexpr auto& nodes_of = graph_of<E>.nodes;

/// A compile-time value as a constant the optimizer cannot miss (a template argument, not a load from
/// the graph table).
template <auto V>
inline constexpr auto constant = V;

/// Stores node I's value; inputs are not copied: their users read x directly.
template <op_code C, int N>
[[gnu::always_inline]] constexpr void forward_step(double& out, double a, double b, double c) {
    if constexpr (C != op_code::input) {
        out = apply<C, N>(a, b, c);
    }
}

// Operand access inside the generated statements: an input's value is x[i] and its adjoint is grad[i].
// Node 0 is always an input (the walk's first leaf), so the unused operand slot of a unary node (child
// index 0) reads an initialized value.
/// @cond MEMOGRAD_INTERNAL
#define MEMOGRAD_VALUE(node) \
    (constant<n[node].shape == node_shape::input> ? x[constant<n[node].input_index>] : v[constant<node>])
#define MEMOGRAD_ADJOINT(node)                                                             \
    (*(constant<n[node].shape == node_shape::input> ? &grad[constant<n[node].input_index>] \
                                                      : &adjoint[constant<node>]))
#define MEMOGRAD_SCALAR(node) \
    (constant<n[node].shape == node_shape::scalar> ? scalars[constant<n[node].scalar_slot>] : 0.0)
/// @endcond

template <class E, std::size_t N, std::size_t K, std::size_t S, std::size_t... I>
MEMOGRAD_DETAIL_INLINE_PASS constexpr void forward_block(std::array<double, N>& v, const std::array<double, K>& x,
                             const std::array<double, S>& scalars, std::index_sequence<I...>) {
    constexpr auto& n = nodes_of<E>;
    (forward_step<n[I].code, n[I].exponent>(
         v[I], MEMOGRAD_VALUE(n[I].child[0]), MEMOGRAD_VALUE(n[I].child[1]),
         MEMOGRAD_SCALAR(I)),
     ...);
}

/// Pushes node I's adjoint to its operands. The first use of an operand assigns its adjoint, later uses
/// add to it; an input's adjoint is its gradient entry.
template <op_code C, int N, std::size_t Arity, bool AssignA, bool AssignB>
[[gnu::always_inline]] constexpr void backward_step(double up, double y, double a, double b, double c,
                                                   double& adjoint_a, double& adjoint_b) {
    if constexpr (C != op_code::input) {
        const double to_a = up * local_derivative<C, N, 0>(a, b, c, y);
        if constexpr (AssignA) {
            adjoint_a = to_a;
        } else {
            adjoint_a += to_a;
        }
        if constexpr (Arity == 2) {
            const double to_b = up * local_derivative<C, N, 1>(a, b, c, y);
            if constexpr (AssignB) {
                adjoint_b = to_b;
            } else {
                adjoint_b += to_b;
            }
        }
    }
}

template <class E, std::size_t N, std::size_t K, std::size_t S, std::size_t... I>
MEMOGRAD_DETAIL_INLINE_PASS constexpr void backward_block(const std::array<double, N>& v, const std::array<double, K>& x,
                              std::array<double, N>& adjoint, std::array<double, K>& grad,
                              const std::array<double, S>& scalars, std::index_sequence<I...>) {
    constexpr auto& n = nodes_of<E>;
    // I runs from the root down: node I is processed after every node that uses it.
    (backward_step<n[I].code, n[I].exponent, n[I].arity, n[I].first_use[0], n[I].first_use[1]>(
         MEMOGRAD_ADJOINT(I), MEMOGRAD_VALUE(I), MEMOGRAD_VALUE(n[I].child[0]), MEMOGRAD_VALUE(n[I].child[1]),
         MEMOGRAD_SCALAR(I), MEMOGRAD_ADJOINT(n[I].child[0]), MEMOGRAD_ADJOINT(n[I].child[1])),
     ...);
}

#undef MEMOGRAD_VALUE
#undef MEMOGRAD_ADJOINT
#undef MEMOGRAD_SCALAR

template <class E, std::size_t K, std::size_t N, std::size_t S>
MEMOGRAD_DETAIL_INLINE_PASS constexpr void forward_pass(const std::array<double, K>& x, const std::array<double, S>& scalars,
                            std::array<double, N>& value) {
    for_each_block<N>([&](auto indices) MEMOGRAD_DETAIL_INLINE_LAMBDA { forward_block<E>(value, x, scalars, indices); });
}

template <class E, std::size_t K, std::size_t N, std::size_t S>
MEMOGRAD_DETAIL_INLINE_PASS constexpr void backward_pass(const std::array<double, N>& value, const std::array<double, K>& x,
                             const std::array<double, S>& scalars, std::array<double, N>& adjoint,
                             std::array<double, K>& grad) {
    constexpr graph_node root = graph_of<E>.nodes[N - 1];
    if constexpr (root.shape == node_shape::input) {
        grad[root.input_index] = 1.0;  // the expression is a lone var
    } else {
        adjoint[N - 1] = 1.0;
    }
    // Root first: node I is processed after every node that uses it.
    for_each_block<N, true>([&](auto indices) MEMOGRAD_DETAIL_INLINE_LAMBDA {
        backward_block<E>(value, x, adjoint, grad, scalars, indices); });
}

}  // namespace detail
}  // namespace memograd
