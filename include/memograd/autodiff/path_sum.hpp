#pragma once
/// @file
/// @brief The lecture's naive chain rule: dL/dx as a sum over paths, no memoization of the graph.
///
/// Walks the expression as a tree. Every occurrence of a shared subexpression is evaluated again (at
/// each level of the walk, as the recursion reaches it), and the product of local derivatives is carried
/// down every root-to-variable path, each path adding its own term:
/// dL/dw11 = (dL/dy)(dy/dO1)(dO1/dw11) + (dL/dy)(dy/dO2)(dO2/dw11) + ...  The running product is passed
/// down, so paths that share a prefix share its multiplications; what is never reused is any node's value
/// or adjoint. Its cost grows with the number of paths, exponentially in depth for dense networks;
/// `value_and_grad` gets the same numbers in time linear in the graph's size. It reads each operation's
/// rules through the same node protocol, so it checks memoization, not the rules.

#include "expression.hpp"
#include "graph.hpp"
#include "misuse.hpp"
#include "ops.hpp"
#include "rule.hpp"

#include <array>
#include <cstddef>
#include <cstdint>

namespace memograd {

/// `value_and_gradient` plus the work the path sum did.
template <std::size_t K>
struct path_sum_result {
    double value;                ///< the expression's value
    std::array<double, K> grad;  ///< `grad[i]` = d expr / d `x[i]`
    std::uint64_t path_terms;    ///< products summed: one per root-to-variable path
    std::uint64_t evaluations;   ///< node evaluations, repeated ones included
};

namespace detail {

template <class T>
constexpr double tree_value(const T& e, const double* x, const double* data, std::uint64_t& evaluations);

template <class T>
constexpr rule::point tree_operands(const T& e, const double* x, const double* data, std::uint64_t& evaluations) {
    using traits = traits_of<T>;
    rule::point p;
    p.a = tree_value(traits::template operand<0>(e), x, data, evaluations);
    if constexpr (arity_of<T>() == 2) {
        p.b = tree_value(traits::template operand<1>(e), x, data, evaluations);
    }
    if constexpr (ScalarOperationNode<T>) {
        p.c = traits::scalar(e);
    }
    return p;
}

template <class T>
constexpr double tree_value(const T& e, const double* x, const double* data, std::uint64_t& evaluations) {
    using traits = traits_of<T>;
    ++evaluations;
    if constexpr (traits::kind == node_kind::leaf) {
        return (traits::array == 0 ? x : data)[traits::offset];
    } else if constexpr (traits::kind == node_kind::constant) {
        return traits::value;
    } else {
        return traits::op::value(tree_operands(e, x, data, evaluations));
    }
}

/// Pushes `upstream` (the product of local derivatives from the root down to e) along every path below e.
template <class T, std::size_t K>
constexpr void tree_backward(const T& e, const double* x, const double* data, double upstream,
                             path_sum_result<K>& out) {
    using traits = traits_of<T>;
    if constexpr (traits::kind == node_kind::leaf) {
        if constexpr (traits::array == 0) {
            out.grad[traits::offset] += upstream;
            ++out.path_terms;
        }
    } else if constexpr (traits::kind != node_kind::constant) {
        using op = typename traits::op;
        rule::point p = tree_operands(e, x, data, out.evaluations);
        p.y = op::value(p);
        tree_backward(traits::template operand<0>(e), x, data, upstream * derivative_rule<op, 0>()(p), out);
        if constexpr (arity_of<T>() == 2) {
            tree_backward(traits::template operand<1>(e), x, data, upstream * derivative_rule<op, 1>()(p), out);
        }
    }
}

template <class E, std::size_t K>
constexpr path_sum_result<K> path_sum(const E& expr, const std::array<double, K>& x, const double* data) {
    path_sum_result<K> out{};
    out.value = tree_value(expr, x.data(), data, out.evaluations);
    tree_backward(expr, x.data(), data, 1.0, out);
    return out;
}

}  // namespace detail

/// Value and gradient by the path-sum chain rule, without memoization (see the file comment).
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr path_sum_result<K> path_sum_value_and_grad(const E& expr, const std::array<double, K>& x) {
    return detail::path_sum(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves.
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr path_sum_result<K> path_sum_value_and_grad(const E& expr, const std::array<double, K>& x,
                                                     const std::array<double, M>& data) {
    return detail::path_sum(expr, x, data.data());
}

/// @cond MEMOGRAD_INTERNAL
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void path_sum_value_and_grad(const E&, const std::array<double, K>&) = delete;
/// @endcond

}  // namespace memograd
