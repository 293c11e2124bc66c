#pragma once
/// @file
/// @brief Showing what the compiler generated for a layer graph: the passes as code, the graph as DOT.
///
/// The scalar engine's printer (autodiff/print.hpp) with the layer graph's leaf names: `x` (the sample),
/// `y` (the target), `W0`, `W1`, ... (weight matrices) and `b0`, `b1`, ... (vectors of parameters),
/// numbered in parameter order; each operation's value is annotated with its shape.

#include "../autodiff/graph.hpp"
#include "../autodiff/print.hpp"
#include "layer_graph.hpp"
#include "layer_passes.hpp"
#include "misuse.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <type_traits>
#include <vector>

namespace memograd::nn {
namespace detail {

inline std::string shape_text(std::size_t rows, std::size_t cols) {
    return cols == 1 ? "[" + std::to_string(rows) + "]"
                     : "[" + std::to_string(rows) + "×" + std::to_string(cols) + "]";
}

/// Names of the leaves of layer graph E: x, y, W0.., b0.. (parameter blocks numbered by offset).
template <class E>
memograd::detail::leaf_spelling layer_leaf_names(bool shapes_on_leaves) {
    constexpr auto& g = graph_of<E>;
    std::vector<std::size_t> matrices;
    std::vector<std::size_t> vectors;
    for (const auto& node : g.nodes) {
        if (node.kind == node_kind::leaf && node.array == 0) {
            (node.cols > 1 ? matrices : vectors).push_back(node.offset);
        }
    }
    const auto rank = [](const std::vector<std::size_t>& offsets, std::size_t offset) {
        return std::to_string(std::count_if(offsets.begin(), offsets.end(), [&](std::size_t o) { return o < offset; }));
    };
    memograd::detail::leaf_spelling s;
    s.value = [=](std::size_t i) {
        const auto& node = g.nodes[i];
        return node.array == 1   ? std::string("x")
               : node.array == 2 ? std::string("y")
               : node.cols > 1   ? "W" + rank(matrices, node.offset)
                                 : "b" + rank(vectors, node.offset);
    };
    s.gradient = [value = s.value](std::size_t i) { return "grad[" + value(i) + "]"; };
    s.note = [shapes_on_leaves](std::size_t i) {
        const auto& node = g.nodes[i];
        return node.kind == node_kind::leaf && !shapes_on_leaves ? std::string() : shape_text(node.rows, node.cols);
    };
    return s;
}

}  // namespace detail

/// The forward and backward passes the compiler generates for layer graph `expr`, as straight-line code.
///
/// `vK` is node K's value, `dK` its adjoint; a parameter block's adjoint is its slice of the gradient,
/// `grad[W0]`. The listing shows what the storage plan saved: adjoints passed through unchanged are not
/// copied, and nodes with no parameter below them get no backward statement.
/// Constrained as `value_and_grad` is in what its backward pass needs: every operand a parameter reaches is
/// differentiated; misuse selects a deleted overload whose `Problem` names it.
/// @snippet examples/layer_graph.cpp generated code
template <LayerExpression E>
    requires detail::parameters_reach_only_differentiated_operands<std::remove_cvref_t<E>>
std::string layer_code(const E& expr) {
    using T = std::remove_cvref_t<E>;
    return memograd::detail::program_printer::print(expr, detail::layer_leaf_names<T>(false),
                                                    memograd::detail::program_style::listing);
}

/// The analysed layer graph as Graphviz DOT: operations as boxes with their value's shape, the sample and
/// target as ellipses, parameters as shaded ellipses; a node used more than once is filled.
template <LayerExpression E>
std::string layer_graphviz(const E&) {
    using T = std::remove_cvref_t<E>;
    return memograd::detail::dot_text<T>(detail::layer_leaf_names<T>(true), false);
}

/// @cond MEMOGRAD_INTERNAL
template <class E, class Problem = misuse::first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators>
    requires(!LayerExpression<E>)
void layer_code(const E&) = delete;
template <LayerExpression E, class Problem = misuse::a_parameter_reaches_an_operand_that_is_not_differentiated_fix_give_the_loss_derivative_N_1_or_make_the_target_a_target_vector>
    requires(!detail::parameters_reach_only_differentiated_operands<std::remove_cvref_t<E>>)
void layer_code(const E&) = delete;
template <class E, class Problem = misuse::first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators>
    requires(!LayerExpression<E>)
void layer_graphviz(const E&) = delete;
/// @endcond

}  // namespace memograd::nn
