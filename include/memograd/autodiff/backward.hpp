#pragma once
/// @file
/// @brief `value_and_grad`: the memoized forward pass and the generated reverse (backward) pass.
///
/// For expression type E the compiler knows the graph (graph.hpp). The forward pass is one statement per
/// distinct node, children first; each value is stored once and read by every parent. The backward pass
/// walks the same nodes root-first: a node's adjoint (dL/dnode) is complete when it is reached, because
/// all its parents come later in topological order, and it is then pushed to each child once per edge.
/// Both passes are unrolled at compile time into straight-line code over two fixed arrays: no tape, no
/// virtual calls, no heap.

#include "expression.hpp"
#include "graph.hpp"
#include "ops.hpp"
#include "static_for.hpp"

#include <array>
#include <cstddef>
#include <type_traits>

namespace memograd {

/// The result of `value_and_grad`: the expression's value and its gradient, `grad[i]` = d expr / d x[i].
template <std::size_t K>
struct value_and_gradient {
    double value;
    std::array<double, K> grad;
};

namespace detail {

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

template <class E, std::size_t K, std::size_t N>
constexpr void forward_pass(const E& root, const std::array<double, K>& x, std::array<double, N>& value) {
    constexpr auto& g = graph_of<E>;
    static_for<0, N>([&]<std::size_t I>() {
        constexpr graph_node node = g.nodes[I];
        using T = std::remove_cvref_t<decltype(node_at<E, I>(root))>;
        if constexpr (node.shape == node_shape::input) {
            value[I] = x[node.input_index];
        } else if constexpr (node.shape == node_shape::unary) {
            value[I] = T::op::value(value[node.child[0]]);
        } else if constexpr (node.shape == node_shape::binary) {
            value[I] = T::op::value(value[node.child[0]], value[node.child[1]]);
        } else {
            value[I] = T::op::apply(value[node.child[0]], node_at<E, I>(root).scalar);
        }
    });
}

template <class E, std::size_t K, std::size_t N>
constexpr void backward_pass(const E& root, const std::array<double, N>& value, std::array<double, N>& adjoint,
                             std::array<double, K>& grad) {
    constexpr auto& g = graph_of<E>;
    adjoint[N - 1] = 1.0;
    static_for_reverse<0, N>([&]<std::size_t I>() {
        constexpr graph_node node = g.nodes[I];
        using T = std::remove_cvref_t<decltype(node_at<E, I>(root))>;
        const double up = adjoint[I];
        if constexpr (node.shape == node_shape::input) {
            grad[node.input_index] += up;
        } else if constexpr (node.shape == node_shape::unary) {
            adjoint[node.child[0]] += up * T::op::derivative(value[node.child[0]], value[I]);
        } else if constexpr (node.shape == node_shape::binary) {
            const double a = value[node.child[0]];
            const double b = value[node.child[1]];
            adjoint[node.child[0]] += up * T::op::derivative_left(a, b, value[I]);
            adjoint[node.child[1]] += up * T::op::derivative_right(a, b, value[I]);
        } else {
            adjoint[node.child[0]] +=
                up * T::op::derivative(value[node.child[0]], node_at<E, I>(root).scalar, value[I]);
        }
    });
}

}  // namespace detail
}  // namespace memograd
