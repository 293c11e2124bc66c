#pragma once
/// @file
/// @brief Showing what the compiler generated for a layer graph: the passes as code, the graph as DOT.
///
/// Printed from the same analysed graph and storage plan the passes are generated from, with each layer
/// operation's own `format` and `derivative_format`, so the listing cannot drift from what runs.

#include "../autodiff/graph.hpp"
#include "../autodiff/print.hpp"  // uses_of
#include "../autodiff/static_for.hpp"
#include "layer_graph.hpp"
#include "layer_passes.hpp"

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace memograd::nn {
namespace detail {

/// What the printer needs of one node, gathered from its type.
struct printed_node {
    std::string name;                    ///< `x`, `y`, `W0`, `b0`, ... for leaves; `v7` for operations
    std::string_view function;           ///< `{f}`: the activation's or loss's name
    std::string_view format;             ///< the value
    std::string_view derivative[2];      ///< the adjoint sent to each operand
    bool parameter = false;
};

template <class E>
std::vector<printed_node> printed_nodes() {
    constexpr auto& g = graph_of<E>;
    std::vector<printed_node> nodes(g.size());
    // Parameter blocks are numbered in parameter order (W0 is the first layer's), not in the order the
    // analysis met them (the last layer's first).
    std::vector<std::size_t> matrices;
    std::vector<std::size_t> vectors;
    memograd::detail::static_for<0, g.size()>([&]<std::size_t I>() {
        using T = node_type<E, I>;
        if constexpr (is_parameter_leaf<T>) {
            (T::cols > 1 ? matrices : vectors).push_back(T::index);
        }
    });
    const auto rank = [](const std::vector<std::size_t>& offsets, std::size_t offset) {
        return std::to_string(std::count_if(offsets.begin(), offsets.end(), [&](std::size_t o) { return o < offset; }));
    };
    memograd::detail::static_for<0, g.size()>([&]<std::size_t I>() {
        using T = node_type<E, I>;
        printed_node& node = nodes[I];
        if constexpr (requires { T::source; }) {
            node.parameter = T::source == leaf_source::parameter;
            node.name = T::source == leaf_source::sample   ? std::string("x")
                        : T::source == leaf_source::target ? std::string("y")
                        : T::cols > 1                      ? "W" + rank(matrices, T::index)
                                                           : "b" + rank(vectors, T::index);
        } else {
            using op = typename T::op;
            node.name = "v" + std::to_string(I);
            node.format = op::format;
            node.derivative[0] = op::derivative_format[0];
            node.derivative[1] = op::derivative_format[1];
            if constexpr (requires { op::name; }) {
                node.function = op::name;
            }
        }
    });
    return nodes;
}

/// Fills `{0}`, `{1}` (operands), `{y}` (the node's value), `{d}` (its adjoint), `{f}` (its function).
inline std::string fill_layer(std::string_view format, const std::string& a, const std::string& b,
                              const std::string& y, const std::string& d, std::string_view f) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '{' && i + 2 < format.size() && format[i + 2] == '}') {
            const char key = format[i + 1];
            out += key == '0' ? a : key == '1' ? b : key == 'y' ? y : key == 'd' ? d : std::string(f);
            i += 2;
        } else {
            out += format[i];
        }
    }
    return out;
}

inline std::string shape_text(std::size_t rows, std::size_t cols) {
    return cols == 1 ? "[" + std::to_string(rows) + "]"
                     : "[" + std::to_string(rows) + "×" + std::to_string(cols) + "]";
}

}  // namespace detail

/// The forward and backward passes the compiler generates for layer graph `expr`, as straight-line code.
///
/// `vK` is node K's value, `dK` its adjoint; leaves are `x` (the sample), `y` (the target), `W0`, `W1`,
/// ... (weight matrices) and `b0`, `b1`, ... (vectors of parameters) in the order the analysis met them.
/// The listing shows what the storage plan saved: adjoints passed through unchanged are not copied, and
/// nodes with no parameter below them get no backward statement.
/// @snippet examples/layer_graph.cpp generated code
template <LayerExpression E>
std::string layer_code(const E&) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = memograd::detail::graph_of<T>;
    constexpr auto& plan = detail::plan_of<T>;
    const auto nodes = detail::printed_nodes<T>();
    // An adjoint that shares its user's storage is printed under its owner's name: the listing then
    // shows one delta read by grad[W], grad[b] and the layer below.
    std::vector<std::size_t> owner(g.size());
    for (std::size_t i = g.size(); i-- > 0;) {
        owner[i] = plan.shares_adjoint[i] ? owner[g.nodes[i].parent] : i;
    }
    const auto adjoint = [&](std::size_t i) {
        return nodes[i].parameter ? "grad[" + nodes[i].name + "]" : "d" + std::to_string(owner[i]);
    };
    std::string out = "// forward: one kernel per distinct node, each value stored once\n";
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        if (node.shape == memograd::detail::node_shape::input) {
            continue;
        }
        const std::string b = node.arity == 2 ? nodes[node.child[1]].name : "";
        out += nodes[i].name + " = " +
               detail::fill_layer(nodes[i].format, nodes[node.child[0]].name, b, nodes[i].name, adjoint(i),
                                  nodes[i].function) +
               ";  // " + detail::shape_text(node.rows, node.cols) + "\n";
    }
    out += "// backward: adjoints from the root down, each computed once\n";
    out += adjoint(g.size() - 1) + " = 1;\n";
    for (std::size_t i = g.size(); i-- > 0;) {
        const auto& node = g.nodes[i];
        if (node.shape == memograd::detail::node_shape::input || !plan.needs_adjoint[i]) {
            continue;
        }
        const std::string b = node.arity == 2 ? nodes[node.child[1]].name : "";
        for (std::size_t s = 0; s < node.arity; ++s) {
            const std::size_t c = node.child[s];
            if (!plan.needs_adjoint[c]) {
                continue;
            }
            if (plan.shares_adjoint[c]) {
                out += "// d" + std::to_string(c) + " (for " + nodes[c].name + ") is " + adjoint(i) +
                       ": passed through unchanged, not copied\n";
                continue;
            }
            out += adjoint(c) + (node.first_use[s] ? " = " : " += ") +
                   detail::fill_layer(nodes[i].derivative[s], nodes[node.child[0]].name, b, nodes[i].name,
                                      adjoint(i), nodes[i].function) +
                   ";\n";
        }
    }
    return out;
}

/// The analysed layer graph as Graphviz DOT: operations as boxes with their value's shape, the sample and
/// target as ellipses, parameters as filled ellipses; a node used more than once is marked shared.
template <LayerExpression E>
std::string layer_graphviz(const E&) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = memograd::detail::graph_of<T>;
    const auto nodes = detail::printed_nodes<T>();
    const auto uses = memograd::detail::uses_of(g);
    std::string out = "digraph layers {\n  rankdir=BT;\n  node [fontname=\"Helvetica\"];\n";
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        std::string label;
        std::string style;
        if (node.shape == memograd::detail::node_shape::input) {
            label = nodes[i].name + " " + detail::shape_text(node.rows, node.cols);
            style = nodes[i].parameter ? "shape=ellipse, style=filled, fillcolor=\"#cfe2f3\"" : "shape=ellipse";
        } else {
            const std::string b = node.arity == 2 ? nodes[node.child[1]].name : "";
            label = nodes[i].name + " = " +
                    detail::fill_layer(nodes[i].format, nodes[node.child[0]].name, b, "", "", nodes[i].function) +
                    " " + detail::shape_text(node.rows, node.cols);
            style = "shape=box";
        }
        if (uses[i] > 1) {
            style += node.shape == memograd::detail::node_shape::input ? ", penwidth=2.5"
                                                                        : ", style=filled, fillcolor=\"#ffd27f\"";
            label += "\\n(shared: " + std::to_string(uses[i]) + " uses)";
        }
        out += "  n" + std::to_string(i) + " [label=\"" + label + "\", " + style + "];\n";
    }
    for (std::size_t i = 0; i < g.size(); ++i) {
        for (std::size_t s = 0; s < g.nodes[i].arity; ++s) {
            out += "  n" + std::to_string(g.nodes[i].child[s]) + " -> n" + std::to_string(i) + ";\n";
        }
    }
    out += "}\n";
    return out;
}

}  // namespace memograd::nn
