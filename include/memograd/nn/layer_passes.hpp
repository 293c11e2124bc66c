#pragma once
/// @file
/// @brief Evaluating layer graphs: value, gradient and batches, by the one pass generator.
///
/// A layer graph goes through the same machinery as a scalar expression: graph.hpp analyses its type,
/// passes.hpp plans its storage and generates its forward and backward passes. The parameters are the
/// differentiated array (array 0), the sample and the target are data (arrays 1 and 2). In a network the
/// adjoint of each layer's `W h + b` is the layer's delta: computed once, read by dW, db and the layer
/// below; the plan lets `W h` share it rather than copy it (`plus` passes its adjoint through).

#include "../autodiff/expression.hpp"  // is_double_array
#include "../autodiff/graph.hpp"
#include "../autodiff/passes.hpp"
#include "layer_graph.hpp"
#include "misuse.hpp"

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>

namespace memograd::nn {
namespace detail {

using memograd::detail::graph_of;
using memograd::detail::plan_of;

/// The value of node `i` after a forward pass.
template <class E>
constexpr const double* root_value(const memograd::detail::pass_arrays& a) {
    constexpr std::size_t root = graph_of<E>.size() - 1;
    return memograd::detail::value_at(a, plan_of<E>.value_buffer[root], plan_of<E>.value_offset[root]);
}

/// A scalar layer graph: one row, one column (a loss).
template <class E>
inline constexpr bool is_scalar = rows_of<E> == 1 && cols_of<E> == 1;

/// Does every operand slot that a parameter reaches have a backward kernel? A slot without one (at or past
/// its op's `differentiable_operands`, e.g. the target of a loss without `derivative<N, 1>`) would leave the
/// adjoint below it unwritten. With every such slot differentiated, each adjoint the backward pass reads is
/// written first: a node's first use assigns it, every kernel assigns all its entries.
template <class E>
inline constexpr bool parameters_reach_only_differentiated_operands = [] {
    constexpr auto& g = graph_of<E>;
    for (std::size_t i = 0; i < g.size(); ++i) {
        for (std::size_t s = 0; s < g.nodes[i].arity; ++s) {
            if (plan_of<E>.needs_adjoint[g.nodes[i].child[s]] &&
                g.nodes[i].op->backward[s][1] == &memograd::detail::no_backward) {
                return false;
            }
        }
    }
    return true;
}();

/// What is wrong with a call, the first problem found (none: the call is taken).
enum class fault : unsigned char {
    none,
    not_scalar,         ///< value_and_grad of a vector
    parameters,         ///< a parameter block past the end of p
    sample,             ///< the input vector past the end of x
    target,             ///< the target vector past the end of y
    target_in_evaluate, ///< evaluate of a graph that reads a target
    undifferentiated,   ///< a parameter reaches an operand slot without a backward kernel
    mlp_parameters,     ///< mlp: p is not parameter_count long
    mlp_input,          ///< mlp: x is not input_size long
    mlp_target          ///< mlp: y is not output_size long
};
/// The misuse tag of each fault, in the enum's order.
using problems = std::tuple<
    void, misuse::expression_is_a_vector_not_a_scalar_fix_take_the_gradient_of_loss_Loss_of_it_and_a_target_vector_N,
    misuse::a_parameter_block_reads_past_the_end_of_p_fix_pass_p_with_Offset_plus_Rows_times_Cols_entries_for_the_last_block,
    misuse::the_input_vector_reads_past_the_end_of_x_fix_pass_x_with_N_entries_for_input_vector_N,
    misuse::the_target_vector_reads_past_the_end_of_y_fix_pass_y_with_N_entries_for_target_vector_N,
    misuse::evaluate_takes_no_target_but_the_expression_reads_one_fix_evaluate_the_outputs_or_call_value_and_grad,
    misuse::a_parameter_reaches_an_operand_that_is_not_differentiated_fix_give_the_loss_derivative_N_1_or_make_the_target_a_target_vector,
    misuse::p_does_not_have_parameter_count_entries_fix_pass_mlp_parameters,
    misuse::x_does_not_have_input_size_entries_fix_pass_mlp_input_the_first_of_Sizes,
    misuse::the_target_y_does_not_have_output_size_entries_fix_pass_mlp_output_the_last_of_Sizes>;
template <fault F>
using problem = std::tuple_element_t<static_cast<std::size_t>(F), problems>;

/// Where the leaves of layer graph E read past arrays of P parameters, K inputs and M targets, if they do.
template <class E, std::size_t P, std::size_t K, std::size_t M>
consteval fault extent_fault() {
    constexpr auto& g = graph_of<E>;
    return g.variable_extent > P ? fault::parameters
           : g.data_extent[0] > K ? fault::sample
           : g.data_extent[1] > M ? fault::target
                                  : fault::none;
}
/// `value_and_grad(expr, p, x, y)`'s problem with E and arrays of P, K and M doubles. Computed for layer
/// graphs only (a deleted overload's default argument names it before its constraints are checked).
template <class E, std::size_t P, std::size_t K, std::size_t M>
consteval fault gradient_fault_of() {
    if constexpr (!LayerExpression<E>) {
        return fault::none;  // not a layer graph: another overload's problem
    } else if constexpr (!is_scalar<E>) {
        return fault::not_scalar;
    } else if constexpr (extent_fault<E, P, K, M>() != fault::none) {
        return extent_fault<E, P, K, M>();
    } else {
        return parameters_reach_only_differentiated_operands<E> ? fault::none : fault::undifferentiated;
    }
}
template <class E, std::size_t P, std::size_t K, std::size_t M>
inline constexpr fault gradient_fault = gradient_fault_of<E, P, K, M>();
/// `evaluate(expr, p, x)`'s problem with E and arrays of P and K doubles (layer graphs only, as above).
template <class E, std::size_t P, std::size_t K>
consteval fault evaluation_fault_of() {
    if constexpr (!LayerExpression<E>) {
        return fault::none;
    } else {
        return graph_of<E>.data_extent[1] > 0 ? fault::target_in_evaluate : extent_fault<E, P, K, 0>();
    }
}
template <class E, std::size_t P, std::size_t K>
inline constexpr fault evaluation_fault = evaluation_fault_of<E, P, K>();

/// Every type a `std::array<double, N>`.
template <class... T>
concept double_arrays = (memograd::detail::is_double_array<T> && ...);
/// A batch: contiguous `std::array<double, N>`s with `data()` and `size()` (a vector, a span, an array of
/// them). Spelled without <ranges>: including it took 17 MB more to compile
/// examples/compile_time_training.cpp, on GCC 12 and Clang 19 alike.
template <class R>
concept batch = memograd::detail::is_double_array<typename R::value_type> && requires(const R& r) {
    { r.data() } -> std::convertible_to<const typename R::value_type*>;
    { r.size() } -> std::convertible_to<std::size_t>;
};
/// N, for a batch of `std::array<double, N>`.
template <batch R>
inline constexpr std::size_t entry_size = std::tuple_size_v<typename R::value_type>;

}  // namespace detail

/// What the compiler found in layer graph E and what its generated passes store, as constants.
/// @snippet tests/nn_static.cpp layer_stats
template <LayerExpression E>
struct layer_stats {
    /// @cond MEMOGRAD_INTERNAL
    static constexpr auto& graph = memograd::detail::graph_of<std::remove_cvref_t<E>>;
    static constexpr auto& plan = memograd::detail::plan_of<std::remove_cvref_t<E>>;
    static constexpr std::size_t count(const auto& flags) {
        return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
    }
    /// @endcond
    /// Distinct nodes, leaves included: a leaf or subexpression used twice counts once.
    static constexpr std::size_t nodes = graph.size();
    /// Distinct leaves (samples, parameter blocks, targets).
    static constexpr std::size_t leaves = graph.leaves;
    /// Operation nodes: one kernel call each in the forward pass.
    static constexpr std::size_t operations = nodes - leaves;
    /// Operand slots over all nodes: at most one backward kernel call each.
    static constexpr std::size_t edges = graph.edges;
    /// Doubles the forward pass stores: every operation's value, once.
    static constexpr std::size_t values = plan.values;
    /// Doubles of adjoint storage the backward pass uses (parameters' adjoints are the gradient itself).
    static constexpr std::size_t adjoints = plan.adjoints;
    /// Nodes that need an adjoint: a parameter is at or below them. The others get no backward statement.
    static constexpr std::size_t nodes_with_adjoint = count(plan.needs_adjoint);
    /// Operands whose adjoint storage is their only user's (`W h` in `W h + b`): no copy is made.
    static constexpr std::size_t shared_adjoints = count(plan.shares_adjoint);
};

/// The values of layer graph `expr` (a vector) for parameters `p` and input `x`, as a
/// `std::array<double, rows>` (`rows` the length of `expr`'s value).
///
/// Constrained: `p` and `x` are `std::array<double, N>`s that every leaf of `expr` reads inside, and
/// `expr` reads no target. Any other call selects a deleted overload whose `Problem` names the misuse.
template <LayerExpression E, std::size_t P, std::size_t K>
    requires(detail::evaluation_fault<E, P, K> == detail::fault::none)
constexpr auto evaluate(const E&, const std::array<double, P>& p, const std::array<double, K>& x) {
    // The return type is deduced: Clang 19 forms a declared one before it checks the constraints, and
    // the length of a value is not defined for a type that is not a node.
    constexpr auto& plan = detail::plan_of<E>;
    std::array<double, plan.values> values{};
    const auto arrays = memograd::detail::pass_arrays::of({p.data(), x.data(), nullptr}, values.data(), nullptr, nullptr);
    memograd::detail::forward_pass<E>(arrays);
    std::array<double, detail::rows_of<E>> out{};
    const double* root = detail::root_value<E>(arrays);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i] = root[i];
    }
    return out;
}

/// The value of the scalar layer graph `expr` (a loss) and its gradient with respect to the parameters.
///
/// Constrained (`requires` over a misuse is false; a call names the misuse and its fix): `expr` is a
/// scalar, `p`, `x` and `y` are `std::array<double, N>`s that its leaves read inside, and every operand a
/// parameter reaches is differentiated — a loss's target may be computed from parameters when the loss
/// gives `derivative<N, 1>`, as every loss of loss.hpp does.
/// @snippet tests/nn_static.cpp layer_graph
template <LayerExpression E, std::size_t P, std::size_t K, std::size_t M>
    requires(detail::gradient_fault<E, P, K, M> == detail::fault::none)
constexpr value_and_gradient<P> value_and_grad(const E&, const std::array<double, P>& p,
                                               const std::array<double, K>& x, const std::array<double, M>& y) {
    constexpr auto& plan = detail::plan_of<E>;
    // Each entry is written before it is read (first uses assign, and every operand a parameter reaches
    // has a backward kernel: gradient_fault): no zeroing.
    std::array<double, plan.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    value_and_gradient<P> out;  // NOLINT(cppcoreguidelines-pro-type-member-init): zeroed below unless tiled
    constexpr bool tiled = memograd::detail::variables_tile<E, P>;
    if constexpr (!tiled) {
        out.grad.fill(0.0);  // and every contribution is added: blocks may overlap
    }
    const auto arrays = memograd::detail::pass_arrays::of({p.data(), x.data(), y.data()}, values.data(), adjoints.data(), out.grad.data());
    memograd::detail::forward_pass<E>(arrays);
    memograd::detail::backward_pass<E, !tiled>(arrays, 1.0);
    out.value = *detail::root_value<E>(arrays);
    return out;
}

/// Mean value and mean gradient of the scalar layer graph `expr` over a batch of inputs `xs` and targets
/// `ys`, each contiguous `std::array<double, N>`s with `data()` and `size()` (a `std::vector`, a
/// `std::span`, a `std::array` of them). Every sample's backward pass is seeded with 1/batch and adds
/// into one gradient. Constrained as `value_and_grad`, per sample and target.
/// @throws std::invalid_argument if the batch is empty or `xs` and `ys` differ in length.
template <LayerExpression E, std::size_t P, class Xs, class Ys>
    requires detail::batch<Xs> && detail::batch<Ys> &&
             (detail::gradient_fault<E, P, detail::entry_size<Xs>, detail::entry_size<Ys>> == detail::fault::none)
constexpr value_and_gradient<P> batch_value_and_grad(const E&, const std::array<double, P>& p, const Xs& xs,
                                                     const Ys& ys) {
    if (xs.size() == 0 || xs.size() != ys.size()) {
        throw std::invalid_argument("memograd::nn::batch_value_and_grad: inputs and targets must be non-empty and "
                                    "of equal length");
    }
    constexpr auto& plan = detail::plan_of<E>;
    std::array<double, plan.values> values;      // NOLINT(cppcoreguidelines-pro-type-member-init)
    std::array<double, plan.adjoints> adjoints;  // NOLINT(cppcoreguidelines-pro-type-member-init)
    value_and_gradient<P> out{0.0, {}};
    const std::size_t n = xs.size();
    const double weight = 1.0 / static_cast<double>(n);
    for (std::size_t s = 0; s < n; ++s) {
        const double* x = xs.data()[s].data();
        const double* y = ys.data()[s].data();
        const auto arrays = memograd::detail::pass_arrays::of({p.data(), x, y}, values.data(), adjoints.data(), out.grad.data());
        memograd::detail::forward_pass<E>(arrays);
        memograd::detail::backward_pass<E, true>(arrays, weight);
        out.value += weight * *detail::root_value<E>(arrays);
    }
    return out;
}

/// @cond MEMOGRAD_INTERNAL
// ---- misuse: a deleted overload per kind of argument, the problem computed (detail::fault) ----
template <class E, class P, class X, class Problem = misuse::first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators>
    requires(!Node<E>)
void evaluate(const E&, const P&, const X&) = delete;
template <LayerExpression E, class P, class X, class Problem = misuse::p_x_and_y_must_be_std_array_of_double_fix_pass_std_array_double_N_for_each>
    requires(!detail::double_arrays<P, X>)
void evaluate(const E&, const P&, const X&) = delete;
template <LayerExpression E, std::size_t P, std::size_t K, class Problem = detail::problem<detail::evaluation_fault<E, P, K>>>
    requires(detail::evaluation_fault<E, P, K> != detail::fault::none)
void evaluate(const E&, const std::array<double, P>&, const std::array<double, K>&) = delete;

template <class E, class P, class X, class Y, class Problem = misuse::first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators>
    requires(!LayerExpression<E>)
void value_and_grad(const E&, const P&, const X&, const Y&) = delete;
template <LayerExpression E, class P, class X, class Y, class Problem = misuse::p_x_and_y_must_be_std_array_of_double_fix_pass_std_array_double_N_for_each>
    requires(!detail::double_arrays<P, X, Y>)
void value_and_grad(const E&, const P&, const X&, const Y&) = delete;
template <LayerExpression E, std::size_t P, std::size_t K, std::size_t M, class Problem = detail::problem<detail::gradient_fault<E, P, K, M>>>
    requires(detail::gradient_fault<E, P, K, M> != detail::fault::none)
void value_and_grad(const E&, const std::array<double, P>&, const std::array<double, K>&,
                    const std::array<double, M>&) = delete;

template <class E, class P, class Xs, class Ys, class Problem = misuse::first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators>
    requires(!LayerExpression<E>)
void batch_value_and_grad(const E&, const P&, const Xs&, const Ys&) = delete;
template <LayerExpression E, class P, class Xs, class Ys, class Problem = misuse::a_batch_is_p_then_ranges_of_std_array_of_double_fix_pass_a_vector_or_span_of_std_array_double_N>
    requires(!(detail::double_arrays<P> && detail::batch<Xs> && detail::batch<Ys>))
void batch_value_and_grad(const E&, const P&, const Xs&, const Ys&) = delete;
template <LayerExpression E, std::size_t P, detail::batch Xs, detail::batch Ys,
          class Problem = detail::problem<detail::gradient_fault<E, P, detail::entry_size<Xs>, detail::entry_size<Ys>>>>
    requires(detail::gradient_fault<E, P, detail::entry_size<Xs>, detail::entry_size<Ys>> != detail::fault::none)
void batch_value_and_grad(const E&, const std::array<double, P>&, const Xs&, const Ys&) = delete;
/// @endcond

}  // namespace memograd::nn
