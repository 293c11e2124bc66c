#pragma once
/// @file
/// @brief Scalar expression nodes: the type of an expression *is* its computation graph.
///
/// Leaves: `var<I>` (the I-th differentiated input), `data<J>` (the J-th entry of a data array: targets,
/// samples, coefficients that are not differentiated) and `constant<V>` (a number in the type). Operations:
/// `unary<Op, A>`, `binary<Op, L, R>`, and `with_scalar<Op, A>`, an operation with a run-time `double`
/// (`x + 1.0`). `Op` is an operation tag from ops.hpp, where each operation's value rule sits next to its
/// derivative rule.
///
/// Equal types are equal nodes — except below a run-time double: `with_scalar` nodes, and every node
/// above one, are evaluated once per occurrence in the object, since two objects of one such type may
/// hold different numbers. Everything else is shared by type.

#include "../config.hpp"
#include "node.hpp"
#include "node_record.hpp"

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

namespace memograd {

/// The I-th differentiated input: `x[I]` in `value_and_grad(expr, x)`. Empty; a leaf of the graph.
template <std::size_t I>
struct var {};

/// The J-th entry of the data array: `data[J]` in `value_and_grad(expr, x, data)`. Read like an input,
/// shared like an input, never differentiated: targets, samples, coefficients known only at run time.
template <std::size_t J>
struct data {};

/// The number V, held in the type: `constant<0.5>{}`. Two constants of one value are one node, so
/// `tanh(x * constant<0.5>{})` written twice is one node too. (A run-time `0.5` is not: see the file comment.)
template <double V>
struct constant {
    static constexpr double value = V;  ///< the number
};

/// @cond MEMOGRAD_INTERNAL
/// The node `Op(arg)`, its operand named by reference (`detail::operand_ref`); spelled `unary<Op, A>`. The
/// operand is read through the node protocol (`node_traits::operand<0>`) and stored only if it holds
/// run-time numbers (`detail::operand_slot`), so a node over empty operands is empty at any depth.
template <class Op, class ARef>
struct unary_node : detail::operand_slot<0, typename ARef::node> {};

/// The node `Op(left, right)`, its operands named and stored as `unary_node`'s; spelled `binary<Op, L, R>`.
template <class Op, class LRef, class RRef>
struct binary_node : detail::operand_slot<0, typename LRef::node>, detail::operand_slot<1, typename RRef::node> {};

/// The node `Op(arg, scalar)` with a run-time double, e.g. `arg + scalar`, `scalar / arg`; spelled
/// `with_scalar<Op, A>`.
template <class Op, class ARef>
struct with_scalar_node : detail::operand_slot<0, typename ARef::node> {
    double scalar;  ///< the run-time number
};

/// @endcond
/// `Op(arg)`: the type of `tanh(arg)` and the other functions of ops.hpp.
template <class Op, class A>
using unary = unary_node<Op, detail::operand_ref<A>>;
/// `Op(left, right)`: the type of `left + right` and the other binary operators.
template <class Op, class L, class R>
using binary = binary_node<Op, detail::operand_ref<L>, detail::operand_ref<R>>;
/// `Op(arg, scalar)`: the type of `arg + 1.0` and the other operators with a number.
template <class Op, class A>
using with_scalar = with_scalar_node<Op, detail::operand_ref<A>>;

// ---- the protocol entries (node.hpp) -------------------------------------------------------------------
/// @cond MEMOGRAD_INTERNAL
namespace detail {
struct scalar_leaf_traits {
    static constexpr node_kind kind = node_kind::leaf;
    static constexpr node_family family = node_family::scalar;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};
/// What every scalar operation of one kind declares alike, in a shared base (see operand_count).
template <node_kind Kind>
struct scalar_operation_traits {
    static constexpr node_kind kind = Kind;
    static constexpr node_family family = node_family::scalar;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};
}  // namespace detail

template <std::size_t I>
struct node_traits<var<I>> : detail::scalar_leaf_traits {
    static constexpr std::size_t array = 0;
    static constexpr std::size_t offset = I;
};
template <std::size_t J>
struct node_traits<data<J>> : detail::scalar_leaf_traits {
    static constexpr std::size_t array = 1;
    static constexpr std::size_t offset = J;
};
template <double V>
struct node_traits<constant<V>> {
    static constexpr node_kind kind = node_kind::constant;
    static constexpr node_family family = node_family::scalar;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
    static constexpr double value = V;
};
template <class Op, class ARef>
struct node_traits<unary_node<Op, ARef>> : detail::scalar_operation_traits<node_kind::operation> {
    using op = Op;
    using operands = operand_list<typename ARef::node>;
    template <std::size_t S>
    static constexpr decltype(auto) operand(const unary_node<Op, ARef>& node) {
        return detail::read_operand<S>(node);
    }
};
template <class Op, class LRef, class RRef>
struct node_traits<binary_node<Op, LRef, RRef>> : detail::scalar_operation_traits<node_kind::operation> {
    using op = Op;
    using operands = operand_list<typename LRef::node, typename RRef::node>;
    template <std::size_t S>
    static constexpr decltype(auto) operand(const binary_node<Op, LRef, RRef>& node) {
        return detail::read_operand<S>(node);
    }
};
template <class Op, class ARef>
struct node_traits<with_scalar_node<Op, ARef>> : detail::scalar_operation_traits<node_kind::scalar_operation> {
    using op = Op;
    using operands = operand_list<typename ARef::node>;
    template <std::size_t S>
    static constexpr decltype(auto) operand(const with_scalar_node<Op, ARef>& node) {
        return detail::read_operand<S>(node);
    }
    static constexpr double scalar(const with_scalar_node<Op, ARef>& node) { return node.scalar; }
};
/// @endcond

namespace detail {
template <class T>
inline constexpr bool is_double_array = false;
template <std::size_t K>
inline constexpr bool is_double_array<std::array<double, K>> = true;
}  // namespace detail

/// A memograd scalar expression: a leaf, a constant, or an operation node over expressions.
template <class T>
concept Expression = Node<T> && node_traits<std::remove_cvref_t<T>>::family == node_family::scalar;

/// Something that may stand on the other side of an expression in `+ - * /`: a `double` (or any
/// arithmetic value, converted to double), held in the object as a run-time number.
template <class T>
concept Scalar = !Node<T> && std::is_arithmetic_v<std::remove_cvref_t<T>>;  // a node is never asked further

}  // namespace memograd
