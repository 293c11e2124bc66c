#pragma once
/// @file
/// @brief Showing what the compiler generated: the passes as a listing, as compilable C++, and as DOT.
///
/// One printer for scalar and layer graphs. It walks the same analysed graph and storage plan the passes
/// are generated from, and prints each statement from the node's kernel table: a scalar operation's text
/// is its rule (rule.hpp) printed, so the listing shows exactly the arithmetic that runs; `=` where the
/// pass assigns, `+=` where it adds. `cpp_source` is the same statements with declarations around them.

#include "../detail/always_false.hpp"
#include "expression.hpp"
#include "graph.hpp"
#include "occurrences.hpp"
#include "passes.hpp"
#include "rule.hpp"
#include "value_and_grad.hpp"

#include <array>
#include <charconv>
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace memograd {
namespace detail {

/// How the printer spells what the caller's arrays hold.
struct leaf_spelling {
    /// A leaf's value (graph node index → text).
    std::function<std::string(std::size_t)> value;
    /// A variable leaf's adjoint, i.e. its gradient entry.
    std::function<std::string(std::size_t)> gradient;
    /// A comment after an operation's forward statement (its shape, for layer graphs), or empty.
    std::function<std::string(std::size_t)> note;
};

enum class program_style : unsigned char { listing, cpp };

/// What the printers call each node of E: its value (a leaf's name, a constant's number, `vK`), its
/// adjoint (a variable's gradient entry; the owner's `dK` where the plan shares storage), and how many
/// edges reach it.
struct node_names {
    std::vector<std::string> value;
    std::vector<std::string> adjoint;
    std::vector<std::size_t> uses;

    /// The names a rule of node `i` reads.
    [[nodiscard]] rule::spelling spelling(const graph_node& node, std::size_t i) const {
        return {.a = value[node.child[0]], .b = value[node.child[1]], .c = {}, .v = value[i], .d = adjoint[i]};
    }
};

template <class E>
node_names name_nodes(const leaf_spelling& leaves) {
    constexpr auto& g = graph_of<E>;
    constexpr auto& plan = plan_of<E>;
    node_names names{.value = std::vector<std::string>(g.size()),
                     .adjoint = std::vector<std::string>(g.size()),
                     .uses = std::vector<std::size_t>(g.size(), 0)};
    // An operation is called by its name if a named node (named.hpp) gave it one, else vK; its adjoint
    // d + that name, or dK.
    const auto own_name = [&](std::size_t i) {
        return g.nodes[i].name.empty() ? std::to_string(i) : std::string(g.nodes[i].name);
    };
    for (std::size_t i = 0; i < g.size(); ++i) {
        const graph_node& node = g.nodes[i];
        names.value[i] = node.kind == node_kind::leaf       ? leaves.value(i)
                         : node.kind == node_kind::constant ? rule::number{node.constant}.print({})
                         : node.name.empty()                ? "v" + std::to_string(i)
                                                            : std::string(node.name);
        names.adjoint[i] = plan.adjoint_buffer[i] == buffer::gradient ? leaves.gradient(i)
                                                                      : "d" + own_name(plan.adjoint_owner[i]);
        for (std::size_t s = 0; s < node.arity; ++s) {
            ++names.uses[node.child[s]];
        }
    }
    return names;
}

/// The statements of one evaluation: forward, then backward.
class program_printer {
public:
    template <class E>
    static std::string print(const E& expr, const leaf_spelling& leaves, program_style style) {
        program_printer p(style);
        p.run<E>(expr, leaves);
        return p.out_;
    }

private:
    explicit program_printer(program_style style) : style_(style) {}

    program_style style_;
    std::string out_;
    node_names names_;
    std::size_t tape_ = 0;  ///< next per-occurrence slot name

    [[nodiscard]] std::string declare(const std::string& name) const {
        return style_ == program_style::cpp ? "double " + name : name;
    }
    void line(const std::string& text) { out_ += (style_ == program_style::cpp ? "    " : "") + text + "\n"; }
    void comment(const std::string& text) { line("// " + text); }

    template <class E>
    void run(const E& expr, const leaf_spelling& leaves) {
        constexpr auto& g = graph_of<E>;
        constexpr auto& plan = plan_of<E>;
        constexpr std::size_t n = g.size();
        names_ = name_nodes<E>(leaves);
        const auto& uses = names_.uses;
        comment("forward: one statement per distinct node, each value stored once");
        for (std::size_t i = 0; i < n; ++i) {
            const graph_node& node = g.nodes[i];
            if (node.kind != node_kind::operation) {
                continue;
            }
            std::string text = declare(names_.value[i]) + " = " + node.op->value_text(names_.spelling(node, i)) + ";";
            const std::string note = leaves.note ? leaves.note(i) : std::string();
            if (uses[i] > 1 || !note.empty()) {
                text += "  //";
                text += note.empty() ? "" : " " + note;
                text += uses[i] > 1 ? " shared: " + std::to_string(uses[i]) + " uses" : "";
            }
            line(text);
        }
        std::string root_value;
        if constexpr (!g.root_is_node) {
            comment("per occurrence (a run-time number is at or below these nodes)");
            root_value = occurrence_forward<E, E>(expr, "t" + std::to_string(facts<E>.occurrence_count - 1));
        } else {
            root_value = names_.value[n - 1];
        }
        if (style_ == program_style::cpp) {
            line("value = " + root_value + ";");
        }
        comment("backward: adjoints from the root down, each computed once");
        // As the pass value_and_grad runs with one x entry per variable: unless the variables fill x once
        // each, it zeroes the gradient and adds every term to it, a first use's too (backward_pass).
        constexpr bool tiled = variables_tile<E, g.variable_extent>;
        if (!tiled && style_ == program_style::listing) {
            comment("grad starts at 0: every term is added to it");
        }
        const auto assigns = [&](bool first_use, std::size_t c) {
            return first_use && (tiled || plan.adjoint_buffer[c] != buffer::gradient);
        };
        if constexpr (!g.root_is_node) {
            for (std::size_t k = 0; k < plan.zeroed_count; ++k) {
                line(declare(names_.adjoint[plan.zeroed[k]]) + " = 0;");
            }
            occurrence_backward<E, E>(expr, "1");
        } else if (plan.needs_adjoint[n - 1]) {
            const bool declared = plan.adjoint_buffer[n - 1] != buffer::gradient;
            line((declared ? declare(names_.adjoint[n - 1]) : names_.adjoint[n - 1]) +
                 (assigns(true, n - 1) ? " = 1;" : " += 1;"));
        }
        for (std::size_t i = n; i-- > 0;) {
            const graph_node& node = g.nodes[i];
            for (std::size_t s = 0; s < node.arity; ++s) {
                const std::size_t c = node.child[s];
                if (!plan.needs_adjoint[c]) {
                    continue;
                }
                if (plan.shares_adjoint[c]) {
                    comment("the adjoint of " + names_.value[c] + " is " + names_.adjoint[i] + ": passed through unchanged, not copied");
                    continue;
                }
                const bool assign = assigns(node.first_use[s], c);
                const bool declared = assign && plan.adjoint_buffer[c] != buffer::gradient;
                line((declared ? declare(names_.adjoint[c]) : names_.adjoint[c]) + (assign ? " = " : " += ") +
                     node.op->adjoint_text[s](names_.spelling(node, i)) + ";");
            }
        }
    }

    // ---- per-occurrence nodes: the same rules, printed along the walk over the object ----
    template <class E, class A>
    std::string operand_value(const A& operand, std::vector<std::string>& names) {
        if constexpr (facts<A>.holds_run_time_scalar) {
            names.push_back("t" + std::to_string(tape_ + facts<A>.occurrence_count - 1));
            return occurrence_forward<E, A>(operand, names.back());
        } else {
            return names_.value[index_of<E, A>];
        }
    }
    template <class E, class T>
    rule::spelling occurrence_spelling(const T& node, std::vector<std::string>& names) {
        using traits = traits_of<T>;
        rule::spelling s;
        s.a = operand_value<E>(traits::template operand<0>(node), names);
        if constexpr (arity_of<T>() == 2) {
            s.b = operand_value<E>(traits::template operand<1>(node), names);
        }
        if constexpr (ScalarOperationNode<T>) {
            s.c = rule::number{traits::scalar(node)}.print({});
        }
        return s;
    }
    /// Prints the forward statements of this occurrence (named `name`) and those below it.
    template <class E, class T>
    std::string occurrence_forward(const T& node, const std::string& name) {
        std::vector<std::string> names;
        const rule::spelling s = occurrence_spelling<E>(node, names);
        ++tape_;
        line(declare(name) + " = " + traits_of<T>::op::value.print(s) + ";");
        return name;
    }
    /// Prints the backward statements of this occurrence (the root's, whose tape part starts at 0).
    template <class E, class T>
    void occurrence_backward(const T& node, const std::string& adjoint) {
        occurrence_backward_at<E>(node, adjoint, 0);
    }
    template <class E, class T>
    void occurrence_backward_at(const T& node, const std::string& adjoint, std::size_t base) {
        using traits = traits_of<T>;
        using op = typename traits::op;
        constexpr std::size_t start[2] = {0, facts<operand_type<T, 0>>.occurrence_count};
        rule::spelling s;
        const auto name_of = [&]<std::size_t S>() {
            using A = operand_type<T, S>;
            if constexpr (facts<A>.holds_run_time_scalar) {
                return "t" + std::to_string(base + start[S] + facts<A>.occurrence_count - 1);
            } else {
                return names_.value[index_of<E, A>];
            }
        };
        s.a = name_of.template operator()<0>();
        if constexpr (arity_of<T>() == 2) {
            s.b = name_of.template operator()<1>();
        }
        if constexpr (ScalarOperationNode<T>) {
            s.c = rule::number{traits::scalar(node)}.print({});
        }
        s.v = "t" + std::to_string(base + facts<T>.occurrence_count - 1);
        s.d = adjoint;
        const auto push = [&]<std::size_t S>() {
            using A = operand_type<T, S>;
            const std::string text = adjoint_rule<op, S>.print(s);
            if constexpr (facts<A>.holds_run_time_scalar) {
                const std::string name = "d" + name_of.template operator()<S>();
                line(declare(name) + " = " + text + ";");
                occurrence_backward_at<E>(traits::template operand<S>(node), name, base + start[S]);
            } else if constexpr (plan_of<E>.needs_adjoint[index_of<E, A>]) {
                line(names_.adjoint[index_of<E, A>] + " += " + text + ";");
            }
        };
        push.template operator()<0>();
        if constexpr (arity_of<T>() == 2) {
            push.template operator()<1>();
        }
    }
};

/// Leaf names of a scalar expression: the caller's names for variables (default `x0`, `x1`, ...),
/// `data[j]` for data leaves.
template <class E>
leaf_spelling scalar_leaf_names(std::span<const std::string_view> names, program_style style) {
    constexpr auto& g = graph_of<E>;
    leaf_spelling s;
    s.value = [names, style](std::size_t i) {
        const graph_node& node = g.nodes[i];
        const std::string index = std::to_string(node.offset);
        if (node.array != 0) {  // a data leaf: its name if named<"..."> gave it one, in a listing
            return style == program_style::listing && !node.name.empty() ? std::string(node.name) : "data[" + index + "]";
        }
        if (style == program_style::cpp) {
            return "x[" + index + "]";
        }
        return node.offset < names.size() ? std::string(names[node.offset]) : "x" + index;
    };
    s.gradient = [names, style](std::size_t i) {
        const graph_node& node = g.nodes[i];
        const std::string index = std::to_string(node.offset);
        if (style == program_style::cpp) {
            return "grad[" + index + "]";
        }
        return "grad[" + (node.offset < names.size() ? std::string(names[node.offset]) : "x" + index) + "]";
    };
    return s;
}

/// Do the names of E's nodes (named.hpp) tell the nodes apart as the printers show them? No two graph
/// nodes share a name, none is named d + another's name (that one's adjoint, `dN`), and no node is given
/// two names (a printer shows one of them, and a trace finds one: `named<"h">(e) + named<"g">(e)` and
/// `named<"g">(named<"h">(e))` are refused too). Naming one node alike wherever it is written is fine. A
/// node evaluated per occurrence prints as `tK`: its own name is not read, nor checked.
template <class E>
consteval bool check_node_names() {
    constexpr auto& g = graph_of<E>;
    std::array<std::string_view, g.size()> names{};
    std::size_t named = 0;
    for (const graph_node& node : g.nodes) {
        if (!node.name.empty()) {
            names[named++] = node.name;
        }
    }
    if (named == 0) {
        return true;  // and no node was named at all: one given any name carries one
    }
    const auto adjoint_of = [](std::string_view n, std::string_view m) {
        return n.size() == m.size() + 1 && n.front() == 'd' && n.substr(1) == m;
    };
    for (std::size_t i = 0; i < named; ++i) {
        for (std::size_t j = i + 1; j < named; ++j) {
            if (names[i] == names[j] || adjoint_of(names[i], names[j]) || adjoint_of(names[j], names[i])) {
                return false;
            }
        }
    }
    // Record t spells graph node `index` (through named spellings, named.hpp): does each name on the way
    // agree with the one the graph gave the node?
    const auto one_name = [&](const type_facts* t, std::size_t index) {
        for (; t->same_as != nullptr; t = t->same_as) {
            if (!t->name.empty() && t->name != g.nodes[index].name) {
                return false;
            }
        }
        return true;
    };
    for (std::size_t i = 0; i < g.size(); ++i) {
        for (std::size_t s = 0; s < g.nodes[i].arity; ++s) {
            if (!one_name(g.nodes[i].identity->operand[s], g.nodes[i].child[s])) {
                return false;
            }
        }
    }
    if constexpr (g.root_is_node) {
        return one_name(&facts<E>, g.size() - 1);
    } else {
        // The per-occurrence nodes, walked as the object is: the graph nodes they read, as they spell them.
        const auto named_spelling = [](const type_facts* t) {
            for (; t->same_as != nullptr; t = t->same_as) {
                if (!t->name.empty()) {
                    return true;
                }
            }
            return false;
        };
        std::array<const type_facts*, facts<E>.occurrence_count> stack{&facts<E>};
        std::size_t size = 1;
        while (size > 0) {
            const type_facts* t = stack[--size];
            for (std::size_t s = 0; s < t->arity; ++s) {
                const type_facts* operand = t->operand[s];
                if (operand->holds_run_time_scalar) {
                    stack[size++] = operand;
                } else if (named_spelling(operand)) {
                    const type_facts* node = operand;
                    while (node->same_as != nullptr) {
                        node = node->same_as;
                    }
                    std::size_t index = 0;
                    while (g.nodes[index].identity != node) {
                        ++index;
                    }
                    if (!one_name(operand, index)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
/// `check_node_names` of E, once per type: the printers' constraint.
template <class E>
inline constexpr bool node_names_distinct = check_node_names<E>();

}  // namespace detail

namespace misuse {
/// A printer (`backward_code`, `cpp_source`, `graphviz`) of an expression in which two nodes have one
/// name, one is named d + another's name (that one's adjoint), or one node has two names
/// (`detail::check_node_names`).
struct node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own {};
}  // namespace misuse

/// The forward and backward passes the compiler generates for `expr`, as straight-line code.
///
/// `vK` is node K's value, `dK` its adjoint (d expr / d vK), or, for a node given a name with
/// `named<"N">(...)`, `N` and `dN`; a variable's adjoint is its gradient entry `grad[name]`. `names` names the variables (default `x0`, `x1`, ...). A node used by several users is
/// marked `shared`: its value is computed once, and its adjoint collects one term per use before it is
/// passed on — memoization at work. `tK` are nodes evaluated per occurrence (a run-time number is at or
/// below them). Every `=` and `+=` is the pass's own, as `value_and_grad` runs it with one entry of x per
/// variable: where the variables do not fill x once each (a gap, or a use per occurrence), the gradient
/// starts at 0 and every term is added to it, a first use's too, and the listing says so.
/// Names must tell the nodes apart (`detail::check_node_names`): else the call is deleted and names the
/// problem and its fix, as for every printer here.
/// @snippet examples/lecture_network.cpp generated code
template <Expression E>
    requires detail::node_names_distinct<std::remove_cvref_t<E>>
std::string backward_code(const E& expr, std::span<const std::string_view> names = {}) {
    using T = std::remove_cvref_t<E>;
    return detail::program_printer::print(expr, detail::scalar_leaf_names<T>(names, detail::program_style::listing),
                                          detail::program_style::listing);
}

/// The generated passes of `expr` as a standalone C++ function with no memograd dependency (only
/// `<cmath>`): `double name(const double* x, const double* data, double* grad)`, declared in namespace
/// `memograd_generated` and brought to global scope, returns the value and writes the gradient. Its statements are `backward_code`'s, numbers printed so that they read back
/// exactly; compiled without floating-point contraction it computes the same bits as `value_and_grad`.
/// @snippet tests/cpp_source.cpp emit cpp_source
template <Expression E>
    requires detail::node_names_distinct<std::remove_cvref_t<E>>
std::string cpp_source(const E& expr, std::string_view name) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = detail::graph_of<T>;
    // The helpers are guarded so that several emitted functions can share one file; the function lives in
    // their namespace, where `tanh(v)` finds them before <cmath>'s global names.
    std::string out =
        "// Generated by memograd::cpp_source: the forward and backward passes of one expression.\n"
        "#include <cmath>\n\n"
        "#ifndef MEMOGRAD_GENERATED_HELPERS\n"
        "#define MEMOGRAD_GENERATED_HELPERS\n"
        "namespace memograd_generated {\n"
        "inline double exp(double a) { return std::exp(a); }\n"
        "inline double log(double a) { return std::log(a); }\n"
        "inline double tanh(double a) { return std::tanh(a); }\n"
        "inline double sigmoid(double a) { return a >= 0 ? 1.0 / (1.0 + std::exp(-a)) : std::exp(a) / (1.0 + std::exp(a)); }\n"
        "inline double relu(double a) { return a <= 0 ? 0.0 : a; }\n"
        "inline double step(double a) { return a > 0 ? 1.0 : a <= 0 ? 0.0 : a; }\n"
        "template <int N> double pow(double a) {\n"
        "    double r = 1.0;\n"
        "    for (int n = N; n > 0; n >>= 1, a *= a) { if ((n & 1) != 0) { r *= a; } }\n"
        "    return r;\n"
        "}\n"
        "}  // namespace memograd_generated\n"
        "#endif\n\n"
        "namespace memograd_generated {\n";
    out += "/// Value of the expression at x (and data); writes d value / d x[i] to grad[i], i < " +
           std::to_string(g.variable_extent) + ".\n";
    out += "inline double " + std::string(name) +
           "([[maybe_unused]] const double* x, [[maybe_unused]] const double* data, [[maybe_unused]] double* grad) {\n";
    out += "    double value = 0;\n";
    if (!detail::variables_tile<T, g.variable_extent>) {
        out += "    for (int i = 0; i < " + std::to_string(g.variable_extent) + "; ++i) { grad[i] = 0; }\n";
    }
    out += detail::program_printer::print(expr, detail::scalar_leaf_names<T>({}, detail::program_style::cpp),
                                          detail::program_style::cpp);
    out += "    return value;\n}\n}  // namespace memograd_generated\nusing memograd_generated::" + std::string(name) + ";\n";
    return out;
}

namespace detail {
/// The analysed graph of E as Graphviz DOT (see `graphviz`); `leaves` names the leaves and notes shapes.
/// Extra marks for a DOT graph: a second label line per node, and edges drawn bold.
struct dot_marks {
    std::function<std::string(std::size_t)> label;               ///< node index → text, or empty
    std::function<bool(std::size_t, std::size_t)> bold_edge;     ///< (user, slot) → highlighted?
};

template <class E>
std::string dot_text(const leaf_spelling& leaves, bool backward, const dot_marks& marks = {}) {
    constexpr auto& g = graph_of<E>;
    const node_names names = name_nodes<E>(leaves);  // the listing's names
    const auto& value = names.value;
    const auto& uses = names.uses;
    std::string out = backward ? "digraph backward {\n  rankdir=TB;\n" : "digraph forward {\n  rankdir=BT;\n";
    out += "  node [fontname=\"Helvetica\"];\n";
    const auto spelling = [&](std::size_t i) { return names.spelling(g.nodes[i], i); };
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        std::string label = value[i];
        std::string style = node.kind == node_kind::leaf       ? "shape=ellipse"
                            : node.kind == node_kind::constant ? "shape=plaintext"
                                                               : "shape=box";
        if (node.kind == node_kind::operation) {
            label += " = " + node.op->value_text(spelling(i));
        }
        const std::string note = leaves.note ? leaves.note(i) : std::string();
        if (!note.empty()) {
            label += " " + note;
        }
        if (uses[i] > 1) {
            style += ", style=filled, fillcolor=\"#ffd27f\"";
            label += "\\n(" + std::to_string(uses[i]) + " uses)";
        } else if (node.kind == node_kind::leaf && node.array == 0) {
            style += ", style=filled, fillcolor=\"#cfe2f3\"";
        }
        if (marks.label) {
            label += "\\n" + marks.label(i);
        }
        out += "  n" + std::to_string(i) + " [label=\"" + label + "\", " + style + "];\n";
    }
    for (std::size_t i = 0; i < g.size(); ++i) {
        const auto& node = g.nodes[i];
        for (std::size_t slot = 0; slot < node.arity; ++slot) {
            const std::string c = "n" + std::to_string(node.child[slot]);
            const std::string me = "n" + std::to_string(i);
            const std::string bold = marks.bold_edge && marks.bold_edge(i, slot) ? "penwidth=3, color=\"#c0392b\"" : "";
            if (backward) {
                out += "  " + me + " -> " + c + " [label=\"" + node.op->adjoint_text[slot](spelling(i)) + "\"" +
                       (bold.empty() ? "" : ", " + bold) + "];\n";
            } else {
                out += "  " + c + " -> " + me + (bold.empty() ? "" : " [" + bold + "]") + ";\n";
            }
        }
    }
    out += "}\n";
    return out;
}
}  // namespace detail

/// The analysed graph as Graphviz DOT: operations as boxes, leaves as ellipses (variables shaded),
/// constants as plain text, nodes with more than one use filled. Edges point from operand to operation
/// (forward) or, with `backward`, from a node to its operands, labelled with what the operand's adjoint
/// receives. Nodes evaluated per occurrence are not drawn.
template <Expression E>
    requires detail::node_names_distinct<std::remove_cvref_t<E>>
std::string graphviz(const E&, std::span<const std::string_view> names = {}, bool backward = false) {
    using T = std::remove_cvref_t<E>;
    return detail::dot_text<T>(detail::scalar_leaf_names<T>(names, detail::program_style::listing), backward);
}

/// The forward graph of `graphviz`, each node also labelled with its value and its adjoint from `trace`
/// (as `value | d: adjoint`), and every edge on a path from the root down to leaf type `Highlight` bold:
/// the paths whose products the chain rule sums for d root / d Highlight.
template <Expression E, std::size_t N, std::size_t K, class Highlight>
    requires detail::node_names_distinct<std::remove_cvref_t<E>>
std::string graphviz(const E&, std::span<const std::string_view> names, const evaluation_trace<N, K>& trace,
                     Highlight) {
    using T = std::remove_cvref_t<E>;
    constexpr auto& g = detail::graph_of<T>;
    static_assert(N == g.size(), "memograd::graphviz: the trace is of another expression");
    std::vector<bool> reach(N, false);  // post-order: a node reaches Highlight if an operand does
    for (std::size_t i = 0; i < N; ++i) {
        reach[i] = g.nodes[i].identity == detail::identity_of<Highlight>();
        for (std::size_t s = 0; s < g.nodes[i].arity; ++s) {
            reach[i] = reach[i] || reach[g.nodes[i].child[s]];
        }
    }
    const auto number = [](double v) {  // `%.4g`, with `.` whatever the C locale
        char text[32];
        return std::string(text, std::to_chars(text, text + sizeof text, v, std::chars_format::general, 4).ptr);
    };
    detail::dot_marks marks;
    marks.label = [&](std::size_t i) {
        return number(trace.value[i]) + (trace.has_adjoint[i] ? " | d: " + number(trace.adjoint[i]) : std::string());
    };
    marks.bold_edge = [&](std::size_t i, std::size_t s) { return reach[g.nodes[i].child[s]]; };
    return detail::dot_text<T>(detail::scalar_leaf_names<T>(names, detail::program_style::listing), false, marks);
}

/// @cond MEMOGRAD_INTERNAL
template <Expression E,
          class Problem = misuse::node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own>
    requires(!detail::node_names_distinct<std::remove_cvref_t<E>>)
std::string backward_code(const E&, std::span<const std::string_view> = {}) = delete;
template <Expression E,
          class Problem = misuse::node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own>
    requires(!detail::node_names_distinct<std::remove_cvref_t<E>>)
std::string cpp_source(const E&, std::string_view) = delete;
template <Expression E,
          class Problem = misuse::node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own>
    requires(!detail::node_names_distinct<std::remove_cvref_t<E>>)
std::string graphviz(const E&, std::span<const std::string_view> = {}, bool = false) = delete;
template <Expression E, std::size_t N, std::size_t K, class Highlight,
          class Problem = misuse::node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own>
    requires(!detail::node_names_distinct<std::remove_cvref_t<E>>)
std::string graphviz(const E&, std::span<const std::string_view>, const evaluation_trace<N, K>&, Highlight) = delete;
/// @endcond

}  // namespace memograd
