#pragma once
/// @file
/// @brief The lecture's naive chain rule: dL/dx as a sum over paths, no memoization of the graph.
///
/// Two forms. `path_enumeration_value_and_grad` is the lecture's formula as written: it lists every
/// root-to-leaf path and computes each path's product of local derivatives on its own, from the seed 1.
/// `path_sum_value_and_grad` walks the expression as a tree. Every occurrence of a shared subexpression is evaluated again (at
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

#include <algorithm>
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
    /// Multiplications of a local derivative into a product (the seed 1 included, factors of 1 too), over
    /// every root-to-leaf path: `stats<E>::tree_walk_products` or `stats<E>::enumeration_products`.
    std::uint64_t multiplications;
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
        p.v = op::value(p);
        out.multiplications += arity_of<T>();
        tree_backward(traits::template operand<0>(e), x, data, upstream * derivative_rule<op, 0>()(p), out);
        if constexpr (arity_of<T>() == 2) {
            tree_backward(traits::template operand<1>(e), x, data, upstream * derivative_rule<op, 1>()(p), out);
        }
    }
}

/// Edges on the longest root-to-leaf path below T.
template <class T>
inline constexpr std::size_t tree_depth = [] {
    if constexpr (OperationNode<T>) {
        return []<std::size_t... S>(std::index_sequence<S...>) {
            return std::size_t{1} + std::max({std::size_t{0}, tree_depth<operand_type<T, S>>...});
        }(std::make_index_sequence<arity_of<T>()>{});
    } else {
        return std::size_t{0};
    }
}();

/// Collects the local derivatives along the path down to e in `factors[0, depth)`; at a leaf, multiplies
/// them from the seed 1, the path's product computed on its own.
template <class T, std::size_t D, std::size_t K>
constexpr void enumerate_paths(const T& e, const double* x, const double* data, std::array<double, D>& factors,
                               std::size_t depth, path_sum_result<K>& out) {
    using traits = traits_of<T>;
    if constexpr (OperationNode<T>) {
        using op = typename traits::op;
        rule::point p = tree_operands(e, x, data, out.evaluations);
        p.v = op::value(p);
        factors[depth] = derivative_rule<op, 0>()(p);
        enumerate_paths(traits::template operand<0>(e), x, data, factors, depth + 1, out);
        if constexpr (arity_of<T>() == 2) {
            factors[depth] = derivative_rule<op, 1>()(p);
            enumerate_paths(traits::template operand<1>(e), x, data, factors, depth + 1, out);
        }
    } else {
        double product = 1.0;
        for (std::size_t i = 0; i < depth; ++i) {
            product *= factors[i];
        }
        out.multiplications += depth;
        if constexpr (traits::kind == node_kind::leaf) {  // a constant has no array or offset
            if constexpr (traits::array == 0) {
                out.grad[traits::offset] += product;
                ++out.path_terms;
            }
        }
    }
}

template <bool Enumerate, class E, std::size_t K>
constexpr path_sum_result<K> path_sum(const E& expr, const std::array<double, K>& x, const double* data) {
    path_sum_result<K> out{};
    out.value = tree_value(expr, x.data(), data, out.evaluations);
    if constexpr (Enumerate) {
        std::array<double, std::max(tree_depth<E>, std::size_t{1})> factors{};
        enumerate_paths(expr, x.data(), data, factors, 0, out);
    } else {
        tree_backward(expr, x.data(), data, 1.0, out);
    }
    return out;
}

}  // namespace detail

/// Value and gradient by the path-sum chain rule as a tree walk, without memoization: the running
/// product is passed down, so paths share the multiplications of a common prefix (see the file comment).
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr path_sum_result<K> path_sum_value_and_grad(const E& expr, const std::array<double, K>& x) {
    return detail::path_sum<false>(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves.
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr path_sum_result<K> path_sum_value_and_grad(const E& expr, const std::array<double, K>& x,
                                                     const std::array<double, M>& data) {
    return detail::path_sum<false>(expr, x, data.data());
}

/// Value and gradient by path enumeration: every root-to-leaf path's product of local derivatives is
/// computed on its own, from the seed 1, and the products are summed per variable: the lecture's formula
/// as written. Forward values are evaluated as in `path_sum_value_and_grad`.
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr path_sum_result<K> path_enumeration_value_and_grad(const E& expr, const std::array<double, K>& x) {
    return detail::path_sum<true>(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves.
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr path_sum_result<K> path_enumeration_value_and_grad(const E& expr, const std::array<double, K>& x,
                                                             const std::array<double, M>& data) {
    return detail::path_sum<true>(expr, x, data.data());
}

/// @cond MEMOGRAD_INTERNAL
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void path_sum_value_and_grad(const E&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void path_enumeration_value_and_grad(const E&, const std::array<double, K>&) = delete;
/// @endcond

}  // namespace memograd
