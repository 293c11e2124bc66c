#pragma once
/// @file
/// @brief Showing what the compiler generated: the straight-line passes as code, the graphs as Graphviz DOT.
///
/// The listing is produced from the same analysed graph the passes are generated from, with the same
/// operation table (each op's `format` and `derivative_format`), so it cannot drift from what runs.

#include "backward.hpp"
#include "expression.hpp"
#include "graph.hpp"
#include "ops.hpp"

#include <cstddef>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace memograd {
namespace detail {

template <op_code C, int N>
constexpr std::string_view format_of(bool derivative, std::size_t slot) {
    using op = typename ops::by_code<C, N>::type;
    if (!derivative) {
        return op::format;
    }
    if constexpr (std::is_array_v<std::remove_cvref_t<decltype(op::derivative_format)>>) {
        return op::derivative_format[slot];
    } else {
        return op::derivative_format;
    }
}

/// Fills the placeholders of an op's format (see ops.hpp).
inline std::string fill(std::string_view format, const std::string& a, const std::string& b, const std::string& y,
                        const std::string& c, int exponent) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '{' && i + 2 < format.size() && format[i + 2] == '}') {
            const char key = format[i + 1];
            out += key == '0'   ? a
                   : key == '1' ? b
                   : key == 'y' ? y
                   : key == 'c' ? c
                   : key == 'n' ? std::to_string(exponent)
                                : std::to_string(exponent - 1);
            i += 2;
        } else {
            out += format[i];
        }
    }
    return out;
}

/// Per node: its op's formats, gathered once at compile time into plain strings.
struct node_text {
    std::string_view value;
    std::string_view derivative[2];
};

template <class E>
std::vector<node_text> node_texts() {
    constexpr auto& g = graph_of<E>;
    std::vector<node_text> texts(g.size());
    static_for<0, g.size()>([&]<std::size_t I>() {
        constexpr graph_node node = g.nodes[I];
        if constexpr (node.shape != node_shape::input) {
            texts[I].value = format_of<node.code, node.exponent>(false, 0);
            texts[I].derivative[0] = format_of<node.code, node.exponent>(true, 0);
            if constexpr (node.arity == 2) {
                texts[I].derivative[1] = format_of<node.code, node.exponent>(true, 1);
            }
        }
    });
    return texts;
}

inline std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", v);
    return buffer;
}

/// How many edges point at each node.
template <std::size_t N>
std::vector<std::size_t> uses_of(const graph<N>& g) {
    std::vector<std::size_t> uses(N, 0);
    for (const auto& node : g.nodes) {
        for (std::size_t s = 0; s < node.arity; ++s) {
            ++uses[node.child[s]];
        }
    }
    return uses;
}

template <std::size_t N>
std::string input_name(const graph<N>& g, std::size_t node, std::span<const std::string_view> names) {
    const std::size_t i = g.nodes[node].input_index;
    return i < names.size() ? std::string(names[i]) : "x" + std::to_string(i);
}

}  // namespace detail

/// The forward and backward passes the compiler generates for `expr`, as straight-line C-like code.
///
/// `vK` is node K's value, `dK` its adjoint (d expr / d vK); `names` names the inputs (default `x0`,
/// `x1`, ...). A node used by several parents is marked `shared`: its value is computed once, and its
/// adjoint collects one term per use before it is passed on — memoization at work.
/// @snippet examples/lecture_network.cpp generated code
template <Expression E>
std::string backward_code(const E& expr, std::span<const std::string_view> names = {}) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = detail::graph_of<T>;
    const auto texts = detail::node_texts<T>();
    const auto uses = detail::uses_of(g);
    const auto scalars = detail::gather_scalars(expr);
    const auto operand = [&](std::size_t node) {
        return g.nodes[node].shape == detail::node_shape::input ? detail::input_name(g, node, names)
                                                                : "v" + std::to_string(node);
    };
    const auto scalar = [&](std::size_t node) {
        return g.nodes[node].shape == detail::node_shape::scalar ? detail::number(scalars[g.nodes[node].scalar_slot])
                                                                 : std::string();
    };
    std::string out = "// forward: one statement per distinct node\n";
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        if (node.shape == detail::node_shape::input) {
            continue;
        }
        const std::string b = node.arity == 2 ? operand(node.child[1]) : "";
        out += "v" + std::to_string(i) + " = " +
               detail::fill(texts[i].value, operand(node.child[0]), b, "v" + std::to_string(i), scalar(i), node.exponent) +
               ";";
        if (uses[i] > 1) {
            out += "  // shared: " + std::to_string(uses[i]) + " uses";
        }
        out += "\n";
    }
    out += "// backward: adjoints from the root down, each computed once\n";
    out += "d" + std::to_string(g.size() - 1) + " = 1;\n";
    for (std::size_t i = g.size(); i-- > 0;) {
        const auto& node = g.nodes[i];
        const std::string di = "d" + std::to_string(i);
        if (node.shape == detail::node_shape::input) {
            out += "grad[" + detail::input_name(g, i, names) + "] = " + di + ";\n";
            continue;
        }
        const std::string b = node.arity == 2 ? operand(node.child[1]) : "";
        for (std::size_t s = 0; s < node.arity; ++s) {
            const std::size_t c = node.child[s];
            const std::string local = detail::fill(texts[i].derivative[s], operand(node.child[0]), b,
                                                   "v" + std::to_string(i), scalar(i), node.exponent);
            out += "d" + std::to_string(c) + " += " + di + " * (" + local + ");\n";
        }
    }
    return out;
}

/// The analysed graph as Graphviz DOT: operations as boxes, inputs as ellipses, shared nodes (more than
/// one use) filled; edges point from operand to operation (forward) or, with `backward`, from a node to
/// its operands, labelled with the local derivative that carries the adjoint.
template <Expression E>
std::string graphviz(const E& expr, std::span<const std::string_view> names = {}, bool backward = false) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = detail::graph_of<T>;
    const auto texts = detail::node_texts<T>();
    const auto uses = detail::uses_of(g);
    const auto scalars = detail::gather_scalars(expr);
    std::string out = backward ? "digraph backward {\n  rankdir=TB;\n" : "digraph forward {\n  rankdir=BT;\n";
    out += "  node [fontname=\"Helvetica\"];\n";
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        std::string label;
        std::string style;
        if (node.shape == detail::node_shape::input) {
            label = detail::input_name(g, i, names);
            style = "shape=ellipse";
        } else {
            const std::string c = node.shape == detail::node_shape::scalar ? detail::number(scalars[node.scalar_slot]) : "";
            label = "v" + std::to_string(i) + " = " + detail::fill(texts[i].value, "a", "b", "y", c, node.exponent);
            style = "shape=box";
        }
        if (uses[i] > 1) {
            style += ", style=filled, fillcolor=\"#ffd27f\"";
            label += "\\n(shared: " + std::to_string(uses[i]) + " uses)";
        }
        if (backward && node.shape != detail::node_shape::input) {
            label = "d" + std::to_string(i) + " for " + label;
        }
        out += "  n" + std::to_string(i) + " [label=\"" + label + "\", " + style + "];\n";
    }
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        for (std::size_t s = 0; s < node.arity; ++s) {
            const std::size_t c = node.child[s];
            if (backward) {
                const std::string local = detail::fill(texts[i].derivative[s], "a", "b", "y", "c", node.exponent);
                out += "  n" + std::to_string(i) + " -> n" + std::to_string(c) + " [label=\"" + local + "\"];\n";
            } else {
                out += "  n" + std::to_string(c) + " -> n" + std::to_string(i) + ";\n";
            }
        }
    }
    out += "}\n";
    return out;
}

}  // namespace memograd
