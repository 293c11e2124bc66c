#pragma once
/// @file
/// @brief Forward mode: derivatives carried from the inputs up, one tangent pass per direction.
///
/// Reverse mode (value_and_grad) pushes adjoints \f$\bar v = \partial L/\partial v\f$ from the root down
/// and gets every entry of the gradient from one backward pass. Forward mode pushes *tangents* up: for a
/// direction \f$d\f$ in input space, each node's tangent \f$\dot v = \nabla v \cdot d\f$ follows from its
/// operands' tangents,
/// \f[ \dot y = \frac{\partial y}{\partial a}\,\dot a + \frac{\partial y}{\partial b}\,\dot b , \f]
/// and the root's tangent is the directional derivative \f$\nabla L \cdot d\f$, a Jacobian-vector
/// product (JVP). One pass gives one number; the whole gradient takes one pass per input, the unit
/// directions \f$e_k\f$. Both modes add up the same products of local derivatives, one per path (the
/// lecture's sum over paths); they only bracket them differently.
///
/// The passes run over the same compile-time graph as value_and_grad (graph_of, with the values where the
/// storage plan puts them), and a local derivative \f$\partial y/\partial a\f$ is the operation's backward
/// statement evaluated with the adjoint 1: each derivative is written once, in ops.hpp. Nodes with no
/// variable below them have tangent 0, and their statements and terms are left out, as the backward pass
/// leaves out their adjoints. Nodes evaluated per occurrence (a run-time double at or below them) get their
/// tangent per occurrence, walking the object as their values do (occurrences.hpp).

#include "../config.hpp"
#include "expression.hpp"
#include "graph.hpp"
#include "misuse.hpp"
#include "node.hpp"
#include "occurrences.hpp"
#include "ops.hpp"
#include "passes.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace memograd {

/// The result of `jvp`: the expression's value and its derivative along the direction.
struct value_and_derivative {
    double value;       ///< the expression's value at x
    double derivative;  ///< \f$\nabla f(x) \cdot d\f$: the directional derivative (the root's tangent)
};

namespace detail {

/// The adjoint a backward statement is handed to return the local derivative itself (1 · ∂y/∂a is exact).
inline constexpr double unit_adjoint = 1.0;

/// Is the tangent of node I of E possibly nonzero: is a variable at or below it?
template <class E, std::size_t I>
inline constexpr bool has_tangent = plan_of<E>.needs_adjoint[I];

/// The tangent of node C: a variable reads the direction, an operation its slot in `tangents`.
template <class E, std::size_t C>
MEMOGRAD_FORCE_INLINE constexpr double tangent_of(const double* direction, const double* tangents) {
    if constexpr (graph_of<E>.nodes[C].kind == node_kind::leaf) {
        return direction[as_constant<graph_of<E>.nodes[C].offset>];
    } else {
        return tangents[C];
    }
}

/// ∂(node I)/∂(operand S) · tangent of operand S. The local derivative is the backward statement of the
/// edge (passes.hpp) evaluated with the adjoint 1.
template <class E, std::size_t I, std::size_t S>
MEMOGRAD_FORCE_INLINE constexpr double tangent_term(const pass_arrays& a, const double* direction,
                                                    const double* tangents) {
    constexpr std::size_t c0 = graph_of<E>.nodes[I].child[0];
    constexpr std::size_t c1 = graph_of<E>.nodes[I].child[1];
    double partial = 0.0;
    call<graph_of<E>.nodes[I].op->backward[S][1]>(
        &unit_adjoint, value_at(a, as_constant<plan_of<E>.value_buffer[I]>, as_constant<plan_of<E>.value_offset[I]>),
        value_at(a, as_constant<plan_of<E>.value_buffer[c0]>, as_constant<plan_of<E>.value_offset[c0]>),
        value_at(a, as_constant<plan_of<E>.value_buffer[c1]>, as_constant<plan_of<E>.value_offset[c1]>), &partial);
    return partial * tangent_of<E, graph_of<E>.nodes[I].child[S]>(direction, tangents);
}

/// The tangent statement of node I: \f$\dot y = \sum_S \partial y/\partial \mathrm{operand}_S \cdot
/// \dot{\mathrm{operand}}_S\f$ over the operands that have a tangent. Leaves have none to compute.
template <class E, std::size_t I>
MEMOGRAD_FORCE_INLINE constexpr void tangent_statement(const pass_arrays& a, const double* direction,
                                                       double* tangents) {
    if constexpr (graph_of<E>.nodes[I].kind == node_kind::operation && has_tangent<E, I>) {
        constexpr bool first = has_tangent<E, graph_of<E>.nodes[I].child[0]>;
        constexpr bool second = graph_of<E>.nodes[I].arity == 2 && has_tangent<E, graph_of<E>.nodes[I].child[1]>;
        if constexpr (first && second) {
            tangents[I] = tangent_term<E, I, 0>(a, direction, tangents) + tangent_term<E, I, 1>(a, direction, tangents);
        } else if constexpr (first) {
            tangents[I] = tangent_term<E, I, 0>(a, direction, tangents);
        } else {
            tangents[I] = tangent_term<E, I, 1>(a, direction, tangents);
        }
    }
}

template <class E, std::size_t... I>
MEMOGRAD_BLOCK constexpr void tangent_block(const pass_arrays& a, const double* direction, double* tangents,
                                            std::index_sequence<I...>) {
    (tangent_statement<E, I>(a, direction, tangents), ...);
}
template <class E, std::size_t... B>
MEMOGRAD_FORCE_INLINE constexpr void tangent_blocks(const pass_arrays& a, const double* direction, double* tangents,
                                                    std::index_sequence<B...>) {
    constexpr std::size_t n = graph_of<E>.size();
    (tangent_block<E>(a, direction, tangents, offset_sequence<B * block_size>(block_indices<n, B>{})), ...);
}

/// One tangent pass: every graph node's tangent along `direction`, operands first, in blocks of
/// `block_size` statements (the values must be in place: forward_pass).
template <class E>
MEMOGRAD_FORCE_INLINE constexpr void tangent_pass(const pass_arrays& a, const double* direction, double* tangents) {
    constexpr std::size_t n = graph_of<E>.size();
    tangent_blocks<E>(a, direction, tangents, std::make_index_sequence<(n + block_size - 1) / block_size>{});
}

/// The tangent of an occurrence of node type T in E (a node with a run-time double at or below it):
/// the same statement, its operands' tangents read from the graph's tangents or computed per occurrence.
template <class E, class T>
struct occurrence_tangent {
    using walk = occurrence<E, T>;
    using op = typename walk::op;

    template <std::size_t S>
    static constexpr double operand_tangent(const T& node, const pass_arrays& a, const double* tape,
                                            const double* direction, const double* tangents) {
        using A = operand_type<T, S>;
        if constexpr (facts<A>.holds_run_time_scalar) {
            return occurrence_tangent<E, A>::tangent(traits_of<T>::template operand<S>(node), a,
                                                     tape + walk::operand_start[S], direction, tangents);
        } else if constexpr (has_tangent<E, index_of<E, A>>) {
            return tangent_of<E, index_of<E, A>>(direction, tangents);
        } else {
            return 0.0;
        }
    }
    /// \f$\dot y\f$ for this occurrence (its value and those below it are in `tape`: occurrence::forward).
    static constexpr double tangent(const T& node, const pass_arrays& a, const double* tape, const double* direction,
                                    const double* tangents) {
        rule::point p = walk::operands(node, a, tape);
        p.v = tape[walk::own_slot];
        double t = derivative_rule<op, 0>()(p) * operand_tangent<0>(node, a, tape, direction, tangents);
        if constexpr (walk::arity == 2) {
            t += derivative_rule<op, 1>()(p) * operand_tangent<1>(node, a, tape, direction, tangents);
        }
        return t;
    }
};

/// Forward mode over E at x: the values once, then `tangents_along(direction, out)` per direction.
template <class E, std::size_t K>
class forward_mode_evaluation {
public:
    constexpr forward_mode_evaluation(const E& expr, const std::array<double, K>& x, const double* data)
        : expr_(expr), arrays_(pass_arrays::of({x.data(), data, nullptr}, values_.data(), nullptr, nullptr)) {
        value_ = forward_value<E>(expr_, arrays_, tape_.data());
    }
    forward_mode_evaluation(const forward_mode_evaluation&) = delete;  // arrays_ points into this object
    forward_mode_evaluation& operator=(const forward_mode_evaluation&) = delete;
    /// The expression's value.
    [[nodiscard]] constexpr double value() const { return value_; }
    /// One tangent pass: the root's tangent along `direction`.
    constexpr double tangent(const double* direction) {
        tangent_pass<E>(arrays_, direction, tangents_.data());
        if constexpr (!graph_of<E>.root_is_node) {
            return occurrence_tangent<E, E>::tangent(expr_, arrays_, tape_.data(), direction, tangents_.data());
        } else if constexpr (has_tangent<E, n - 1>) {
            return tangent_of<E, n - 1>(direction, tangents_.data());
        } else {
            return 0.0;  // no variable in the expression
        }
    }

private:
    static constexpr std::size_t n = graph_of<E>.size();
    const E& expr_;
    // Written before read, statement by statement (as in value_and_grad): no zeroing.
    std::array<double, plan_of<E>.values> values_;                       // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, n> tangents_;                                     // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, std::max<std::size_t>(facts<E>.occurrence_count, 1)> tape_;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    pass_arrays arrays_;
    double value_ = 0.0;
};

/// The offsets of E's distinct variables in x, ascending: one tangent pass each.
template <class E>
inline constexpr auto variable_offsets = [] {
    constexpr auto& g = graph_of<E>;
    std::array<std::size_t, g.variables> offsets{};
    std::size_t v = 0;
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (g.nodes[i].kind == node_kind::leaf && g.nodes[i].array == 0) {
            offsets[v++] = g.nodes[i].offset;
        }
    }
    std::ranges::sort(offsets);
    return offsets;
}();

template <class E, std::size_t K>
constexpr value_and_derivative generated_jvp(const E& expr, const std::array<double, K>& x,
                                             const std::array<double, K>& direction, const double* data) {
    forward_mode_evaluation<E, K> evaluation(expr, x, data);
    return {evaluation.value(), evaluation.tangent(direction.data())};
}

template <class E, std::size_t K>
constexpr value_and_gradient<K> generated_forward_mode_gradient(const E& expr, const std::array<double, K>& x,
                                                                const double* data) {
    forward_mode_evaluation<E, K> evaluation(expr, x, data);
    value_and_gradient<K> out{evaluation.value(), {}};
    std::array<double, K> direction{};
    for (const std::size_t k : variable_offsets<E>) {  // e_k, one pass each; unused entries of x keep 0
        direction[k] = 1.0;
        out.grad[k] = evaluation.tangent(direction.data());
        direction[k] = 0.0;
    }
    return out;
}

}  // namespace detail

/// The value of `expr` at `x` and its directional derivative \f$\nabla \mathrm{expr}(x) \cdot d\f$ along
/// `direction` = d, by one forward-mode tangent pass (a Jacobian-vector product); usable in constant
/// expressions.
/// @snippet tests/forward_mode.cpp jvp
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr value_and_derivative jvp(const E& expr, const std::array<double, K>& x, const std::array<double, K>& direction) {
    return detail::generated_jvp(expr, x, direction, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves: `data[J]` (not differentiated).
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr value_and_derivative jvp(const E& expr, const std::array<double, K>& x, const std::array<double, K>& direction,
                                   const std::array<double, M>& data) {
    return detail::generated_jvp(expr, x, direction, data.data());
}

/// The value of `expr` at `x` and its gradient by forward mode: one tangent pass per distinct variable
/// (`stats<E>::forward_mode_passes`), along each unit direction. The same result as `value_and_grad`, which
/// needs one backward pass for all of them; usable in constant expressions.
/// @snippet tests/forward_mode.cpp forward_mode_gradient
template <Expression E, std::size_t K>
    requires detail::leaves_fit<E, K, 0, 0>
constexpr value_and_gradient<K> forward_mode_gradient(const E& expr, const std::array<double, K>& x) {
    return detail::generated_forward_mode_gradient(expr, x, nullptr);
}

/// The same, for an expression that also reads `data<J>` leaves: `data[J]` (not differentiated).
template <Expression E, std::size_t K, std::size_t M>
    requires detail::leaves_fit<E, K, M, 0>
constexpr value_and_gradient<K> forward_mode_gradient(const E& expr, const std::array<double, K>& x,
                                                      const std::array<double, M>& data) {
    return detail::generated_forward_mode_gradient(expr, x, data.data());
}

/// @cond MEMOGRAD_INTERNAL
template <class E, class X, class Problem = misuse::first_argument_is_not_a_memograd_expression_fix_build_it_from_var_I_operators_and_functions>
    requires(!Expression<E>)
void forward_mode_gradient(const E&, const X&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void forward_mode_gradient(const E&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument>
    requires(detail::graph_of<E>.variable_extent <= K && detail::graph_of<E>.data_extent[0] > 0)
void forward_mode_gradient(const E&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one>
    requires(detail::graph_of<E>.variable_extent > K)
void jvp(const E&, const std::array<double, K>&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, class Problem = misuse::expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument>
    requires(detail::graph_of<E>.variable_extent <= K && detail::graph_of<E>.data_extent[0] > 0)
void jvp(const E&, const std::array<double, K>&, const std::array<double, K>&) = delete;
template <Expression E, std::size_t K, std::size_t L, class Problem = misuse::direction_and_x_differ_in_length_fix_pass_one_direction_entry_per_entry_of_x>
    requires(K != L)
void jvp(const E&, const std::array<double, K>&, const std::array<double, L>&) = delete;
/// @endcond

}  // namespace memograd
