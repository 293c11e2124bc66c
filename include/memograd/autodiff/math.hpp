#pragma once
/// @file
/// @brief exp, log, tanh, sigmoid, sqrt that also work in constant expressions.
///
/// Clang's `<cmath>` is not constexpr, so a derivative evaluated by the compiler needs its own
/// elementary functions. At run time these forward to `std::` (fast, correctly rounded by the C library);
/// inside a constant expression they use the argument reductions and series below. Their accuracy
/// against `std::` is tested (tests/autodiff_runtime.cpp): exp and log within 4 ulp, tanh and sigmoid
/// within 8 ulp over the tested ranges.

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <type_traits>

namespace memograd::math {
namespace detail {

// ln 2 split in two: the upper bits multiply k exactly. Not std::numbers::ln2, which is the rounded sum.
inline constexpr double ln2_hi = 6.93147180369123816490e-01;  // NOLINT(modernize-use-std-numbers)
inline constexpr double ln2_lo = 1.90821492927058770002e-10;  // ln 2 - ln2_hi
inline constexpr double ln2 = std::numbers::ln2;
inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// 2^k for a normal-range exponent, built from its bit pattern.
constexpr double power_of_two(int k) {
    return std::bit_cast<double>(static_cast<std::uint64_t>(k + 1023) << 52);
}

/// e^r − 1 for |r| <= 0.35 by its Taylor series (no cancellation against 1).
constexpr double expm1_small(double r) {
    double term = r;
    double sum = r;
    for (int n = 2; n <= 18; ++n) {
        term *= r / n;
        sum += term;
    }
    return sum;
}

constexpr double exp_constant(double x) {
    if (x != x) {
        return x;
    }
    if (x > 709.782712893384) {
        return inf;
    }
    if (x < -745.1332191019412) {
        return 0.0;
    }
    // x = k ln2 + r, |r| <= ln2 / 2; e^x = 2^k e^r.
    const double kd = x / ln2;
    const int k = static_cast<int>(kd < 0 ? kd - 0.5 : kd + 0.5);
    const double r = (x - k * ln2_hi) - k * ln2_lo;
    const double er = 1.0 + expm1_small(r);
    if (k < -1021) {  // subnormal result: scale in two steps
        return er * power_of_two(k + 60) * power_of_two(-60);
    }
    if (k > 1023) {
        return er * power_of_two(k - 1) * 2.0;
    }
    return er * power_of_two(k);
}

constexpr double log_constant(double x) {
    if (x != x || x < 0) {
        return nan;
    }
    if (x == 0) {
        return -inf;
    }
    if (x == inf) {
        return inf;
    }
    int exponent_bias = 0;
    if (x < std::numeric_limits<double>::min()) {  // subnormal: bring into normal range first
        x *= power_of_two(54);
        exponent_bias = -54;
    }
    const auto bits = std::bit_cast<std::uint64_t>(x);
    int e = static_cast<int>((bits >> 52) & 0x7ff) - 1023 + exponent_bias;
    auto m = std::bit_cast<double>((bits & 0x000fffffffffffffULL) | 0x3ff0000000000000ULL);  // [1, 2)
    if (m > std::numbers::sqrt2) {
        m *= 0.5;
        ++e;
    }
    // log m = 2 atanh(s), s = (m − 1)/(m + 1), |s| <= 0.172.
    const double s = (m - 1.0) / (m + 1.0);
    const double s2 = s * s;
    double term = s;
    double sum = s;
    for (int n = 3; n <= 31; n += 2) {
        term *= s2;
        sum += term / n;
    }
    return e * ln2_hi + (e * ln2_lo + 2.0 * sum);
}

constexpr double tanh_constant(double x) {
    if (x != x) {
        return x;
    }
    if (x > 22.0) {
        return 1.0;
    }
    if (x < -22.0) {
        return -1.0;
    }
    if (x > -0.17 && x < 0.17) {  // tanh x = em1 / (em1 + 2), em1 = e^{2x} − 1 without cancellation
        const double em1 = expm1_small(2.0 * x);
        return em1 / (em1 + 2.0);
    }
    const double e = exp_constant(2.0 * x);
    return (e - 1.0) / (e + 1.0);
}

}  // namespace detail

/// e^x; constant-evaluable.
constexpr double exp(double x) {
    if (std::is_constant_evaluated()) {
        return detail::exp_constant(x);
    }
    return std::exp(x);
}

/// Natural logarithm; log(0) = −inf, log(x < 0) = NaN (as std::log); constant-evaluable.
constexpr double log(double x) {
    if (std::is_constant_evaluated()) {
        return detail::log_constant(x);
    }
    return std::log(x);
}

/// Hyperbolic tangent; constant-evaluable.
constexpr double tanh(double x) {
    if (std::is_constant_evaluated()) {
        return detail::tanh_constant(x);
    }
    return std::tanh(x);
}

/// Square root; constant-evaluable (Newton's iteration from a power-of-two estimate).
constexpr double sqrt(double x) {
    if (!std::is_constant_evaluated()) {
        return std::sqrt(x);
    }
    if (x != x || x < 0) {
        return detail::nan;
    }
    if (x == 0 || x == detail::inf) {
        return x;
    }
    double r = x > 1 ? x : 1.0;
    for (int i = 0; i < 2000; ++i) {
        const double next = 0.5 * (r + x / r);
        if (next >= r) {
            break;
        }
        r = next;
    }
    return r;
}

/// The logistic function 1 / (1 + e^−x), written so neither branch overflows; constant-evaluable.
constexpr double sigmoid(double x) {
    if (x >= 0) {
        return 1.0 / (1.0 + exp(-x));
    }
    const double e = exp(x);
    return e / (1.0 + e);
}

}  // namespace memograd::math
