#pragma once
/// @file
/// @brief The lecture's naive chain rule: dL/dx as a sum over every path, nothing memoized.
///
/// Walks the expression as a tree. Every occurrence of a shared subexpression is evaluated again, and
/// every root-to-input path contributes its own product of local derivatives:
/// dL/dw11 = (dL/dy)(dy/dO1)(dO1/dw11) + (dL/dy)(dy/dO2)(dO2/dw11) + ...  Its cost grows with the number
/// of paths, exponentially in depth for dense networks; `value_and_grad` gets the same numbers in time
/// linear in the graph's size. Also the fallback when run-time scalars forbid merging equal types.

#include "backward.hpp"
#include "expression.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace memograd {

/// `value_and_gradient` plus the work the path sum did.
template <std::size_t K>
struct path_sum_result {
    double value;                ///< the expression's value
    std::array<double, K> grad;  ///< `grad[i]` = d expr / d `x[i]`
    std::uint64_t path_terms;    ///< products summed: one per root-to-input path
    std::uint64_t evaluations;   ///< node evaluations, repeated ones included
};

namespace detail {

template <class T, std::size_t K>
constexpr double tree_value(const T& e, const std::array<double, K>& x, std::uint64_t& evaluations) {
    ++evaluations;
    if constexpr (requires { T::index; }) {
        return x[T::index];
    } else if constexpr (requires { e.left; }) {
        return T::op::value(tree_value(e.left, x, evaluations), tree_value(e.right, x, evaluations));
    } else if constexpr (requires { e.scalar; }) {
        return T::op::apply(tree_value(e.arg, x, evaluations), e.scalar);
    } else {
        return T::op::value(tree_value(e.arg, x, evaluations));
    }
}

/// Pushes `upstream` (the product of local derivatives from the root down to e) along every path below e.
template <class T, std::size_t K>
constexpr void tree_backward(const T& e, const std::array<double, K>& x, double upstream,
                             path_sum_result<K>& out) {
    if constexpr (requires { T::index; }) {
        out.grad[T::index] += upstream;
        ++out.path_terms;
    } else if constexpr (requires { e.left; }) {
        const double a = tree_value(e.left, x, out.evaluations);
        const double b = tree_value(e.right, x, out.evaluations);
        const double y = T::op::value(a, b);
        tree_backward(e.left, x, upstream * T::op::derivative_left(a, b, y), out);
        tree_backward(e.right, x, upstream * T::op::derivative_right(a, b, y), out);
    } else if constexpr (requires { e.scalar; }) {
        const double a = tree_value(e.arg, x, out.evaluations);
        const double y = T::op::apply(a, e.scalar);
        tree_backward(e.arg, x, upstream * T::op::derivative(a, e.scalar, y), out);
    } else {
        const double a = tree_value(e.arg, x, out.evaluations);
        tree_backward(e.arg, x, upstream * T::op::derivative(a, T::op::value(a)), out);
    }
}

}  // namespace detail

/// Value and gradient by the path-sum chain rule, without memoization (see the file comment).
template <Expression E, std::size_t K>
constexpr path_sum_result<K> path_sum_value_and_grad(const E& expr, const std::array<double, K>& x) {
    static_assert(detail::graph_of<E>.input_extent <= K,
                  "memograd::path_sum_value_and_grad: the expression uses var<I> with I >= x.size(). Pass an "
                  "array with one entry per input var.");
    path_sum_result<K> out{};
    out.value = detail::tree_value(expr, x, out.evaluations);
    detail::tree_backward(expr, x, 1.0, out);
    return out;
}

}  // namespace memograd
