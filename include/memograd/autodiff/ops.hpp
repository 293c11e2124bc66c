#pragma once
/// @file
/// @brief Every scalar operation in one place: its value rule beside its local derivative rule.
///
/// Rules are written in the rule language (rule.hpp) over the operands `a`, `b`, the run-time scalar `c`
/// and the node's own value `v`: tanh' = 1 − v², exp' = v, sigmoid' = v(1 − v), d(a/b)/db = −v/b. The
/// backward pass hands each rule the memoized forward value, so no derivative recomputes what the forward
/// pass already knows; and the same rule object is what the listings print.

#include "expression.hpp"
#include "misuse.hpp"
#include "rule.hpp"

#include <concepts>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace memograd {

// The rule kinds UnaryRule, BinaryRule and ScalarRule are in rule.hpp: the node protocol (node.hpp)
// checks an operation node's op against its operand count with them. `derivative_rule` is in kernels.hpp.

namespace ops {
using namespace rule::placeholders;
using rule::apply;
namespace fn = rule::functions;

// ---- two operands -------------------------------------------------------------------------------------
/// a + b.
struct add {
    static constexpr std::string_view name = "add";  ///< its name
    static constexpr auto value = a + b;             ///< its value
    static constexpr auto derivative_a = one;        ///< ∂/∂a
    static constexpr auto derivative_b = one;        ///< ∂/∂b
};
/// a − b.
struct subtract {
    static constexpr std::string_view name = "subtract";  ///< its name
    static constexpr auto value = a - b;                  ///< its value
    static constexpr auto derivative_a = one;             ///< ∂/∂a
    static constexpr auto derivative_b = rule::number{-1.0};  ///< ∂/∂b
};
/// a · b.
struct multiply {
    static constexpr std::string_view name = "multiply";  ///< its name
    static constexpr auto value = a * b;                  ///< its value
    static constexpr auto derivative_a = b;               ///< ∂/∂a
    static constexpr auto derivative_b = a;               ///< ∂/∂b
};
/// a / b.
struct divide {
    static constexpr std::string_view name = "divide";  ///< its name
    static constexpr auto value = a / b;                ///< its value
    static constexpr auto derivative_a = one / b;       ///< ∂/∂a
    static constexpr auto derivative_b = -v / b;        ///< ∂/∂b, from the stored quotient v
};

// ---- one operand --------------------------------------------------------------------------------------
/// −a.
struct negate {
    static constexpr std::string_view name = "negate";      ///< its name
    static constexpr auto value = -a;                       ///< its value
    static constexpr auto derivative = rule::number{-1.0};  ///< d/da
};
/// e^a.
struct exp {
    static constexpr std::string_view name = "exp";  ///< its name
    static constexpr auto value = apply<fn::exp>(a);  ///< its value
    static constexpr auto derivative = v;             ///< d/da = e^a, the stored value
};
/// ln a.
struct log {
    static constexpr std::string_view name = "log";  ///< its name
    static constexpr auto value = apply<fn::log>(a);  ///< its value
    static constexpr auto derivative = one / a;       ///< d/da
};
/// tanh a.
struct tanh {
    static constexpr std::string_view name = "tanh";   ///< its name
    static constexpr auto value = apply<fn::tanh>(a);   ///< its value
    static constexpr auto derivative = one - v * v;     ///< d/da, from the stored value v = tanh a
};
/// The logistic function 1 / (1 + e^−a).
struct sigmoid {
    static constexpr std::string_view name = "sigmoid";  ///< its name
    static constexpr auto value = apply<fn::sigmoid>(a);  ///< its value
    static constexpr auto derivative = v * (one - v);     ///< d/da, from the stored value v
};
/// max(a, 0); relu'(0) is taken as 0 (the subgradient PyTorch uses); relu(NaN) = NaN, with slope NaN.
struct relu {
    static constexpr std::string_view name = "relu";     ///< its name
    static constexpr auto value = apply<fn::relu>(a);     ///< its value
    static constexpr auto derivative = apply<fn::step>(a);  ///< d/da
};
/// a².
struct square {
    static constexpr std::string_view name = "square";  ///< its name
    static constexpr auto value = a * a;                ///< its value
    static constexpr auto derivative = two * a;         ///< d/da
};
/// a^N for an integer N >= 0, by repeated squaring; (a^N)' = N a^(N−1).
template <int N>
struct power {
    static_assert(N >= 0, "memograd::ops::power<N>: N >= 0");
    static constexpr std::string_view name = "power";        ///< its name
    static constexpr int exponent = N;                       ///< N
    static constexpr auto value = apply<fn::power<N>>(a);    ///< its value
    /// d/da (0 for N = 0).
    static constexpr auto derivative = rule::number{static_cast<double>(N)} * apply<fn::power<(N > 0 ? N - 1 : 0)>>(a);
};

// ---- one operand and a run-time number c --------------------------------------------------------------
/// a + c (also c + a, and a − c with c negated).
struct add_scalar {
    static constexpr std::string_view name = "add_scalar";  ///< its name
    static constexpr bool reads_scalar = true;             ///< reads c
    static constexpr auto value = a + c;                   ///< its value
    static constexpr auto derivative = one;                ///< d/da
};
/// a · c (also c · a).
struct multiply_scalar {
    static constexpr std::string_view name = "multiply_scalar";  ///< its name
    static constexpr bool reads_scalar = true;                  ///< reads c
    static constexpr auto value = a * c;                        ///< its value
    static constexpr auto derivative = c;                       ///< d/da
};
/// a / c.
struct divide_by_scalar {
    static constexpr std::string_view name = "divide_by_scalar";  ///< its name
    static constexpr bool reads_scalar = true;                   ///< reads c
    static constexpr auto value = a / c;                         ///< its value
    static constexpr auto derivative = one / c;                  ///< d/da
};
/// c − a.
struct scalar_minus {
    static constexpr std::string_view name = "scalar_minus";  ///< its name
    static constexpr bool reads_scalar = true;               ///< reads c
    static constexpr auto value = c - a;                     ///< its value
    static constexpr auto derivative = rule::number{-1.0};   ///< d/da
};
/// c / a.
struct scalar_divided_by {
    static constexpr std::string_view name = "scalar_divided_by";  ///< its name
    static constexpr bool reads_scalar = true;                    ///< reads c
    static constexpr auto value = c / a;                          ///< its value
    static constexpr auto derivative = -v / a;                    ///< d/da, from the stored quotient v
};

}  // namespace ops

// ---- building expressions -----------------------------------------------------------------------------
/// Sum of two expressions.
template <Expression L, Expression R>
constexpr binary<ops::add, L, R> operator+(const L& l, const R& r) {
    return {detail::operand_slot<0, L>::of(l), detail::operand_slot<1, R>::of(r)};
}
/// Difference of two expressions.
template <Expression L, Expression R>
constexpr binary<ops::subtract, L, R> operator-(const L& l, const R& r) {
    return {detail::operand_slot<0, L>::of(l), detail::operand_slot<1, R>::of(r)};
}
/// Product of two expressions.
template <Expression L, Expression R>
constexpr binary<ops::multiply, L, R> operator*(const L& l, const R& r) {
    return {detail::operand_slot<0, L>::of(l), detail::operand_slot<1, R>::of(r)};
}
/// Quotient of two expressions.
template <Expression L, Expression R>
constexpr binary<ops::divide, L, R> operator/(const L& l, const R& r) {
    return {detail::operand_slot<0, L>::of(l), detail::operand_slot<1, R>::of(r)};
}

/// Expression plus a run-time number (evaluated per occurrence: see expression.hpp).
template <Expression A, Scalar C>
constexpr with_scalar<ops::add_scalar, A> operator+(const A& a, C c) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Run-time number plus an expression.
template <Scalar C, Expression A>
constexpr with_scalar<ops::add_scalar, A> operator+(C c, const A& a) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Expression minus a run-time number.
template <Expression A, Scalar C>
constexpr with_scalar<ops::add_scalar, A> operator-(const A& a, C c) {
    return {detail::operand_slot<0, A>::of(a), -static_cast<double>(c)};
}
/// Run-time number minus an expression.
template <Scalar C, Expression A>
constexpr with_scalar<ops::scalar_minus, A> operator-(C c, const A& a) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Expression times a run-time number.
template <Expression A, Scalar C>
constexpr with_scalar<ops::multiply_scalar, A> operator*(const A& a, C c) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Run-time number times an expression.
template <Scalar C, Expression A>
constexpr with_scalar<ops::multiply_scalar, A> operator*(C c, const A& a) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Expression divided by a run-time number.
template <Expression A, Scalar C>
constexpr with_scalar<ops::divide_by_scalar, A> operator/(const A& a, C c) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}
/// Run-time number divided by an expression.
template <Scalar C, Expression A>
constexpr with_scalar<ops::scalar_divided_by, A> operator/(C c, const A& a) {
    return {detail::operand_slot<0, A>::of(a), static_cast<double>(c)};
}

/// Negation.
template <Expression A>
constexpr unary<ops::negate, A> operator-(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// e^a.
template <Expression A>
constexpr unary<ops::exp, A> exp(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// Natural logarithm.
template <Expression A>
constexpr unary<ops::log, A> log(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// Hyperbolic tangent.
template <Expression A>
constexpr unary<ops::tanh, A> tanh(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// The logistic function 1 / (1 + e^−a).
template <Expression A>
constexpr unary<ops::sigmoid, A> sigmoid(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// max(a, 0); relu(NaN) = NaN, with slope NaN.
template <Expression A>
constexpr unary<ops::relu, A> relu(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// a².
template <Expression A>
constexpr unary<ops::square, A> square(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }
/// a^N for an integer exponent N >= 0.
template <int N, Expression A>
    requires(N >= 0)
constexpr unary<ops::power<N>, A> pow(const A& a) { return {detail::operand_slot<0, A>::of(a)}; }

// ---- misuse: deleted, so `requires { a * "two"; }` answers false; the compiler's message names the
// ---- problem and the fix through the tag type in the deleted signature --------------------------------

namespace detail {
template <class L, class R>
concept bad_operands = (Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>);
}  // namespace detail

/// @cond MEMOGRAD_INTERNAL
template <class L, class R, class Problem = misuse::operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles>
    requires detail::bad_operands<L, R>
void operator+(const L&, const R&) = delete;
template <class L, class R, class Problem = misuse::operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles>
    requires detail::bad_operands<L, R>
void operator-(const L&, const R&) = delete;
template <class L, class R, class Problem = misuse::operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles>
    requires detail::bad_operands<L, R>
void operator*(const L&, const R&) = delete;
template <class L, class R, class Problem = misuse::operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles>
    requires detail::bad_operands<L, R>
void operator/(const L&, const R&) = delete;
template <int N, class A, class Problem = misuse::pow_exponent_is_negative_fix_write_1_over_pow_of_minus_N>
    requires(N < 0)
void pow(const A&) = delete;
template <int N, class A, class Problem = misuse::pow_argument_is_not_a_memograd_expression_fix_use_var_I>
    requires(N >= 0 && !Expression<A>)
void pow(const A&) = delete;
/// @endcond

}  // namespace memograd
