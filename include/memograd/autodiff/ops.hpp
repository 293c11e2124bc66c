#pragma once
/// @file
/// @brief Every operation in one place: its value rule beside its local derivative rule.
///
/// Derivative rules take the operands *and the node's own value* `y`: tanh' = 1 − y², exp' = y,
/// sigmoid' = y(1 − y), d(a/b)/db = −y/b. The backward pass passes the memoized forward value, so no
/// derivative recomputes what the forward pass already knows.  Each tag also says how to print itself
/// (`format`) and its derivative (`derivative_format`) for the generated-code listing: `{0}`, `{1}` are
/// the operands, `{y}` the node's value, `{c}` the scalar.

#include "expression.hpp"
#include "math.hpp"

#include "../fibonacci/counted.hpp"  // detail::always_false

#include <cstddef>
#include <string_view>
#include <utility>

namespace memograd {
namespace ops {

// ---- binary ---------------------------------------------------------------------------------------------
struct add {
    static constexpr std::string_view format = "{0} + {1}";
    static constexpr std::string_view derivative_format[2] = {"1", "1"};
    static constexpr double value(double a, double b) { return a + b; }
    static constexpr double derivative_left(double, double, double) { return 1.0; }
    static constexpr double derivative_right(double, double, double) { return 1.0; }
};
struct subtract {
    static constexpr std::string_view format = "{0} - {1}";
    static constexpr std::string_view derivative_format[2] = {"1", "-1"};
    static constexpr double value(double a, double b) { return a - b; }
    static constexpr double derivative_left(double, double, double) { return 1.0; }
    static constexpr double derivative_right(double, double, double) { return -1.0; }
};
struct multiply {
    static constexpr std::string_view format = "{0} * {1}";
    static constexpr std::string_view derivative_format[2] = {"{1}", "{0}"};
    static constexpr double value(double a, double b) { return a * b; }
    static constexpr double derivative_left(double, double b, double) { return b; }
    static constexpr double derivative_right(double a, double, double) { return a; }
};
struct divide {
    static constexpr std::string_view format = "{0} / {1}";
    static constexpr std::string_view derivative_format[2] = {"1 / {1}", "-{y} / {1}"};
    static constexpr double value(double a, double b) { return a / b; }
    static constexpr double derivative_left(double, double b, double) { return 1.0 / b; }
    static constexpr double derivative_right(double, double b, double y) { return -y / b; }
};

// ---- unary ----------------------------------------------------------------------------------------------
struct negate {
    static constexpr std::string_view format = "-{0}";
    static constexpr std::string_view derivative_format = "-1";
    static constexpr double value(double a) { return -a; }
    static constexpr double derivative(double, double) { return -1.0; }
};
struct exp {
    static constexpr std::string_view format = "exp({0})";
    static constexpr std::string_view derivative_format = "{y}";
    static constexpr double value(double a) { return math::exp(a); }
    static constexpr double derivative(double, double y) { return y; }
};
struct log {
    static constexpr std::string_view format = "log({0})";
    static constexpr std::string_view derivative_format = "1 / {0}";
    static constexpr double value(double a) { return math::log(a); }
    static constexpr double derivative(double a, double) { return 1.0 / a; }
};
struct tanh {
    static constexpr std::string_view format = "tanh({0})";
    static constexpr std::string_view derivative_format = "1 - {y} * {y}";
    static constexpr double value(double a) { return math::tanh(a); }
    static constexpr double derivative(double, double y) { return 1.0 - y * y; }
};
struct sigmoid {
    static constexpr std::string_view format = "sigmoid({0})";
    static constexpr std::string_view derivative_format = "{y} * (1 - {y})";
    static constexpr double value(double a) { return math::sigmoid(a); }
    static constexpr double derivative(double, double y) { return y * (1.0 - y); }
};
/// relu'(0) is taken as 0 (the subgradient PyTorch uses).
struct relu {
    static constexpr std::string_view format = "relu({0})";
    static constexpr std::string_view derivative_format = "({0} > 0 ? 1 : 0)";
    static constexpr double value(double a) { return a > 0 ? a : 0.0; }
    static constexpr double derivative(double a, double) { return a > 0 ? 1.0 : 0.0; }
};
struct square {
    static constexpr std::string_view format = "{0} * {0}";
    static constexpr std::string_view derivative_format = "2 * {0}";
    static constexpr double value(double a) { return a * a; }
    static constexpr double derivative(double a, double) { return 2.0 * a; }
};
/// a^N for an integer N >= 0, by repeated squaring; (a^N)' = N a^(N−1).
template <int N>
struct power {
    static constexpr int exponent = N;
    static constexpr std::string_view format = "pow<N>({0})";
    static constexpr std::string_view derivative_format = "N * pow<N-1>({0})";
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
};

// ---- with a run-time scalar c ---------------------------------------------------------------------------
struct add_scalar {  // a + c  (and c + a, a - c)
    static constexpr std::string_view format = "{0} + {c}";
    static constexpr std::string_view derivative_format = "1";
    static constexpr double apply(double a, double c) { return a + c; }
    static constexpr double derivative(double, double, double) { return 1.0; }
};
struct multiply_scalar {  // a * c  (and c * a)
    static constexpr std::string_view format = "{0} * {c}";
    static constexpr std::string_view derivative_format = "{c}";
    static constexpr double apply(double a, double c) { return a * c; }
    static constexpr double derivative(double, double c, double) { return c; }
};
struct divide_by_scalar {  // a / c
    static constexpr std::string_view format = "{0} / {c}";
    static constexpr std::string_view derivative_format = "1 / {c}";
    static constexpr double apply(double a, double c) { return a / c; }
    static constexpr double derivative(double, double c, double) { return 1.0 / c; }
};
struct scalar_minus {  // c - a
    static constexpr std::string_view format = "{c} - {0}";
    static constexpr std::string_view derivative_format = "-1";
    static constexpr double apply(double a, double c) { return c - a; }
    static constexpr double derivative(double, double, double) { return -1.0; }
};
struct scalar_divided_by {  // c / a
    static constexpr std::string_view format = "{c} / {0}";
    static constexpr std::string_view derivative_format = "-{y} / {0}";
    static constexpr double apply(double a, double c) { return c / a; }
    static constexpr double derivative(double a, double, double y) { return -y / a; }
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
template <Expression L, Expression R>
constexpr auto operator+(L&& l, R&& r) { return detail::make_binary<ops::add>(std::forward<L>(l), std::forward<R>(r)); }
template <Expression L, Expression R>
constexpr auto operator-(L&& l, R&& r) { return detail::make_binary<ops::subtract>(std::forward<L>(l), std::forward<R>(r)); }
template <Expression L, Expression R>
constexpr auto operator*(L&& l, R&& r) { return detail::make_binary<ops::multiply>(std::forward<L>(l), std::forward<R>(r)); }
template <Expression L, Expression R>
constexpr auto operator/(L&& l, R&& r) { return detail::make_binary<ops::divide>(std::forward<L>(l), std::forward<R>(r)); }

template <Expression A, Scalar C>
constexpr auto operator+(A&& a, C c) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), static_cast<double>(c)); }
template <Scalar C, Expression A>
constexpr auto operator+(C c, A&& a) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), static_cast<double>(c)); }
template <Expression A, Scalar C>
constexpr auto operator-(A&& a, C c) { return detail::make_with_scalar<ops::add_scalar>(std::forward<A>(a), -static_cast<double>(c)); }
template <Scalar C, Expression A>
constexpr auto operator-(C c, A&& a) { return detail::make_with_scalar<ops::scalar_minus>(std::forward<A>(a), static_cast<double>(c)); }
template <Expression A, Scalar C>
constexpr auto operator*(A&& a, C c) { return detail::make_with_scalar<ops::multiply_scalar>(std::forward<A>(a), static_cast<double>(c)); }
template <Scalar C, Expression A>
constexpr auto operator*(C c, A&& a) { return detail::make_with_scalar<ops::multiply_scalar>(std::forward<A>(a), static_cast<double>(c)); }
template <Expression A, Scalar C>
constexpr auto operator/(A&& a, C c) { return detail::make_with_scalar<ops::divide_by_scalar>(std::forward<A>(a), static_cast<double>(c)); }
template <Scalar C, Expression A>
constexpr auto operator/(C c, A&& a) { return detail::make_with_scalar<ops::scalar_divided_by>(std::forward<A>(a), static_cast<double>(c)); }

template <Expression A>
constexpr auto operator-(A&& a) { return detail::make_unary<ops::negate>(std::forward<A>(a)); }

/// A readable error for an operand that is neither an expression nor a number (e.g. a string or a
/// std::array): one static_assert instead of a list of rejected overloads.
template <class L, class R>
    requires((Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>))
constexpr auto operator+(L&&, R&&) {
    static_assert(detail::always_false<sizeof(L), sizeof(R)>,
                  "memograd: an operand of + - * / is neither a memograd expression nor a number. Build "
                  "expressions from memograd::var<I>{} and doubles (e.g. var<0>{} * 2.0).");
    return var<0>{};
}
template <class L, class R>
    requires((Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>))
constexpr auto operator-(L&& l, R&& r) { return operator+(std::forward<L>(l), std::forward<R>(r)); }
template <class L, class R>
    requires((Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>))
constexpr auto operator*(L&& l, R&& r) { return operator+(std::forward<L>(l), std::forward<R>(r)); }
template <class L, class R>
    requires((Expression<L> && !Expression<R> && !Scalar<R>) || (Expression<R> && !Expression<L> && !Scalar<L>))
constexpr auto operator/(L&& l, R&& r) { return operator+(std::forward<L>(l), std::forward<R>(r)); }

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
