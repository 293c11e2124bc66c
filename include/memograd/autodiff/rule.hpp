#pragma once
/// @file
/// @brief The small language the operations' rules are written in: one rule is both code and text.
///
/// `tanh`'s derivative is written once, as `one - v * v` over placeholders: the generated passes
/// evaluate that rule, and the listings (`backward_code`, `graphviz`, `cpp_source`) print it. What is shown
/// is therefore what runs, down to the order of the floating-point operations: the printed statement
/// `d3 = d5 * (1 - v5 * v5)` compiled as C++ computes the same bits as the pass. Placeholders: `a`, `b`
/// (the operands' values), `c` (a run-time scalar), `v` (the node's own value, as in the listings' `vK`) and `d` (its
/// adjoint).
///
/// An operation tag's rule kind says how many operands it takes: `UnaryRule` (one), `BinaryRule` (two),
/// `ScalarRule` (one and a run-time number); the node protocol (node.hpp) checks it against the node.

#include "math.hpp"

#include <charconv>
#include <cmath>
#include <concepts>
#include <string>
#include <string_view>
#include <type_traits>

namespace memograd::rule {

/// The values a rule reads.
struct point {
    double a = 0.0;  ///< first operand
    double b = 0.0;  ///< second operand
    double c = 0.0;  ///< run-time scalar
    double v = 0.0;  ///< the node's value
    double d = 0.0;  ///< the node's adjoint
};

/// The names a printed rule uses for the same values.
struct spelling {
    std::string a;  ///< first operand
    std::string b;  ///< second operand
    std::string c;  ///< run-time scalar
    std::string v;  ///< the node's value
    std::string d;  ///< the node's adjoint
};

/// Binding strength when printed: a weaker operand gets parentheses.
enum class precedence : unsigned char {
    sum = 1,      ///< a + b, a − b
    product = 2,  ///< a · b, a / b
    prefix = 3,   ///< −a
    atom = 4      ///< a name, a number, a call
};

/// A rule: evaluable at a point (in constant expressions too) and printable.
template <class T>
concept Rule = requires(const T& r, const point& p, const spelling& s) {
    { r(p) } -> std::same_as<double>;
    { r.print(s) } -> std::same_as<std::string>;
    { T::binding } -> std::convertible_to<precedence>;
};

/// A number as a C++ double literal that reads back as the same double: the fewest significant digits
/// that do, in `%g`'s form (`0.1`, `1e+02`, `1.5e-07`), and always a `.` or exponent (`1.0 / 3.0`, never
/// the integer division `1 / 3`). Written and read back by `std::to_chars` and `std::from_chars`, which
/// ignore the C locale: the decimal point is `.` whatever `LC_NUMERIC` says.
inline std::string exact_text(double v) {
    char buffer[40];
    char* end = buffer;
    for (int digits = 1; digits <= 17; ++digits) {
        end = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::general, digits).ptr;
        double back = 0.0;
        std::from_chars(buffer, end, back);
        if (back == v) {
            break;
        }
    }
    std::string text(buffer, end);
    if (text.find_first_of(".eni") == std::string::npos) {  // not 1.5, 1e+20, inf or nan
        text += ".0";
    }
    return text;
}

/// One of the five values a rule reads.
template <char Name>
struct placeholder {
    static constexpr precedence binding = precedence::atom;  ///< never parenthesized
    /// Its value at p.
    constexpr double operator()(const point& p) const {
        if constexpr (Name == 'a') {
            return p.a;
        } else if constexpr (Name == 'b') {
            return p.b;
        } else if constexpr (Name == 'c') {
            return p.c;
        } else if constexpr (Name == 'v') {
            return p.v;
        } else {
            return p.d;
        }
    }
    /// Its name.
    [[nodiscard]] std::string print(const spelling& s) const {
        return Name == 'a' ? s.a : Name == 'b' ? s.b : Name == 'c' ? s.c : Name == 'v' ? s.v : s.d;
    }
};

/// A literal number.
struct number {
    static constexpr precedence binding = precedence::atom;  ///< negative numbers print in parentheses
    double value;                                             ///< the number
    /// The number.
    constexpr double operator()(const point&) const { return value; }
    /// The number, exactly.
    [[nodiscard]] std::string print(const spelling&) const {
        return value < 0 ? "(" + exact_text(value) + ")" : exact_text(value);
    }
};

namespace detail {
template <Rule R>
std::string operand_text(const R& r, const spelling& s, precedence at_least) {
    const std::string text = r.print(s);
    return R::binding < at_least ? "(" + text + ")" : text;
}
template <class T>
inline constexpr bool is_number = std::is_same_v<T, number>;
}  // namespace detail

/// `l ∘ r` for ∘ in + − · /, evaluated left to right as written.
template <char Symbol, Rule L, Rule R>
struct infix {
    static constexpr precedence binding = Symbol == '+' || Symbol == '-' ? precedence::sum : precedence::product;  ///< its strength
    L left;   ///< the left operand
    R right;  ///< the right operand
    /// `left(p) ∘ right(p)`.
    constexpr double operator()(const point& p) const {
        const double l = left(p);
        const double r = right(p);
        if constexpr (Symbol == '+') {
            return l + r;
        } else if constexpr (Symbol == '-') {
            return l - r;
        } else if constexpr (Symbol == '*') {
            return l * r;
        } else {
            return l / r;
        }
    }
    /// `left ∘ right`, parenthesized where needed.
    [[nodiscard]] std::string print(const spelling& s) const {
        // Multiplying by 1 or −1 is exact, so printing `d` for `d * 1` shows the same number.
        if constexpr (Symbol == '*' && detail::is_number<R>) {
            if (right.value == 1.0) {
                return detail::operand_text(left, s, binding);
            }
            if (right.value == -1.0) {
                return "-" + detail::operand_text(left, s, precedence::prefix);
            }
        }
        // The right operand is parenthesized at equal strength too: a + (b + c) rounds differently.
        const auto right_needs = static_cast<precedence>(static_cast<unsigned char>(binding) + 1);
        return detail::operand_text(left, s, binding) + " " + Symbol + " " + detail::operand_text(right, s, right_needs);
    }
};

/// `−a`.
template <Rule A>
struct negation {
    static constexpr precedence binding = precedence::prefix;  ///< its strength
    A arg;                                                      ///< the operand
    /// `−arg(p)`.
    constexpr double operator()(const point& p) const { return -arg(p); }
    /// `-arg`.
    [[nodiscard]] std::string print(const spelling& s) const { return "-" + detail::operand_text(arg, s, precedence::prefix); }
};

/// An elementary function applied to a rule: `F::name(arg)`, evaluated by `F::apply`.
template <class F, Rule A>
struct call {
    static constexpr precedence binding = precedence::atom;  ///< never parenthesized
    A arg;                                                    ///< the argument
    /// `F(arg(p))`.
    constexpr double operator()(const point& p) const { return F::apply(arg(p)); }
    /// `name(arg)`.
    [[nodiscard]] std::string print(const spelling& s) const { return F::print(arg.print(s)); }
};

// ---- building rules -----------------------------------------------------------------------------------
/// A rule as it is, a number as a `number`.
template <class T>
constexpr auto as_rule(const T& t) {
    if constexpr (Rule<T>) {
        return t;
    } else {
        return number{static_cast<double>(t)};
    }
}
/// Operands a rule operator takes: two rules, or a rule and a number.
template <class L, class R>
concept rule_operands = (Rule<L> && (Rule<R> || std::is_arithmetic_v<R>)) || (std::is_arithmetic_v<L> && Rule<R>);

/// `l + r`.
template <class L, class R>
    requires rule_operands<L, R>
constexpr auto operator+(const L& l, const R& r) {
    return infix<'+', decltype(as_rule(l)), decltype(as_rule(r))>{as_rule(l), as_rule(r)};
}
/// `l − r`.
template <class L, class R>
    requires rule_operands<L, R>
constexpr auto operator-(const L& l, const R& r) {
    return infix<'-', decltype(as_rule(l)), decltype(as_rule(r))>{as_rule(l), as_rule(r)};
}
/// `l · r`.
template <class L, class R>
    requires rule_operands<L, R>
constexpr auto operator*(const L& l, const R& r) {
    return infix<'*', decltype(as_rule(l)), decltype(as_rule(r))>{as_rule(l), as_rule(r)};
}
/// `l / r`.
template <class L, class R>
    requires rule_operands<L, R>
constexpr auto operator/(const L& l, const R& r) {
    return infix<'/', decltype(as_rule(l)), decltype(as_rule(r))>{as_rule(l), as_rule(r)};
}
/// `−a`.
template <Rule A>
constexpr auto operator-(const A& a) {
    return negation<A>{a};
}

/// The elementary functions rules may call. Each evaluates with memograd::math (constant expressions
/// too) and prints as a call that `cpp_source`'s preamble defines the same way.
namespace functions {
/// e^x.
struct exp {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return math::exp(x); }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "exp(" + x + ")"; }
};
/// ln x.
struct log {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return math::log(x); }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "log(" + x + ")"; }
};
/// tanh x.
struct tanh {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return math::tanh(x); }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "tanh(" + x + ")"; }
};
/// 1 / (1 + e^−x).
struct sigmoid {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return math::sigmoid(x); }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "sigmoid(" + x + ")"; }
};
/// max(x, 0); NaN for NaN (NaN is not <= 0).
struct relu {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return x <= 0 ? 0.0 : x; }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "relu(" + x + ")"; }
};
/// 1 for x > 0, 0 for x <= 0, NaN for NaN: relu's slope (0 at the kink, as PyTorch takes it).
struct step {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) { return x > 0 ? 1.0 : x <= 0 ? 0.0 : x; }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "step(" + x + ")"; }
};
/// x^N by repeated squaring, N >= 0.
template <int N>
struct power {
    /// Its value (constant-evaluable).
    static constexpr double apply(double x) {
        double result = 1.0;
        for (int n = N; n > 0; n >>= 1, x *= x) {
            if ((n & 1) != 0) {
                result *= x;
            }
        }
        return result;
    }
    /// Its call, printed.
    static std::string print(const std::string& x) { return "pow<" + std::to_string(N) + ">(" + x + ")"; }
};
}  // namespace functions

/// `F(arg)` as a rule.
template <class F, class A>
constexpr auto apply(const A& arg) {
    return call<F, decltype(as_rule(arg))>{as_rule(arg)};
}

/// The placeholders and literals rules are written with.
namespace placeholders {
inline constexpr placeholder<'a'> a{};  ///< first operand
inline constexpr placeholder<'b'> b{};  ///< second operand
inline constexpr placeholder<'c'> c{};  ///< run-time scalar
inline constexpr placeholder<'v'> v{};  ///< the node's value
inline constexpr placeholder<'d'> d{};  ///< the node's adjoint
inline constexpr number zero{0.0};      ///< 0
inline constexpr number one{1.0};       ///< 1
inline constexpr number two{2.0};       ///< 2
}  // namespace placeholders

}  // namespace memograd::rule

namespace memograd {

namespace detail {
template <class T>
concept rule_object = rule::Rule<std::remove_cvref_t<T>>;
}  // namespace detail

/// An operation of one operand: a `value` rule in `a` and a `derivative` rule (d value / d a).
template <class Op>
concept UnaryRule = requires {
    { Op::name } -> std::convertible_to<std::string_view>;
    requires detail::rule_object<decltype(Op::value)>;
    requires detail::rule_object<decltype(Op::derivative)>;
};
/// An operation of two operands: a `value` rule in `a`, `b` and one derivative rule per operand.
template <class Op>
concept BinaryRule = requires {
    { Op::name } -> std::convertible_to<std::string_view>;
    requires detail::rule_object<decltype(Op::value)>;
    requires detail::rule_object<decltype(Op::derivative_a)>;
    requires detail::rule_object<decltype(Op::derivative_b)>;
};
/// An operation of one operand and a run-time number `c` (`a + c`, `c / a`): a unary rule that reads c.
template <class Op>
concept ScalarRule = UnaryRule<Op> && Op::reads_scalar;

}  // namespace memograd
