#pragma once
/// @file
/// @brief Every operation in one place: its value rule beside its local derivative rule.
///
/// Derivative rules take the operands *and the node's own value* `y`: tanh' = 1 − y², exp' = y,
/// sigmoid' = y(1 − y), d(a/b)/db = −y/b. The backward pass passes the memoized forward value, so no
/// derivative recomputes what the forward pass already knows.  Each tag also says how to print itself
/// (`format`) and its derivative (`derivative_format`) for the generated-code listing: `{0}`, `{1}` are
/// the operands, `{y}` the node's value, `{c}` the scalar, `{n}` and `{m}` the exponent N and N − 1.

#include "expression.hpp"
#include "math.hpp"

#include "../detail/always_false.hpp"

#include <cstddef>
#include <string_view>
#include <utility>

namespace memograd {

/// Every operation's number, in one closed list: the generated passes dispatch on it at compile time.
enum class op_code : unsigned char {
    input,
    add, subtract, multiply, divide,
    negate, exp, log, tanh, sigmoid, relu, square, power,
    add_scalar, multiply_scalar, divide_by_scalar, scalar_minus, scalar_divided_by,
    layer  ///< a vector-valued layer operation (nn/layer_graph.hpp): its kernels are found from its type
};

namespace ops {

// ---- binary ---------------------------------------------------------------------------------------------
/// The operation a + b. Its value rule and derivative rule sit together below.
struct add {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::add;
    static constexpr std::string_view format = "{0} + {1}";
    static constexpr std::string_view derivative_format[2] = {"1", "1"};
    static constexpr double value(double a, double b) { return a + b; }
    static constexpr double derivative_left(double, double, double) { return 1.0; }
    static constexpr double derivative_right(double, double, double) { return 1.0; }
    /// @endcond
};
/// The operation a − b. Its value rule and derivative rule sit together below.
struct subtract {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::subtract;
    static constexpr std::string_view format = "{0} - {1}";
    static constexpr std::string_view derivative_format[2] = {"1", "-1"};
    static constexpr double value(double a, double b) { return a - b; }
    static constexpr double derivative_left(double, double, double) { return 1.0; }
    static constexpr double derivative_right(double, double, double) { return -1.0; }
    /// @endcond
};
/// The operation a · b. Its value rule and derivative rule sit together below.
struct multiply {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::multiply;
    static constexpr std::string_view format = "{0} * {1}";
    static constexpr std::string_view derivative_format[2] = {"{1}", "{0}"};
    static constexpr double value(double a, double b) { return a * b; }
    static constexpr double derivative_left(double, double b, double) { return b; }
    static constexpr double derivative_right(double a, double, double) { return a; }
    /// @endcond
};
/// The operation a / b. Its value rule and derivative rule sit together below.
struct divide {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::divide;
    static constexpr std::string_view format = "{0} / {1}";
    static constexpr std::string_view derivative_format[2] = {"1 / {1}", "-{y} / {1}"};
    static constexpr double value(double a, double b) { return a / b; }
    static constexpr double derivative_left(double, double b, double) { return 1.0 / b; }
    static constexpr double derivative_right(double, double b, double y) { return -y / b; }
    /// @endcond
};

// ---- unary ----------------------------------------------------------------------------------------------
/// The operation −a. Its value rule and derivative rule sit together below.
struct negate {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::negate;
    static constexpr std::string_view format = "-{0}";
    static constexpr std::string_view derivative_format = "-1";
    static constexpr double value(double a) { return -a; }
    static constexpr double derivative(double, double) { return -1.0; }
    /// @endcond
};
/// The operation e^a. Its value rule and derivative rule sit together below.
struct exp {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::exp;
    static constexpr std::string_view format = "exp({0})";
    static constexpr std::string_view derivative_format = "{y}";
    static constexpr double value(double a) { return math::exp(a); }
    static constexpr double derivative(double, double y) { return y; }
    /// @endcond
};
/// The operation Natural logarithm of a. Its value rule and derivative rule sit together below.
struct log {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::log;
    static constexpr std::string_view format = "log({0})";
    static constexpr std::string_view derivative_format = "1 / {0}";
    static constexpr double value(double a) { return math::log(a); }
    static constexpr double derivative(double a, double) { return 1.0 / a; }
    /// @endcond
};
/// The operation tanh a. Its value rule and derivative rule sit together below.
struct tanh {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::tanh;
    static constexpr std::string_view format = "tanh({0})";
    static constexpr std::string_view derivative_format = "1 - {y} * {y}";
    static constexpr double value(double a) { return math::tanh(a); }
    static constexpr double derivative(double, double y) { return 1.0 - y * y; }
    /// @endcond
};
/// The operation The logistic function of a. Its value rule and derivative rule sit together below.
struct sigmoid {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::sigmoid;
    static constexpr std::string_view format = "sigmoid({0})";
    static constexpr std::string_view derivative_format = "{y} * (1 - {y})";
    static constexpr double value(double a) { return math::sigmoid(a); }
    static constexpr double derivative(double, double y) { return y * (1.0 - y); }
    /// @endcond
};
/// relu'(0) is taken as 0 (the subgradient PyTorch uses).
struct relu {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::relu;
    static constexpr std::string_view format = "relu({0})";
    static constexpr std::string_view derivative_format = "({0} > 0 ? 1 : 0)";
    static constexpr double value(double a) { return a > 0 ? a : 0.0; }
    static constexpr double derivative(double a, double) { return a > 0 ? 1.0 : 0.0; }
    /// @endcond
};
/// The operation a². Its value rule and derivative rule sit together below.
struct square {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::square;
    static constexpr std::string_view format = "{0} * {0}";
    static constexpr std::string_view derivative_format = "2 * {0}";
    static constexpr double value(double a) { return a * a; }
    static constexpr double derivative(double a, double) { return 2.0 * a; }
    /// @endcond
};
/// a^N for an integer N >= 0, by repeated squaring; (a^N)' = N a^(N−1).
template <int N>
struct power {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::power;
    static constexpr int exponent = N;
    static constexpr std::string_view format = "pow<{n}>({0})";
    static constexpr std::string_view derivative_format = "{n} * pow<{m}>({0})";
    static constexpr double raise(double a, int n) {
        double result = 1.0;
        for (; n > 0; n >>= 1, a *= a) {
            if ((n & 1) != 0) {
                result *= a;
            }
        }
        return result;
    }
    static constexpr double value(double a) { return raise(a, N); }
    static constexpr double derivative(double a, double) { return N == 0 ? 0.0 : N * raise(a, N - 1); }
    /// @endcond
};

// ---- with a run-time scalar c ---------------------------------------------------------------------------
/// The operation a + c (also c + a and a − c, with c negated). Its value rule and derivative rule sit together below.
struct add_scalar {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::add_scalar;
    static constexpr std::string_view format = "{0} + {c}";
    static constexpr std::string_view derivative_format = "1";
    static constexpr double apply(double a, double c) { return a + c; }
    static constexpr double derivative(double, double, double) { return 1.0; }
    /// @endcond
};
/// The operation a · c (also c · a). Its value rule and derivative rule sit together below.
struct multiply_scalar {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::multiply_scalar;
    static constexpr std::string_view format = "{0} * {c}";
    static constexpr std::string_view derivative_format = "{c}";
    static constexpr double apply(double a, double c) { return a * c; }
    static constexpr double derivative(double, double c, double) { return c; }
    /// @endcond
};
/// The operation a / c. Its value rule and derivative rule sit together below.
struct divide_by_scalar {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::divide_by_scalar;
    static constexpr std::string_view format = "{0} / {c}";
    static constexpr std::string_view derivative_format = "1 / {c}";
    static constexpr double apply(double a, double c) { return a / c; }
    static constexpr double derivative(double, double c, double) { return 1.0 / c; }
    /// @endcond
};
/// The operation c − a. Its value rule and derivative rule sit together below.
struct scalar_minus {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::scalar_minus;
    static constexpr std::string_view format = "{c} - {0}";
    static constexpr std::string_view derivative_format = "-1";
    static constexpr double apply(double a, double c) { return c - a; }
    static constexpr double derivative(double, double, double) { return -1.0; }
    /// @endcond
};
/// The operation c / a. Its value rule and derivative rule sit together below.
struct scalar_divided_by {
    /// @cond MEMOGRAD_OP_RULES
    static constexpr op_code code = op_code::scalar_divided_by;
    static constexpr std::string_view format = "{c} / {0}";
    static constexpr std::string_view derivative_format = "-{y} / {0}";
    static constexpr double apply(double a, double c) { return c / a; }
    static constexpr double derivative(double a, double, double y) { return -y / a; }
    /// @endcond
};

/// The tag type of an op_code (N: the exponent of `power`).
template <op_code C, int N = 0>
struct by_code;
/// @cond MEMOGRAD_INTERNAL
#define MEMOGRAD_OP_BY_CODE(name) \
    template <int N>              \
    struct by_code<op_code::name, N> { using type = name; };
MEMOGRAD_OP_BY_CODE(add)
MEMOGRAD_OP_BY_CODE(subtract)
MEMOGRAD_OP_BY_CODE(multiply)
MEMOGRAD_OP_BY_CODE(divide)
MEMOGRAD_OP_BY_CODE(negate)
MEMOGRAD_OP_BY_CODE(exp)
MEMOGRAD_OP_BY_CODE(log)
MEMOGRAD_OP_BY_CODE(tanh)
MEMOGRAD_OP_BY_CODE(sigmoid)
MEMOGRAD_OP_BY_CODE(relu)
MEMOGRAD_OP_BY_CODE(square)
MEMOGRAD_OP_BY_CODE(add_scalar)
MEMOGRAD_OP_BY_CODE(multiply_scalar)
MEMOGRAD_OP_BY_CODE(divide_by_scalar)
MEMOGRAD_OP_BY_CODE(scalar_minus)
MEMOGRAD_OP_BY_CODE(scalar_divided_by)
#undef MEMOGRAD_OP_BY_CODE
/// @endcond
template <int N>
struct by_code<op_code::power, N> {
    using type = power<N>;
};

}  // namespace ops

namespace detail {
template <class Op, class A>
constexpr auto make_unary(A&& a) {
    return unary<Op, std::remove_cvref_t<A>>{std::forward<A>(a)};
}
template <class Op, class L, class R>
constexpr auto make_binary(L&& l, R&& r) {
    return binary<Op, std::remove_cvref_t<L>, std::remove_cvref_t<R>>{std::forward<L>(l), std::forward<R>(r)};
}
template <class Op, class A>
constexpr auto make_with_scalar(A&& a, double c) {
    return with_scalar<Op, std::remove_cvref_t<A>>{std::forward<A>(a), c};
}
}  // namespace detail

// ---- building expressions -------------------------------------------------------------------------------
/// Sum of two expressions.
template <Expression L, Expression R>
constexpr auto operator+(L&& l, R&& r) { return detail::make_binary<ops::add>(std::forward<L>(l), std::forward<R>(r)); }
/// Difference of two expressions.
template <Expression L, Expression R>
constexpr auto operator-(L&& l, R&& r) { return detail::make_binary<ops::subtract>(std::forward<L>(l), std::forward<R>(r)); }
/// Product of two expressions.
template <Expression L, Expression R>
constexpr auto operator*(L&& l, R&& r) { return detail::make_binary<ops::multiply>(std::forward<L>(l), std::forward<R>(r)); }
/// Quotient of two expressions.
template <Expression L, Expression R>
constexpr auto operator/(L&& l, R&& r) { return detail::make_binary<ops::divide>(std::forward<L>(l), std::forward<R>(r)); }

/// Expression plus a run-time constant.
template <Expression A, Scalar C>
constexpr auto operator+(A&& a, C c) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), static_cast<double>(c)); }
/// Run-time constant plus an expression.
template <Scalar C, Expression A>
constexpr auto operator+(C c, A&& a) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), static_cast<double>(c)); }
/// Expression minus a run-time constant.
template <Expression A, Scalar C>
constexpr auto operator-(A&& a, C c) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), -static_cast<double>(c)); }
/// Run-time constant minus an expression.
template <Scalar C, Expression A>
constexpr auto operator-(C c, A&& a) { return detail::make_with_scalar<ops::scalar_minus>(std::forward<A>(a), static_cast<double>(c)); }
/// Expression times a run-time constant.
template <Expression A, Scalar C>
constexpr auto operator*(A&& a, C c) { return detail::make_with_scalar<ops::multiply_scalar>(std::forward<A>(a), static_cast<double>(c)); }
/// Run-time constant times an expression.
template <Scalar C, Expression A>
constexpr auto operator*(C c, A&& a) { return detail::make_with_scalar<ops::multiply_scalar>(std::forward<A>(a), static_cast<double>(c)); }
/// Expression divided by a run-time constant.
template <Expression A, Scalar C>
constexpr auto operator/(A&& a, C c) { return detail::make_with_scalar<ops::divide_by_scalar>(std::forward<A>(a), static_cast<double>(c)); }
/// Run-time constant divided by an expression.
template <Scalar C, Expression A>
constexpr auto operator/(C c, A&& a) { return detail::make_with_scalar<ops::scalar_divided_by>(std::forward<A>(a), static_cast<double>(c)); }

/// Negation.
template <Expression A>
constexpr auto operator-(A&& a) { return detail::make_unary<ops::negate>(std::forward<A>(a)); }

// One message for all four operators; each states it in its own body so the diagnostic is one
// instantiation deep (no forwarding between the operators).
/// @cond MEMOGRAD_INTERNAL
#define MEMOGRAD_DETAIL_BAD_OPERAND                                                                      \
    "memograd: an operand of + - * / is neither a memograd expression nor a number. Build expressions " \
    "from memograd::var<I>{} and doubles (e.g. var<0>{} * 2.0)."
/// @endcond
namespace detail {
template <class L, class R>
concept bad_operands = (Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>);
}  // namespace detail

/// A readable error for an operand that is neither an expression nor a number (e.g. a string or a
/// std::array): one static_assert instead of a list of rejected overloads.
template <class L, class R>
    requires detail::bad_operands<L, R>
constexpr auto operator+(L&&, R&&) {
    static_assert(detail::always_false<sizeof(L), sizeof(R)>, MEMOGRAD_DETAIL_BAD_OPERAND);
    return var<0>{};
}
/// @cond MEMOGRAD_INTERNAL
template <class L, class R>
    requires detail::bad_operands<L, R>
constexpr auto operator-(L&&, R&&) {
    static_assert(detail::always_false<sizeof(L), sizeof(R)>, MEMOGRAD_DETAIL_BAD_OPERAND);
    return var<0>{};
}
template <class L, class R>
    requires detail::bad_operands<L, R>
constexpr auto operator*(L&&, R&&) {
    static_assert(detail::always_false<sizeof(L), sizeof(R)>, MEMOGRAD_DETAIL_BAD_OPERAND);
    return var<0>{};
}
template <class L, class R>
    requires detail::bad_operands<L, R>
constexpr auto operator/(L&&, R&&) {
    static_assert(detail::always_false<sizeof(L), sizeof(R)>, MEMOGRAD_DETAIL_BAD_OPERAND);
    return var<0>{};
}
/// @endcond
#undef MEMOGRAD_DETAIL_BAD_OPERAND

/// e^a.
template <Expression A>
constexpr auto exp(A&& a) { return detail::make_unary<ops::exp>(std::forward<A>(a)); }
/// Natural logarithm.
template <Expression A>
constexpr auto log(A&& a) { return detail::make_unary<ops::log>(std::forward<A>(a)); }
/// Hyperbolic tangent.
template <Expression A>
constexpr auto tanh(A&& a) { return detail::make_unary<ops::tanh>(std::forward<A>(a)); }
/// The logistic function 1 / (1 + e^−a).
template <Expression A>
constexpr auto sigmoid(A&& a) { return detail::make_unary<ops::sigmoid>(std::forward<A>(a)); }
/// max(a, 0).
template <Expression A>
constexpr auto relu(A&& a) { return detail::make_unary<ops::relu>(std::forward<A>(a)); }
/// a².
template <Expression A>
constexpr auto square(A&& a) { return detail::make_unary<ops::square>(std::forward<A>(a)); }

/// a^N for an integer exponent N >= 0.
template <int N, class A>
constexpr auto pow(A&& a) {
    static_assert(N >= 0, "memograd::pow<N>: the exponent must be >= 0 (a negative power is 1.0 / pow<-N>(e)).");
    static_assert(Expression<A>, "memograd::pow<N>(e): e must be a memograd expression (e.g. var<0>{}).");
    if constexpr (N >= 0 && Expression<A>) {
        return detail::make_unary<ops::power<N>>(std::forward<A>(a));
    } else {
        return var<0>{};
    }
}

}  // namespace memograd
