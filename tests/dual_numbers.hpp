#pragma once
// Forward-mode automatic differentiation with dual numbers: a third, independent gradient oracle.
// It shares nothing with the library's passes but the expression types: its derivative rules are the
// textbook ones for dual arithmetic written out here, it walks the expression as a tree (no memoization,
// no graph analysis), and it carries all K tangents forward at once instead of adjoints backward.
#include <memograd/autodiff.hpp>


#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace memograd_tests {

/// value + Σ tangent[i]·ε_i with ε_i ε_j = 0, and beside each tangent the scale of its rounding error.
///
/// `scale[i]` is the same chain rule over absolute values: Σ over paths of the product of each local
/// derivative's absolute terms (1 + y² for tanh's 1 − y², not |1 − y²|). Any evaluation order of the
/// chain rule (the memoized pass, the path sum, this one) rounds within a small multiple of
/// eps · scale[i], however small the gradient itself is: the bound `near_gradient` compares under.
template <std::size_t K>
struct dual {
    double value;
    std::array<double, K> tangent;
    std::array<double, K> scale;
};

namespace dual_math {

/// One local derivative: its value and the sum of its terms' absolute values.
struct partial {
    double slope;
    double magnitude;
};
inline partial exact(double slope) { return {.slope = slope, .magnitude = std::abs(slope)}; }

/// Applies f to the value and df/dx to every tangent: the chain rule, forward.
template <std::size_t K>
dual<K> chain(const dual<K>& x, double fx, partial d) {
    dual<K> r{fx, {}, {}};
    for (std::size_t i = 0; i < K; ++i) {
        r.tangent[i] = d.slope * x.tangent[i];
        r.scale[i] = d.magnitude * x.scale[i];
    }
    return r;
}

/// The chain rule for two operands with local derivatives da, db.
template <std::size_t K>
dual<K> combine(const dual<K>& a, const dual<K>& b, double value, partial da, partial db) {
    dual<K> r{value, {}, {}};
    for (std::size_t i = 0; i < K; ++i) {
        r.tangent[i] = da.slope * a.tangent[i] + db.slope * b.tangent[i];
        r.scale[i] = da.magnitude * a.scale[i] + db.magnitude * b.scale[i];
    }
    return r;
}

template <std::size_t K>
dual<K> operator+(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value + b.value, exact(1.0), exact(1.0));
}
template <std::size_t K>
dual<K> operator-(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value - b.value, exact(1.0), exact(-1.0));
}
template <std::size_t K>
dual<K> operator*(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value * b.value, exact(b.value), exact(a.value));
}
template <std::size_t K>
dual<K> operator/(const dual<K>& a, const dual<K>& b) {
    // (a/b)' = a'/b − a b'/b²
    return combine(a, b, a.value / b.value, exact(1.0 / b.value), exact(-a.value / (b.value * b.value)));
}
template <std::size_t K>
dual<K> constant(double c) {
    return dual<K>{c, {}, {}};
}

template <std::size_t K>
dual<K> exp(const dual<K>& x) {
    const double e = std::exp(x.value);
    return chain(x, e, exact(e));
}
template <std::size_t K>
dual<K> log(const dual<K>& x) {
    return chain(x, std::log(x.value), exact(1.0 / x.value));
}
template <std::size_t K>
dual<K> tanh(const dual<K>& x) {
    // 1 / cosh² written from cosh, not from tanh's own value, to stay independent of the library's rule;
    // the library computes 1 − y², whose rounding scales with 1 + y².
    const double t = std::tanh(x.value);
    const double c = std::cosh(x.value);
    return chain(x, t, {.slope = 1.0 / (c * c), .magnitude = 1.0 + t * t});
}
template <std::size_t K>
dual<K> sigmoid(const dual<K>& x) {
    // e^−v / (1 + e^−v)², with the exponent's sign chosen so nothing overflows; the library computes
    // y (1 − y), whose rounding scales with y (1 + y).
    const double e = std::exp(-std::abs(x.value));
    const double y = 1.0 / (1.0 + std::exp(-x.value));
    return chain(x, y, {.slope = e / ((1.0 + e) * (1.0 + e)), .magnitude = y * (1.0 + y)});
}
template <std::size_t K>
dual<K> relu(const dual<K>& x) {
    // NaN is neither > 0 nor <= 0: it passes through the value and the slope.
    const double slope = x.value > 0 ? 1.0 : x.value <= 0 ? 0.0 : x.value;
    return chain(x, x.value <= 0 ? 0.0 : x.value, exact(slope));
}
template <std::size_t K>
dual<K> power(const dual<K>& x, int n) {
    return chain(x, std::pow(x.value, n), exact(n == 0 ? 0.0 : n * std::pow(x.value, n - 1)));
}

}  // namespace dual_math

/// A gradient entry against forward mode's: within `relative` of the rounding scale of the chain rule's
/// terms (dual::scale), not of 1 + |a| + |b|, so a gradient of 1e-12 made of terms near 1e-12 is checked
/// to 1e-12 · relative. Only below 1e-280, where subnormal intermediates round to an absolute grid rather
/// than a relative one, does an absolute floor take over.
inline bool near_gradient(double a, double b, double scale, double relative) {
    return std::abs(a - b) <= relative * scale + 1e-280;
}

// Declared first: the overloads call each other, and argument-dependent lookup would not find them.
template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::unary_node<Op, A>& e, const std::array<double, K>& x);
template <std::size_t K, class Op, class L, class R>
dual<K> forward_mode(const memograd::binary_node<Op, L, R>& e, const std::array<double, K>& x);
template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::with_scalar_node<Op, A>& e, const std::array<double, K>& x);

template <std::size_t K, double V>
dual<K> forward_mode(const memograd::constant<V>&, const std::array<double, K>&) {
    return dual_math::constant<K>(V);
}

template <std::size_t K, std::size_t I>
dual<K> forward_mode(const memograd::var<I>&, const std::array<double, K>& x) {
    dual<K> r{x[I], {}, {}};
    r.tangent[I] = 1.0;
    r.scale[I] = 1.0;
    return r;
}

template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::unary_node<Op, A>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> a = forward_mode(memograd::node_traits<std::remove_cvref_t<decltype(e)>>::template operand<0>(e), x);
    if constexpr (std::is_same_v<Op, ops::negate>) {
        return constant<K>(0.0) - a;
    } else if constexpr (std::is_same_v<Op, ops::exp>) {
        return exp(a);
    } else if constexpr (std::is_same_v<Op, ops::log>) {
        return log(a);
    } else if constexpr (std::is_same_v<Op, ops::tanh>) {
        return tanh(a);
    } else if constexpr (std::is_same_v<Op, ops::sigmoid>) {
        return sigmoid(a);
    } else if constexpr (std::is_same_v<Op, ops::relu>) {
        return relu(a);
    } else if constexpr (std::is_same_v<Op, ops::square>) {
        return a * a;
    } else {
        static_assert(std::is_same_v<Op, ops::power<Op::exponent>>);
        return power(a, Op::exponent);
    }
}

template <std::size_t K, class Op, class L, class R>
dual<K> forward_mode(const memograd::binary_node<Op, L, R>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> l = forward_mode(memograd::node_traits<std::remove_cvref_t<decltype(e)>>::template operand<0>(e), x);
    const dual<K> r = forward_mode(memograd::node_traits<std::remove_cvref_t<decltype(e)>>::template operand<1>(e), x);
    if constexpr (std::is_same_v<Op, ops::add>) {
        return l + r;
    } else if constexpr (std::is_same_v<Op, ops::subtract>) {
        return l - r;
    } else if constexpr (std::is_same_v<Op, ops::multiply>) {
        return l * r;
    } else {
        static_assert(std::is_same_v<Op, ops::divide>);
        return l / r;
    }
}

template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::with_scalar_node<Op, A>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> a = forward_mode(memograd::node_traits<std::remove_cvref_t<decltype(e)>>::template operand<0>(e), x);
    const dual<K> c = constant<K>(e.scalar);
    if constexpr (std::is_same_v<Op, ops::add_scalar>) {
        return a + c;
    } else if constexpr (std::is_same_v<Op, ops::multiply_scalar>) {
        return a * c;
    } else if constexpr (std::is_same_v<Op, ops::divide_by_scalar>) {
        return a / c;
    } else if constexpr (std::is_same_v<Op, ops::scalar_minus>) {
        return c - a;
    } else {
        static_assert(std::is_same_v<Op, ops::scalar_divided_by>);
        return c / a;
    }
}

}  // namespace memograd_tests
