#pragma once
/// @file
/// @brief `value_and_grad(expr, x)`: value and gradient by the compiler-generated memoized backward pass.

#include "backward.hpp"
#include "expression.hpp"
#include "graph.hpp"
#include "path_sum.hpp"

#include <array>
#include <type_traits>
#include <cstddef>

namespace memograd {

/// The value of `expr` at `x` and its gradient, `grad[i]` = d expr / d x[i]; usable in constant expressions.
///
/// Each distinct subexpression is evaluated once (forward) and each adjoint computed once (backward).
/// When the expression holds run-time scalars and two subexpressions of equal type hold different ones
/// (`(x + 1.0) * (x + 2.0)`), merging them would be wrong: that is detected first (a few comparisons)
/// and the expression is then evaluated as a tree, by the path sum.
/// @snippet tests/autodiff_static.cpp value_and_grad
template <Expression E, std::size_t K>
constexpr value_and_gradient<K> value_and_grad(const E& expr, const std::array<double, K>& x) {
    using graph_t = std::remove_cvref_t<decltype(detail::graph_of<E>)>;
    static_assert(detail::graph_of<E>.input_extent <= K,
                  "memograd::value_and_grad: the expression uses var<I> with I >= x.size(). Pass an array with "
                  "one entry per input var (the largest I plus one).");
    if constexpr (detail::graph_of<E>.input_extent <= K) {
        if (!detail::occurrences_agree(expr)) {
            const auto tree = path_sum_value_and_grad(expr, x);
            return {tree.value, tree.grad};
        }
        // Written before read, statement by statement: no zeroing needed (first uses assign), and zeroing
        // ~1000 doubles per call would be measurable in the benchmark.
        std::array<double, graph_t::size()> value;    // NOLINT(cppcoreguidelines-pro-type-member-init)
        std::array<double, graph_t::size()> adjoint;  // NOLINT(cppcoreguidelines-pro-type-member-init)
        value_and_gradient<K> out{0.0, {}};
        const auto scalars = detail::gather_scalars(expr);
        detail::forward_pass<E>(x, scalars, value);
        detail::backward_pass<E>(value, x, scalars, adjoint, out.grad);
        constexpr auto& root = detail::graph_of<E>.nodes[graph_t::size() - 1];
        out.value = root.shape == detail::node_shape::input ? x[root.input_index] : value[graph_t::size() - 1];
        return out;
    } else {
        return {};
    }
}

/// @cond MEMOGRAD_INTERNAL
// Misuse: a first argument that is not an expression, or inputs that are not a std::array<double, K>.
template <class E, class X>
    requires(!Expression<E> || !detail::is_double_array<std::remove_cvref_t<X>>)
constexpr auto value_and_grad(const E&, const X&) {
    static_assert(Expression<E>, "memograd::value_and_grad(expr, x): expr is not a memograd expression. Build it "
                                 "from memograd::var<I>{}, operators and functions (e.g. var<0>{} * var<1>{}).");
    static_assert(detail::is_double_array<std::remove_cvref_t<X>>,
                  "memograd::value_and_grad(expr, x): x must be a std::array<double, K> holding one value per input "
                  "var (e.g. std::array{1.0, 2.0}).");
    return value_and_gradient<1>{};
}
/// @endcond

/// What the compiler found in expression type E: the lecture's counts, as constants.
template <Expression E>
struct stats {
    /// @cond MEMOGRAD_INTERNAL
    static constexpr auto& graph = detail::graph_of<std::remove_cvref_t<E>>;
    /// @endcond
    /// Distinct nodes (inputs included): shared subexpressions count once.
    static constexpr std::size_t nodes = graph.size();
    /// Distinct inputs (`var<I>` leaves).
    static constexpr std::size_t inputs = graph.inputs;
    /// Operand slots over all nodes.
    static constexpr std::size_t edges = graph.edges;
    /// Operations of the memoized forward pass: one per non-input node.
    static constexpr std::size_t forward_ops = nodes - inputs;
    /// Local-derivative multiply-adds of the memoized backward pass: one per edge.
    static constexpr std::size_t backward_ops = edges;
    /// Nodes of the expression written out as a tree: what evaluation without memoization visits.
    static constexpr double tree_nodes = graph.tree_size;
    /// Products in the naive chain rule: one per root-to-input path.
    static constexpr double path_terms = graph.path_terms;
};

}  // namespace memograd
