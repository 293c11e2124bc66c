#pragma once
/// @file
/// @brief The one generator of forward and backward passes, for scalar and layer graphs alike.
///
/// For expression type E the compiler knows the graph (graph.hpp). A storage plan, computed at compile
/// time, places every node's value and adjoint; the forward pass is then one kernel call per distinct
/// node, children first, each value stored once and read by every user; the backward pass walks the same
/// nodes root first: a node's adjoint is complete when it is reached, because all its users come later in
/// post-order, and it is pushed to each operand once per edge.
///
/// Each statement is a call of a kernel whose address is a template argument, with pointers whose
/// offsets are template arguments too: no tape, no virtual call, no heap, and the templates instantiated
/// are one per *operation*, never one per node. A scalar operation's kernels evaluate its rules
/// (ops.hpp); a layer operation brings its own loops (nn/layer_graph.hpp).
///
/// The plan removes what need not run: nodes with no variable below them (data, constants) get no adjoint
/// and no backward statement; an operand used only by a node that passes its adjoint through unchanged
/// (`a` in `a + b`, `W h` in `W h + b`) shares that node's adjoint storage instead of copying it.

#include "../config.hpp"
#include "graph.hpp"
#include "kernels.hpp"
#include "node.hpp"
#include "ops.hpp"
#include "rule.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>

namespace memograd {

/// The result of `value_and_grad`: the expression's value and its gradient, `grad[i]` = d expr / d x[i].
template <std::size_t K>
struct value_and_gradient {
    double value;                ///< the expression's value
    std::array<double, K> grad;  ///< `grad[i]` = d expr / d `x[i]`
};

namespace detail {

// ---- the storage plan ----------------------------------------------------------------------------------
/// Where a value or an adjoint lives: one of the caller's arrays, or a buffer of the passes.
enum class buffer : unsigned char { array0, array1, array2, values, adjoints, gradient };

/// Where a pointer of a statement points: `offset` doubles into the array `pass_arrays` holds for `buffer`.
struct place {
    std::size_t array = 0;  ///< a buffer, as an index into pass_arrays::base
    std::size_t offset = 0;
};

/// One statement of a generated pass, as the passes read it: the kernel and where its pointers point.
struct statement {
    forward_kernel forward = nullptr;            ///< forward statements: out = op(in[0], in[1])
    backward_kernel backward[2] = {nullptr, nullptr};  ///< backward, [accumulate]: out ⟵ kernel(dy, y, a, b)
    place out;                                   ///< the value written, or the operand adjoint written
    place in[4];                                 ///< forward: a, b; backward: dy, y, a, b
};

/// Where each node's value and adjoint live, and the statements of both passes, decided at compile time.
template <std::size_t N>
struct storage_plan {
    std::array<buffer, N> value_buffer{};
    std::array<std::size_t, N> value_offset{};
    std::array<buffer, N> adjoint_buffer{};
    std::array<std::size_t, N> adjoint_offset{};
    std::array<bool, N> needs_adjoint{};          ///< a variable is at or below the node
    std::array<bool, N> shares_adjoint{};         ///< its adjoint storage is its only user's
    std::array<std::size_t, N> adjoint_owner{};   ///< the node that owns that storage (itself unless shared)
    /// The forward pass: one statement per operation and constant, operands first.
    std::array<statement, N> forward_code{};
    std::size_t forward_count = 0;
    /// The backward pass: one statement per edge that has work to do (the operand needs an adjoint of
    /// its own), root first, a node's slot 0 before its slot 1, as the graph's first uses assume.
    std::array<statement, 2 * N> backward_code{};
    std::size_t backward_count = 0;
    std::array<std::size_t, N> zeroed{};          ///< nodes whose adjoints per-occurrence nodes add to
    std::size_t zeroed_count = 0;
    std::size_t values = 1;                       ///< doubles of the values buffer (at least one)
    std::size_t adjoints = 1;                     ///< doubles of the adjoints buffer (at least one)
};

template <class E>
consteval auto make_plan() {
    constexpr auto& g = graph_of<E>;
    constexpr std::size_t n = g.size();
    storage_plan<n> plan;
    std::array<std::size_t, n> uses{};
    std::array<std::size_t, n> user{};
    std::array<std::size_t, n> user_slot{};
    std::size_t values = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const graph_node& node = g.nodes[i];
        if (node.kind == node_kind::leaf) {
            plan.value_buffer[i] = static_cast<buffer>(node.array);
            plan.value_offset[i] = node.offset;
            plan.needs_adjoint[i] = node.array == 0;
        } else {
            plan.value_buffer[i] = buffer::values;
            plan.value_offset[i] = values;
            values += node.rows * node.cols;
        }
        for (std::size_t s = 0; s < node.arity; ++s) {
            const std::size_t c = node.child[s];
            plan.needs_adjoint[i] = plan.needs_adjoint[i] || plan.needs_adjoint[c];
            ++uses[c];
            user[c] = i;
            user_slot[c] = s;
        }
    }
    std::size_t adjoints = 0;
    for (std::size_t i = n; i-- > 0;) {  // root first: a user's storage is placed before its operands'
        const graph_node& node = g.nodes[i];
        plan.adjoint_buffer[i] = buffer::adjoints;
        plan.adjoint_owner[i] = i;
        if (node.kind == node_kind::leaf && node.array == 0) {
            plan.adjoint_buffer[i] = buffer::gradient;
            plan.adjoint_offset[i] = node.offset;
        } else if (plan.needs_adjoint[i]) {
            const bool only_user_passes_through = uses[i] == 1 && !node.fed_by_occurrences &&
                                                  g.nodes[user[i]].op->passes_adjoint_through[user_slot[i]];
            if (only_user_passes_through) {
                plan.shares_adjoint[i] = true;
                plan.adjoint_owner[i] = plan.adjoint_owner[user[i]];
                plan.adjoint_offset[i] = plan.adjoint_offset[user[i]];
            } else {
                plan.adjoint_offset[i] = adjoints;
                adjoints += node.rows * node.cols;
                if (node.fed_by_occurrences) {
                    plan.zeroed[plan.zeroed_count++] = i;
                }
            }
        }
    }
    const auto value_place = [&](std::size_t i) {
        return place{static_cast<std::size_t>(plan.value_buffer[i]), plan.value_offset[i]};
    };
    const auto adjoint_place = [&](std::size_t i) {
        return place{static_cast<std::size_t>(plan.adjoint_buffer[i]), plan.adjoint_offset[i]};
    };
    for (std::size_t i = 0; i < n; ++i) {
        const graph_node& node = g.nodes[i];
        if (node.kind != node_kind::leaf) {
            plan.forward_code[plan.forward_count++] = {
                .forward = node.op->forward,
                .out = value_place(i),
                .in = {value_place(node.child[0]), value_place(node.child[1]), {}, {}}};
        }
    }
    for (std::size_t i = n; i-- > 0;) {
        const graph_node& node = g.nodes[i];
        for (std::size_t s = 0; s < node.arity; ++s) {
            const std::size_t c = node.child[s];
            if (!plan.needs_adjoint[c] || plan.shares_adjoint[c]) {
                continue;  // nothing below it to differentiate, or its adjoint is this node's own
            }
            const bool variable = plan.adjoint_buffer[c] == buffer::gradient;
            statement& st = plan.backward_code[plan.backward_count++];
            for (std::size_t accumulate = 0; accumulate < 2; ++accumulate) {
                const bool assign = node.first_use[s] && (accumulate == 0 || !variable);
                st.backward[accumulate] = node.op->backward[s][assign ? 1 : 0];
            }
            st.out = adjoint_place(c);
            st.in[0] = adjoint_place(i);
            st.in[1] = value_place(i);
            st.in[2] = value_place(node.child[0]);
            st.in[3] = value_place(node.child[1]);
        }
    }
    plan.values = std::max<std::size_t>(values, 1);
    plan.adjoints = std::max<std::size_t>(adjoints, 1);
    return plan;
}

/// The storage plan of expression type E, computed once per type.
template <class E>
inline constexpr auto plan_of = make_plan<E>();

/// Do E's variable leaves cover [0, K) exactly once, with no per-occurrence node adding to one? Then
/// every gradient entry is assigned by its first use and the gradient needs no zeroing.
template <class E, std::size_t K>
inline constexpr bool variables_tile = graph_of<E>.variables_tile && graph_of<E>.variable_extent == K;

// ---- the passes ----------------------------------------------------------------------------------------
/// The arrays one evaluation reads and writes, indexed by `buffer`: a statement's pointer is one array
/// access plus a constant offset. One pointer per array for reads and writes alike, so that the
/// optimizer sees two accesses of one buffer at different offsets as disjoint.
struct pass_arrays {
    /// The caller's arrays (0: the variables, 1 and 2: data), then values, adjoints and gradient. The
    /// caller's are never written through: every statement writes a value, an adjoint or the gradient.
    double* base[6];

    /// `array` the caller's (variables, data, second data); `gradient` null when only the forward pass runs.
    static constexpr pass_arrays of(const std::array<const double*, 3>& array, double* values, double* adjoints,
                                    double* gradient) {
        // NOLINTBEGIN(cppcoreguidelines-pro-type-const-cast): read only, see above
        return {.base = {const_cast<double*>(array[0]), const_cast<double*>(array[1]), const_cast<double*>(array[2]),
                         values, adjoints, gradient}};
        // NOLINTEND(cppcoreguidelines-pro-type-const-cast)
    }
};

/// A compile-time value as a constant the optimizer cannot miss (a template argument, not a load from
/// the plan's table).
template <auto V>
inline constexpr auto as_constant = V;

constexpr const double* value_at(const pass_arrays& a, buffer where, std::size_t offset) {
    return a.base[static_cast<std::size_t>(where)] + offset;
}
constexpr double* adjoint_at(const pass_arrays& a, buffer where, std::size_t offset) {
    return a.base[static_cast<std::size_t>(where)] + offset;
}

template <forward_kernel F>
MEMOGRAD_FORCE_INLINE constexpr void call(double* y, const double* a, const double* b) {
    F(y, a, b);
}
template <backward_kernel F>
MEMOGRAD_FORCE_INLINE constexpr void call(const double* dy, const double* y, const double* a, const double* b,
                                          double* d) {
    F(dy, y, a, b, d);
}

/// Indices per fold expression: Clang nests a fold at most 256 deep (`-fbracket-depth`).
inline constexpr std::size_t block_size = 128;

// The run-time functions below read the graph and the plan only inside constant expressions (template
// arguments, `if constexpr`), never through a reference: binding `const auto& p = plan_of<E>` odr-uses
// the tables, and the compiler then emits them, with every node type's record and every op's printers.

template <class E, std::size_t... I>
MEMOGRAD_BLOCK constexpr void forward_block(const pass_arrays& a, std::index_sequence<I...>) {
    (call<plan_of<E>.forward_code[I].forward>(
         a.base[plan_of<E>.forward_code[I].out.array] + plan_of<E>.forward_code[I].out.offset,
         a.base[plan_of<E>.forward_code[I].in[0].array] + plan_of<E>.forward_code[I].in[0].offset,
         a.base[plan_of<E>.forward_code[I].in[1].array] + plan_of<E>.forward_code[I].in[1].offset),
     ...);
}

/// One statement per edge with work to do: the node's adjoint pushed to the operand in that slot.
template <class E, bool Accumulate, std::size_t... I>
MEMOGRAD_BLOCK constexpr void backward_block(const pass_arrays& a, std::index_sequence<I...>) {
    (call<plan_of<E>.backward_code[I].backward[Accumulate]>(
         a.base[plan_of<E>.backward_code[I].in[0].array] + plan_of<E>.backward_code[I].in[0].offset,
         a.base[plan_of<E>.backward_code[I].in[1].array] + plan_of<E>.backward_code[I].in[1].offset,
         a.base[plan_of<E>.backward_code[I].in[2].array] + plan_of<E>.backward_code[I].in[2].offset,
         a.base[plan_of<E>.backward_code[I].in[3].array] + plan_of<E>.backward_code[I].in[3].offset,
         a.base[plan_of<E>.backward_code[I].out.array] + plan_of<E>.backward_code[I].out.offset),
     ...);
}

template <std::size_t Begin, std::size_t... I>
constexpr auto offset_sequence(std::index_sequence<I...>) {
    return std::index_sequence<(Begin + I)...>{};
}
template <std::size_t N, std::size_t B>
using block_indices = std::make_index_sequence<std::min(block_size, N - B * block_size)>;

template <class E, std::size_t... B>
MEMOGRAD_FORCE_INLINE constexpr void forward_blocks(const pass_arrays& a, std::index_sequence<B...>) {
    constexpr std::size_t n = plan_of<E>.forward_count;
    (forward_block<E>(a, offset_sequence<B * block_size>(block_indices<n, B>{})), ...);
}
template <class E, bool Accumulate, std::size_t... B>
MEMOGRAD_FORCE_INLINE constexpr void backward_blocks(const pass_arrays& a, std::index_sequence<B...>) {
    constexpr std::size_t n = plan_of<E>.backward_count;
    (backward_block<E, Accumulate>(a, offset_sequence<B * block_size>(block_indices<n, B>{})), ...);
}

/// Every node's value, children first, in blocks of `block_size` statements.
template <class E>
MEMOGRAD_FORCE_INLINE constexpr void forward_pass(const pass_arrays& a) {
    constexpr std::size_t n = plan_of<E>.forward_count;
    forward_blocks<E>(a, std::make_index_sequence<(n + block_size - 1) / block_size>{});
}

/// Zeroes the adjoints that per-occurrence nodes add to; call before they do.
template <class E, std::size_t... K>
constexpr void zero_fed_adjoints(const pass_arrays& a, std::index_sequence<K...>) {
    (std::fill_n(a.base[static_cast<std::size_t>(buffer::adjoints)] + as_constant<plan_of<E>.adjoint_offset[plan_of<E>.zeroed[K]]>,
                 as_constant<graph_of<E>.nodes[plan_of<E>.zeroed[K]].rows * graph_of<E>.nodes[plan_of<E>.zeroed[K]].cols>,
                 0.0),
     ...);
}
template <class E>
constexpr void zero_fed_adjoints(const pass_arrays& a) {
    zero_fed_adjoints<E>(a, std::make_index_sequence<plan_of<E>.zeroed_count>{});
}

/// Seeds the root's adjoint (when the root is a graph node) and runs every backward statement, root
/// first. `Accumulate`: variables' adjoints are added to (a batch), never assigned.
template <class E, bool Accumulate>
MEMOGRAD_FORCE_INLINE constexpr void backward_pass(const pass_arrays& a, double seed) {
    constexpr std::size_t n = graph_of<E>.size();
    if constexpr (graph_of<E>.root_is_node) {
        if constexpr (!plan_of<E>.needs_adjoint[n - 1]) {
            return;  // no variable in the graph
        } else {
            double* root = adjoint_at(a, plan_of<E>.adjoint_buffer[n - 1], plan_of<E>.adjoint_offset[n - 1]);
            if constexpr (Accumulate && plan_of<E>.adjoint_buffer[n - 1] == buffer::gradient) {
                *root += seed;
            } else {
                *root = seed;
            }
        }
    }
    constexpr std::size_t statements = plan_of<E>.backward_count;
    backward_blocks<E, Accumulate>(a, std::make_index_sequence<(statements + block_size - 1) / block_size>{});
}

}  // namespace detail
}  // namespace memograd
