#pragma once
/// @file
/// @brief What the passes and printers call for one node: an operation's kernels, from its rules or its own.
///
/// A scalar operation's kernels evaluate its value and derivative rules (ops.hpp); a layer operation
/// (`LayerKernel`, nn/layer_graph.hpp) brings its own loops. `kernel_table_of<Op>` is the one table of
/// an op, leaves' and constants' included, whose address the node's analysis record keeps
/// (node_record.hpp): every node of one op shares it.

#include "../config.hpp"
#include "rule.hpp"

#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace memograd {

/// The rule for d value / d operand `Slot` of operation Op.
template <class Op, std::size_t Slot>
constexpr const auto& derivative_rule() {
    if constexpr (BinaryRule<Op>) {
        if constexpr (Slot == 0) {
            return Op::derivative_a;
        } else {
            return Op::derivative_b;
        }
    } else {
        return Op::derivative;
    }
}

/// A vector-valued operation with its own kernels (nn/layer_graph.hpp): a forward kernel writing the
/// value, and per operand a backward kernel writing (`Assign`) or adding the operand's adjoint.
template <class Op>
concept LayerKernel = requires(double* out, const double* in, const rule::spelling& s) {
    { Op::name } -> std::convertible_to<std::string_view>;
    { Op::rows } -> std::convertible_to<std::size_t>;
    { Op::cols } -> std::convertible_to<std::size_t>;
    { Op::passes_adjoint_through } -> std::convertible_to<bool>;
    { Op::differentiable_operands } -> std::convertible_to<std::size_t>;
    Op::forward(out, in, in);
    Op::template backward<0, true>(in, in, in, in, out);
    { Op::print_value(s) } -> std::same_as<std::string>;
    { Op::template print_adjoint<0>(s) } -> std::same_as<std::string>;
};

namespace detail {

/// The kernel tag of leaves: they compute nothing.
struct leaf_op {};
/// The kernel tag of a constant: its forward kernel writes V.
template <double V>
struct constant_op {};


using forward_kernel = void (*)(double*, const double*, const double*);
using backward_kernel = void (*)(const double*, const double*, const double*, const double*, double*);
using text_kernel = std::string (*)(const rule::spelling&);

/// What the passes and printers call for one node.
struct op_kernels {
    forward_kernel forward;             ///< y = op(a, b)
    backward_kernel backward[2][2];     ///< [slot][assign]: the operand's adjoint from dy, y, a, b
    bool passes_adjoint_through[2];     ///< slot's adjoint is dy itself: an only user may share storage
    text_kernel value_text;             ///< the forward statement's right-hand side
    text_kernel adjoint_text[2];        ///< what is assigned or added to operand slot's adjoint
};

constexpr void no_forward(double*, const double*, const double*) {}
constexpr void no_backward(const double*, const double*, const double*, const double*, double*) {}
inline std::string no_text(const rule::spelling&) { return {}; }

/// d · (d op / d operand Slot): what a scalar operation sends to an operand's adjoint.
template <class Op, std::size_t Slot>
inline constexpr auto adjoint_rule = rule::placeholders::d * derivative_rule<Op, Slot>();

/// A rule that is the literal 1 passes the adjoint through unchanged.
template <class R>
constexpr bool is_one(const R& r) {
    if constexpr (std::is_same_v<R, rule::number>) {
        return r.value == 1.0;
    } else {
        return false;
    }
}

/// The kernels of a scalar operation, from its rules. A unary node's second operand pointer repeats its
/// first, so reading `*b` is always valid.
template <class Op>
struct scalar_kernels {
    static constexpr std::size_t arity = BinaryRule<Op> ? 2 : 1;
    MEMOGRAD_FORCE_INLINE static constexpr void forward(double* y, const double* a, const double* b) {
        *y = Op::value(rule::point{.a = *a, .b = *b});
    }
    template <std::size_t Slot, bool Assign>
    MEMOGRAD_FORCE_INLINE static constexpr void backward(const double* dy, const double* y, const double* a,
                                                        const double* b, double* d) {
        const double to_operand = adjoint_rule<Op, Slot>(rule::point{.a = *a, .b = *b, .v = *y, .d = *dy});
        if constexpr (Assign) {
            *d = to_operand;
        } else {
            *d += to_operand;
        }
    }
    static std::string value_text(const rule::spelling& s) { return Op::value.print(s); }
    template <std::size_t Slot>
    static std::string adjoint_text(const rule::spelling& s) {
        return adjoint_rule<Op, Slot>.print(s);
    }
    template <std::size_t Slot>
    static constexpr backward_kernel backward_of(bool assign) {
        if constexpr (Slot < arity) {
            return assign ? &backward<Slot, true> : &backward<Slot, false>;
        } else {
            return &no_backward;
        }
    }
    template <std::size_t Slot>
    static constexpr text_kernel adjoint_text_of() {
        if constexpr (Slot < arity) {
            return &adjoint_text<Slot>;
        } else {
            return &no_text;
        }
    }
    template <std::size_t Slot>
    static constexpr bool passes_through() {
        if constexpr (Slot < arity) {
            return is_one(derivative_rule<Op, Slot>());
        } else {
            return false;
        }
    }
    static constexpr op_kernels table{
        .forward = &forward,
        .backward = {{backward_of<0>(false), backward_of<0>(true)}, {backward_of<1>(false), backward_of<1>(true)}},
        .passes_adjoint_through = {passes_through<0>(), passes_through<1>()},
        .value_text = &value_text,
        .adjoint_text = {adjoint_text_of<0>(), adjoint_text_of<1>()}};
};

/// The kernels of a layer operation: its own. Slots at or past `Op::differentiable_operands` (a loss's
/// target) have no backward kernel.
template <class Op>
struct layer_kernels {
    template <std::size_t Slot>
    static std::string adjoint_text(const rule::spelling& s) {
        return Op::template print_adjoint<Slot>(s);
    }
    template <std::size_t Slot, bool Assign>
    static constexpr backward_kernel backward_of() {
        if constexpr (Slot < Op::differentiable_operands) {
            return &Op::template backward<Slot, Assign>;
        } else {
            return &no_backward;
        }
    }
    template <std::size_t Slot>
    static constexpr text_kernel adjoint_text_of() {
        if constexpr (Slot < Op::differentiable_operands) {
            return &adjoint_text<Slot>;
        } else {
            return &no_text;
        }
    }
    static constexpr op_kernels table{
        .forward = &Op::forward,
        .backward = {{backward_of<0, false>(), backward_of<0, true>()}, {backward_of<1, false>(), backward_of<1, true>()}},
        .passes_adjoint_through = {Op::passes_adjoint_through, Op::passes_adjoint_through},
        .value_text = &Op::print_value,
        .adjoint_text = {adjoint_text_of<0>(), adjoint_text_of<1>()}};
};

template <class Op>
struct kernel_table_of {
    static_assert(UnaryRule<Op> || BinaryRule<Op> || LayerKernel<Op>,
                  "memograd: an operation tag is neither a scalar rule (UnaryRule, BinaryRule: ops.hpp) nor a "
                  "layer kernel (LayerKernel: kernels.hpp).");
    static constexpr const op_kernels& value =
        std::conditional_t<LayerKernel<Op>, layer_kernels<Op>, scalar_kernels<Op>>::table;
};
template <>
struct kernel_table_of<leaf_op> {
    static constexpr op_kernels value{.forward = &no_forward,
                                      .backward = {{&no_backward, &no_backward}, {&no_backward, &no_backward}},
                                      .passes_adjoint_through = {false, false},
                                      .value_text = &no_text,
                                      .adjoint_text = {&no_text, &no_text}};
};
template <double V>
struct kernel_table_of<constant_op<V>> {
    static constexpr void forward(double* y, const double*, const double*) { *y = V; }
    static constexpr op_kernels value{.forward = &forward,
                                      .backward = {{&no_backward, &no_backward}, {&no_backward, &no_backward}},
                                      .passes_adjoint_through = {false, false},
                                      .value_text = &no_text,
                                      .adjoint_text = {&no_text, &no_text}};
};

}  // namespace detail
}  // namespace memograd
