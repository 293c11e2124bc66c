#pragma once
/// @file
/// @brief Expression nodes: the type of an expression *is* its computation graph.
///
/// Four node shapes carry every operation: `var<I>` (the I-th input), `unary<Op, A>`, `binary<Op, L, R>`
/// and `with_scalar<Op, A>` (an operation with a run-time `double`, such as `x + 1.0`). `Op` is an
/// operation tag from ops.hpp, where each operation's value rule sits next to its derivative rule.

#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

namespace memograd {

/// The I-th input of an expression: `x[I]` in `value_and_grad(expr, x)`. Empty; a leaf of the graph.
template <std::size_t I>
struct var {
    static constexpr std::size_t index = I;  ///< which input
};

/// `Op(arg)`.
template <class Op, class A>
struct unary {
    using op = Op;  ///< the operation tag (ops.hpp)
    A arg;          ///< the operand
};

/// `Op(left, right)`.
template <class Op, class L, class R>
struct binary {
    using op = Op;  ///< the operation tag (ops.hpp)
    L left;         ///< the left operand
    R right;        ///< the right operand
};

/// `Op(arg, scalar)` with a run-time constant, e.g. `arg + scalar`, `scalar / arg`.
template <class Op, class A>
struct with_scalar {
    using op = Op;  ///< the operation tag (ops.hpp)
    A arg;          ///< the expression operand
    double scalar;  ///< the run-time constant
};

namespace detail {
template <class T>
inline constexpr bool is_double_array = false;
template <std::size_t K>
inline constexpr bool is_double_array<std::array<double, K>> = true;

template <class T>
inline constexpr bool is_expression_node = false;
template <std::size_t I>
inline constexpr bool is_expression_node<var<I>> = true;
template <class Op, class A>
inline constexpr bool is_expression_node<unary<Op, A>> = true;
template <class Op, class L, class R>
inline constexpr bool is_expression_node<binary<Op, L, R>> = true;
template <class Op, class A>
inline constexpr bool is_expression_node<with_scalar<Op, A>> = true;
}  // namespace detail

/// A memograd expression: a var, or an operation node over expressions.
template <class T>
concept Expression = detail::is_expression_node<std::remove_cvref_t<T>>;

/// Something that may stand on the other side of an expression in `+ - * /`: a `double` (or any
/// arithmetic value, converted to double).
template <class T>
concept Scalar = std::is_arithmetic_v<std::remove_cvref_t<T>>;

}  // namespace memograd
