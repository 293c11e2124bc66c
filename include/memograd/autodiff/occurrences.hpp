#pragma once
/// @file
/// @brief Nodes evaluated once per occurrence: those with a run-time double at or below them.
///
/// Two objects of type `with_scalar<add_scalar, X>` may hold different numbers (`x + 1.0` and `x + 2.0`),
/// so such nodes, and every node above one, cannot be merged by type. They are evaluated by walking the
/// object: each occurrence once forward (its value stored in a tape slot whose position is known at
/// compile time) and once backward. Their operands that hold no run-time double are ordinary graph nodes,
/// computed once by the generated passes; the walk reads their values and adds to their adjoints. The
/// walk's templates are instantiated once per node *type*; its run time is proportional to the object.

#include "../config.hpp"
#include "graph.hpp"
#include "node.hpp"
#include "ops.hpp"
#include "passes.hpp"
#include "rule.hpp"

#include <array>
#include <cstddef>

namespace memograd::detail {

/// The per-occurrence walk of node type T inside expression E.
template <class E, class T>
struct occurrence {
    using traits = traits_of<T>;
    using op = typename traits::op;
    static constexpr std::size_t arity = arity_of<T>();
    /// Where each operand's occurrences start in T's part of the tape; T's own value is last.
    static constexpr std::size_t operand_start[2] = {0, facts<operand_type<T, 0>>.occurrence_count};
    static constexpr std::size_t own_slot = facts<T>.occurrence_count - 1;

    /// Evaluates operand S's occurrences into the tape (a graph-node operand is already computed).
    template <std::size_t S>
    static constexpr void operand_forward(const T& node, const pass_arrays& a, double* tape) {
        using A = operand_type<T, S>;
        if constexpr (facts<A>.holds_run_time_scalar) {
            occurrence<E, A>::forward(traits::template operand<S>(node), a, tape + operand_start[S]);
        }
    }
    template <std::size_t S>
    static constexpr double operand_value(const pass_arrays& a, const double* tape) {
        using A = operand_type<T, S>;
        if constexpr (facts<A>.holds_run_time_scalar) {
            return tape[operand_start[S] + facts<A>.occurrence_count - 1];
        } else {
            constexpr std::size_t i = index_of<E, A>;
            return *value_at(a, plan_of<E>.value_buffer[i], plan_of<E>.value_offset[i]);
        }
    }
    static constexpr rule::point operands(const T& node, const pass_arrays& a, const double* tape) {
        rule::point p;
        p.a = operand_value<0>(a, tape);
        if constexpr (arity == 2) {
            p.b = operand_value<1>(a, tape);
        }
        if constexpr (ScalarOperationNode<T>) {
            p.c = traits::scalar(node);
        }
        return p;
    }

    /// Evaluates this occurrence and those below it into `tape`; returns its value.
    static constexpr double forward(const T& node, const pass_arrays& a, double* tape) {
        operand_forward<0>(node, a, tape);
        if constexpr (arity == 2) {
            operand_forward<1>(node, a, tape);
        }
        return tape[own_slot] = op::value(operands(node, a, tape));
    }

    template <std::size_t S>
    static constexpr void push(const T& node, const pass_arrays& a, const double* tape, const rule::point& p) {
        using A = operand_type<T, S>;
        const double to_operand = adjoint_rule<op, S>(p);
        if constexpr (facts<A>.holds_run_time_scalar) {
            occurrence<E, A>::backward(traits::template operand<S>(node), a, tape + operand_start[S], to_operand);
        } else {
            constexpr std::size_t i = index_of<E, A>;
            if constexpr (plan_of<E>.needs_adjoint[i]) {
                *adjoint_at(a, plan_of<E>.adjoint_buffer[i], plan_of<E>.adjoint_offset[i]) += to_operand;
            }
        }
    }
    /// Sends `adjoint` (d root / d this occurrence) to the operands.
    static constexpr void backward(const T& node, const pass_arrays& a, const double* tape, double adjoint) {
        rule::point p = operands(node, a, tape);
        p.v = tape[own_slot];
        p.d = adjoint;
        push<0>(node, a, tape, p);
        if constexpr (arity == 2) {
            push<1>(node, a, tape, p);
        }
    }
};

/// The generated forward pass, then the expression's value: the root's stored value, or, when a run-time
/// double sits at the root, the walk over the object's occurrences (which writes their values to `tape`
/// for the backward walk; `tape` is empty when the root is a graph node).
template <class E>
MEMOGRAD_FORCE_INLINE constexpr double forward_value(const E& expr, const pass_arrays& arrays, double* tape) {
    forward_pass<E>(arrays);
    if constexpr (graph_of<E>.root_is_node) {
        constexpr std::size_t n = graph_of<E>.size();
        return *value_at(arrays, plan_of<E>.value_buffer[n - 1], plan_of<E>.value_offset[n - 1]);
    } else {
        return occurrence<E, E>::forward(expr, arrays, tape);
    }
}

}  // namespace memograd::detail
