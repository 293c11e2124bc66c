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

/// value + Σ tangent[i]·ε_i with ε_i ε_j = 0.
template <std::size_t K>
struct dual {
    double value;
    std::array<double, K> tangent;
};

namespace dual_math {

/// Applies f to the value and df/dx (given f(x) and x) to every tangent: the chain rule, forward.
template <std::size_t K, class Slope>
dual<K> chain(const dual<K>& x, double fx, Slope slope) {
    dual<K> r{fx, {}};
    const double d = slope(x.value, fx);
    for (std::size_t i = 0; i < K; ++i) {
        r.tangent[i] = d * x.tangent[i];
    }
    return r;
}

template <std::size_t K, class Combine>
dual<K> combine(const dual<K>& a, const dual<K>& b, double value, Combine tangent) {
    dual<K> r{value, {}};
    for (std::size_t i = 0; i < K; ++i) {
        r.tangent[i] = tangent(a.tangent[i], b.tangent[i]);
    }
    return r;
}

template <std::size_t K>
dual<K> operator+(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value + b.value, [](double da, double db) { return da + db; });
}
template <std::size_t K>
dual<K> operator-(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value - b.value, [](double da, double db) { return da - db; });
}
template <std::size_t K>
dual<K> operator*(const dual<K>& a, const dual<K>& b) {
    return combine(a, b, a.value * b.value, [&](double da, double db) { return da * b.value + a.value * db; });
}
template <std::size_t K>
dual<K> operator/(const dual<K>& a, const dual<K>& b) {
    // (a/b)' = (a' b − a b') / b²
    return combine(a, b, a.value / b.value,
                   [&](double da, double db) { return (da * b.value - a.value * db) / (b.value * b.value); });
}
template <std::size_t K>
dual<K> constant(double c) {
    return dual<K>{c, {}};
}

template <std::size_t K>
dual<K> exp(const dual<K>& x) {
    return chain(x, std::exp(x.value), [](double, double fx) { return fx; });
}
template <std::size_t K>
dual<K> log(const dual<K>& x) {
    return chain(x, std::log(x.value), [](double v, double) { return 1.0 / v; });
}
template <std::size_t K>
dual<K> tanh(const dual<K>& x) {
    // 1 / cosh² written from cosh, not from tanh's own value, to stay independent of the library's rule.
    return chain(x, std::tanh(x.value), [](double v, double) { return 1.0 / (std::cosh(v) * std::cosh(v)); });
}
template <std::size_t K>
dual<K> sigmoid(const dual<K>& x) {
    // e^−v / (1 + e^−v)², with the exponent's sign chosen so nothing overflows.
    return chain(x, 1.0 / (1.0 + std::exp(-x.value)), [](double v, double) {
        const double e = std::exp(-std::abs(v));
        return e / ((1.0 + e) * (1.0 + e));
    });
}
template <std::size_t K>
dual<K> relu(const dual<K>& x) {
    return chain(x, x.value > 0 ? x.value : 0.0, [](double v, double) { return v > 0 ? 1.0 : 0.0; });
}
template <std::size_t K>
dual<K> power(const dual<K>& x, int n) {
    return chain(x, std::pow(x.value, n), [n](double v, double) { return n == 0 ? 0.0 : n * std::pow(v, n - 1); });
}

}  // namespace dual_math

// Declared first: the overloads call each other, and argument-dependent lookup would not find them.
template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::unary<Op, A>& e, const std::array<double, K>& x);
template <std::size_t K, class Op, class L, class R>
dual<K> forward_mode(const memograd::binary<Op, L, R>& e, const std::array<double, K>& x);
template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::with_scalar<Op, A>& e, const std::array<double, K>& x);

template <std::size_t K, double V>
dual<K> forward_mode(const memograd::constant<V>&, const std::array<double, K>&) {
    return dual_math::constant<K>(V);
}

template <std::size_t K, std::size_t I>
dual<K> forward_mode(const memograd::var<I>&, const std::array<double, K>& x) {
    dual<K> r{x[I], {}};
    r.tangent[I] = 1.0;
    return r;
}

template <std::size_t K, class Op, class A>
dual<K> forward_mode(const memograd::unary<Op, A>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> a = forward_mode(e.arg, x);
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
        return power(a, Op::exponent);
    }
}

template <std::size_t K, class Op, class L, class R>
dual<K> forward_mode(const memograd::binary<Op, L, R>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> l = forward_mode(e.left, x);
    const dual<K> r = forward_mode(e.right, x);
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
dual<K> forward_mode(const memograd::with_scalar<Op, A>& e, const std::array<double, K>& x) {
    namespace ops = memograd::ops;
    using namespace dual_math;
    const dual<K> a = forward_mode(e.arg, x);
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
