#pragma once
/// @file
/// @brief `value_and_grad(expr, x[, data])`: value and gradient by the compiler-generated memoized passes.

#include "expression.hpp"
#include "graph.hpp"
#include "misuse.hpp"
#include "occurrences.hpp"
#include "passes.hpp"

#include <array>
#include <cstddef>
#include <stdexcept>
#include <string_view>
#include <type_traits>

namespace memograd {


namespace detail {
/// How many of a plan's per-node flags are set. consteval: the plan is read while compiling only, so
/// its tables are never emitted (passes.hpp says why that matters).
template <std::size_t N>
consteval std::size_t count_set(const std::array<bool, N>& flags) {
    std::size_t set = 0;
    for (const bool f : flags) {
        set += f ? 1 : 0;
    }
    return set;
}

struct no_inspection {
    constexpr void operator()(const pass_arrays&) const {}
};

/// Runs the generated passes; `inspect` sees the arrays after the backward pass (for `trace`).
/// Every template argument is deduced: GCC 12 takes time exponential in the depth of reuse to match an
/// explicitly given expression type against a defaulted template parameter list (the recurrence of
/// tests/recurrence_growth.cpp: 5 s at 16 steps, 36 s at 18), and no time at all to deduce it.
template <class E, std::size_t K, class Inspect = no_inspection>
constexpr value_and_gradient<K> generated_value_and_grad(const E& expr, const std::array<double, K>& x,
                                                         const double* data, Inspect inspect = {}) {
    // The graph and plan are read in constant expressions only (passes.hpp says why).
    // Written before read, statement by statement: no zeroing needed (first uses assign), and zeroing
    // ~1000 doubles per call would be measurable.
    std::array<double, plan_of<E>.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan_of<E>.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, facts<E>.occurrence_count> tape;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    value_and_gradient<K> out;                // NOLINT(cppcoreguidelines-pro-type-member-init): see below
    constexpr bool tiled = variables_tile<E, K>;
    if constexpr (!tiled) {
        out.grad.fill(0.0);  // and every contribution is added; else each entry is assigned by its first use
    }
    const auto arrays = pass_arrays::of({x.data(), data, nullptr}, values.data(), adjoints.data(), out.grad.data());
    out.value = forward_value<E>(expr, arrays, tape.data());
    if constexpr (!graph_of<E>.root_is_node) {
        zero_fed_adjoints<E>(arrays);
        occurrence<E, E>::backward(expr, arrays, tape.data(), 1.0);
    }
    backward_pass<E, !tiled>(arrays, 1.0);
    inspect(arrays);
    return out;
}

/// The generated forward pass alone: the value, no adjoint computed or stored.
template <class E, std::size_t K>
constexpr double generated_value(const E& expr, const std::array<double, K>& x, const double* data) {
    std::array<double, plan_of<E>.values> values;  // NOLINT(cppcoreguidelines-pro-type-member-init): written first
    std::array<double, facts<E>.occurrence_count> tape;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    return forward_value<E>(expr, pass_arrays::of({x.data(), data, nullptr}, values.data(), nullptr, nullptr),
                            tape.data());
}
}  // namespace detail

/// The value of `expr` at `x` and its gradient, `grad[i]` = d expr / d x[i]; usable in constant expressions.
///
/// Each distinct subexpression is evaluated once (forward) and each adjoint computed once (backward), by
/// passes the compiler generates from the expression's type. Nodes with a run-time double at or below
/// them are evaluated once per occurrence in `expr` (occurrences.hpp); their operands stay shared.
/// @snippet tests/autodiff_static.cpp value_and_grad
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr value_and_gradient<K> value_and_grad(const E& expr, const std::array<double, K>& x) {
    return detail::generated_value_and_grad(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves: `data[J]` (not differentiated).
/// @snippet tests/autodiff_static.cpp data leaves
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr value_and_gradient<K> value_and_grad(const E& expr, const std::array<double, K>& x,
                                               const std::array<double, M>& data) {
    return detail::generated_value_and_grad(expr, x, data.data());
}

/// The value of `expr` at `x` by the generated forward pass alone: each distinct subexpression evaluated
/// once, no adjoint computed or stored (what recomputation re-runs, tutorial chapter 8).
/// @snippet tests/autodiff_static.cpp evaluate
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr double evaluate(const E& expr, const std::array<double, K>& x) {
    return detail::generated_value(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves: `data[J]`.
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr double evaluate(const E& expr, const std::array<double, K>& x, const std::array<double, M>& data) {
    return detail::generated_value(expr, x, data.data());
}

/// @cond MEMOGRAD_INTERNAL
template <class E, class X, class Problem = misuse::first_argument_is_not_a_memograd_expression_fix_build_it_from_var_I_operators_and_functions>
    requires(!Expression<E>)
void value_and_grad(const E&, const X&) = delete;
template <Expression E, class X, class Problem = misuse::inputs_are_not_a_std_array_of_double_fix_pass_one_value_per_var_like_std_array_1_0_2_0>
    requires(!detail::is_double_array<X>)
void value_and_grad(const E&, const X&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void value_and_grad(const E&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument>
    requires(detail::graph_of<E>.variable_extent <= K && detail::graph_of<E>.data_extent[0] > 0)
void value_and_grad(const E&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, std::size_t M, class Problem = misuse::expression_uses_data_J_past_the_end_of_data_fix_pass_one_entry_per_data_leaf>
    requires(detail::graph_of<E>.variable_extent <= K && detail::graph_of<E>.data_extent[0] > M)
void value_and_grad(const E&, const std::array<double, K>&, const std::array<double, M>&) = delete;
/// @endcond

/// Every node's value and adjoint after one evaluation of the generated passes (see `trace`).
template <std::size_t N, std::size_t K>
struct evaluation_trace {
    value_and_gradient<K> result{};        ///< what `value_and_grad` returns
    std::array<double, N> value{};         ///< node K's value, in the graph's order (operands first)
    std::array<double, N> adjoint{};       ///< d root / d node K; 0 where `has_adjoint` is false
    std::array<bool, N> has_adjoint{};     ///< the pass computes it: a variable is at or below the node
    std::array<std::string_view, N> name{};  ///< the name `named<"...">` gave node K, or empty

    /// The index of the node named `n`; throws std::out_of_range (at compile time: not a constant) if none is.
    [[nodiscard]] constexpr std::size_t index(std::string_view n) const {
        for (std::size_t i = 0; i < N; ++i) {
            if (name[i] == n) {
                return i;
            }
        }
        throw std::out_of_range("memograd::evaluation_trace: no node has this name");
    }
    /// The value of the node named `n`.
    [[nodiscard]] constexpr double value_of(std::string_view n) const { return value[index(n)]; }
    /// The adjoint d root / d node of the node named `n`.
    [[nodiscard]] constexpr double adjoint_of(std::string_view n) const { return adjoint[index(n)]; }
};

/// `value_and_grad`, and with it every node's value and adjoint as the generated passes left them: the
/// memo the backward pass keeps. Nodes named with `named<"...">` can be looked up by name. For
/// expressions without run-time doubles (every node a graph node, in the memo table); with one, the call
/// is deleted and names the fix: `constant<V>` for a fixed number, `data<J>` for a run-time one.
/// @snippet tests/tutorial_lecture.cpp trace
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0> && (detail::facts<E>.occurrence_count == 0)
constexpr auto trace(const E& expr, const std::array<double, K>& x, const std::array<double, M>& data) {
    constexpr auto& g = detail::graph_of<E>;
    constexpr auto& p = detail::plan_of<E>;
    evaluation_trace<g.size(), K> t;
    t.result = detail::generated_value_and_grad(expr, x, data.data(), [&](const detail::pass_arrays& a) {
        for (std::size_t i = 0; i < g.size(); ++i) {
            t.value[i] = *detail::value_at(a, p.value_buffer[i], p.value_offset[i]);
            t.has_adjoint[i] = p.needs_adjoint[i];
            t.adjoint[i] = p.needs_adjoint[i] ? *detail::adjoint_at(a, p.adjoint_buffer[i], p.adjoint_offset[i]) : 0.0;
            t.name[i] = g.nodes[i].name;
        }
    });
    return t;
}
/// @cond MEMOGRAD_INTERNAL
template <Expression E, std::size_t K, std::size_t M,
          class Problem = misuse::trace_of_expression_with_run_time_doubles_fix_write_them_as_constant_V_or_data_J>
    requires detail::leaves_fit<E, K, M, 0> && (detail::facts<E>.occurrence_count > 0)
void trace(const E&, const std::array<double, K>&, const std::array<double, M>&) = delete;
/// @endcond

/// What the compiler found in expression type E: the lecture's counts, as constants.
/// @snippet tests/autodiff_static.cpp stats
template <Expression E>
struct stats {
    /// @cond MEMOGRAD_INTERNAL
    using type = std::remove_cvref_t<E>;
    static constexpr auto& graph = detail::graph_of<type>;
    /// @endcond
    /// Distinct graph nodes (leaves and constants included): shared subexpressions count once; nodes
    /// evaluated per occurrence are not graph nodes (`occurrence_nodes` counts them).
    static constexpr std::size_t nodes = graph.size();
    /// Nodes evaluated once per occurrence because a run-time double is at or below them, counted per
    /// occurrence (0 when the expression holds no run-time double).
    static constexpr std::size_t occurrence_nodes = detail::facts<type>.occurrence_count;
    /// Distinct variables: graph nodes that are `var<I>` leaves.
    static constexpr std::size_t inputs = graph.variables;
    /// Operand slots over all graph nodes (`x * x` counts two); the operands of nodes evaluated per
    /// occurrence are not counted.
    static constexpr std::size_t edges = graph.edges;
    /// Graph nodes that are operations (neither leaves nor constants): the forward statements that compute
    /// something. The generated pass also stores each constant's value, once, and evaluates the nodes
    /// counted by `occurrence_nodes` besides.
    static constexpr std::size_t forward_ops = nodes - graph.leaves - graph.constants;
    /// The chain rule's local-derivative multiply-adds over the graph: one per edge, the same number as
    /// `edges`, whether or not the generated pass runs a statement for that edge. What it runs is
    /// `backward_statements`: fewer where an adjoint is passed through unchanged or an operand has no
    /// variable below it.
    static constexpr std::size_t backward_ops = edges;
    /// Statements of the generated backward pass, one per statement line `backward_code` prints for it:
    /// the root's seed (when the root is a graph node with a variable below it), one per adjoint zeroed
    /// for per-occurrence nodes to add to, one per operand with a variable below it of each node evaluated
    /// per occurrence, and one per graph edge whose operand needs an adjoint of its own. An edge into an
    /// operand that shares its only user's adjoint (`a` in `a + b`), or into one without a variable below
    /// it (data, constants), has none.
    static constexpr std::size_t backward_statements = [] {
        constexpr auto& plan = detail::plan_of<type>;
        std::size_t count = plan.zeroed_count + plan.backward_count;
        if constexpr (graph.root_is_node) {
            return count + (plan.needs_adjoint[nodes - 1] ? 1 : 0);
        } else {
            // The per-occurrence nodes, walked as the object is: each sends a term to every operand that
            // is one of them, and to every graph node below which there is a variable (a path to one).
            std::array<const detail::type_facts*, occurrence_nodes> stack{&detail::facts<type>};
            std::size_t size = 1;
            while (size > 0) {
                const detail::type_facts* t = stack[--size];
                for (std::size_t s = 0; s < t->arity; ++s) {
                    const detail::type_facts* operand = t->operand[s];
                    if (operand->holds_run_time_scalar) {
                        stack[size++] = operand;
                    }
                    count += operand->holds_run_time_scalar || operand->path_count > 0 ? 1 : 0;
                }
            }
            return count;
        }
    }();
    /// Nodes of the expression written out as a tree: what evaluation without memoization visits.
    static constexpr double tree_nodes = detail::facts<type>.tree_size;
    /// Products in the naive chain rule: one per root-to-variable path.
    static constexpr double path_terms = detail::facts<type>.path_count;

    // What the generated passes keep in memory (the price of memoization), as the storage plan decides it.
    /// Doubles of forward values stored for the backward pass: every graph operation's and constant's
    /// value, once, in one buffer (leaves are read where they are, in `x` and `data`; at least 1). The
    /// values of nodes evaluated per occurrence are kept besides, one double per `occurrence_nodes`.
    static constexpr std::size_t stored_values = detail::plan_of<type>.values;
    /// Doubles of adjoint storage beside the gradient: one per node that needs an adjoint, owns it and is
    /// not a variable (the variables' adjoints are the gradient itself; at least 1).
    static constexpr std::size_t stored_adjoints = detail::plan_of<type>.adjoints;
    /// Graph nodes that need an adjoint: a variable is at or below them (variables included). The others
    /// (data, constants and what is built from them alone) get no adjoint and no backward statement.
    static constexpr std::size_t nodes_with_adjoint = detail::count_set(detail::plan_of<type>.needs_adjoint);
    /// Graph nodes whose adjoint is their only user's, which passes it through unchanged (`a` in `a + b`):
    /// they read that storage, no copy is made, and the edge into them has no backward statement.
    static constexpr std::size_t shared_adjoints = detail::count_set(detail::plan_of<type>.shares_adjoint);

    // The lecture's comparison, over every leaf (variables, data and constants). A multiplication
    // is a local derivative times the product so far, starting from the seed dL/dL = 1; factors equal to 1
    // (a sum's) count too.
    /// Root-to-leaf paths (to variables, data and constants).
    static constexpr double leaf_paths = detail::facts<type>.leaf_path_count;
    /// Path enumeration, every path's product computed on its own (the lecture's formula as written):
    /// the sum of the paths' lengths in edges (`path_enumeration_value_and_grad`).
    static constexpr double enumeration_products = detail::facts<type>.leaf_path_edges;
    /// The tree walk without memoization, the running product passed down: one per edge of the expression
    /// written out as a tree (`path_sum_value_and_grad`).
    static constexpr double tree_walk_products = detail::facts<type>.tree_size - 1.0;
    /// Memoized backpropagation: one per edge of the graph, each adjoint computed once (`value_and_grad`;
    /// the same number as `backward_ops` and `edges`, factors of 1 included, as above; the statements the
    /// generated pass runs are `backward_statements`).
    static constexpr double memoized_products = static_cast<double>(edges);

    // Forward mode against reverse mode, counted the same way (every factor, one per edge and pass).
    /// Tangent passes of forward mode for the whole gradient (`forward_mode_gradient`): one per distinct
    /// variable. Reverse mode (`value_and_grad`) needs one backward pass for the one output.
    static constexpr std::size_t forward_mode_passes = inputs;
    /// Forward mode's multiplications of a local derivative for the whole gradient: one per edge in each
    /// of its passes, `forward_mode_passes` × `edges`; reverse mode's are `memoized_products`.
    static constexpr double forward_mode_products = static_cast<double>(forward_mode_passes * edges);

    /// The same counts for the derivative with respect to one leaf, `Leaf` (a `var<I>` or `data<J>` type).
    template <class Leaf>
    struct toward {
        /// Paths from the root down to Leaf.
        static constexpr double paths = detail::paths_to<type, Leaf>;
        /// Path enumeration: the lengths of those paths, summed.
        static constexpr double enumeration_products = detail::path_edges_to<type, Leaf>;
        /// Tree walk: tree edges on a path down to Leaf.
        static constexpr double tree_walk_products = detail::tree_edges_to<type, Leaf>;
        /// Memoized: graph edges on a path down to Leaf, each once.
        static constexpr double memoized_products = static_cast<double>(detail::graph_edges_to<type, Leaf>);
    };
};

}  // namespace memograd
