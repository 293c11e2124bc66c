#pragma once
/// @file
/// @brief exp, log, tanh, sigmoid, sqrt, sin, cos that also work in constant expressions.
///
/// Clang's `<cmath>` is not constexpr, so a derivative evaluated by the compiler needs its own
/// elementary functions. At run time these forward to `std::` (fast, correctly rounded by the C library);
/// inside a constant expression they use the argument reductions and series below. Their accuracy
/// against `std::` is tested at points that reach every branch (tests/autodiff_runtime.cpp): exp and log
/// within 4 ulp, tanh and sigmoid within 8 ulp; sin and cos within 2 ulp (|x| <= 1000); sqrt is correctly
/// rounded, equal to std::sqrt bit for bit (tests/nn_moons.cpp).

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

/// a² as 128 bits (high, low) for a < 2^63.
struct uint128 {
    std::uint64_t high;
    std::uint64_t low;
};
constexpr uint128 square(std::uint64_t a) {
    const std::uint64_t a1 = a >> 32, a0 = a & 0xffffffffULL;
    const std::uint64_t cross = 2 * a1 * a0;  // < 2^64 for a < 2^63
    const std::uint64_t low = a0 * a0 + (cross << 32);
    const std::uint64_t carry = low < (cross << 32) ? 1 : 0;
    return {.high = a1 * a1 + (cross >> 32) + carry, .low = low};
}
constexpr bool less(uint128 a, uint128 b) { return a.high < b.high || (a.high == b.high && a.low < b.low); }

/// √x correctly rounded. x = F·2^E with an even E: √x = √(F·2^52)·2^((E−52)/2), and Y = round(√(F·2^52))
/// is the integer with (2Y − 1)² < 4F·2^52 < (2Y + 1)² (never equal: odd against even). Newton's iteration
/// in doubles gives Y to within one; the comparison in 128-bit integers settles it.
constexpr double sqrt_constant(double x) {
    if (x != x || x < 0) {
        return nan;
    }
    if (x == 0 || x == inf) {
        return x;
    }
    int scale = 0;  // subnormal: bring into normal range first, √(x·2^54) = √x·2^27
    if (x < std::numeric_limits<double>::min()) {
        x *= power_of_two(54);
        scale = -27;
    }
    const auto bits = std::bit_cast<std::uint64_t>(x);
    std::uint64_t f = (bits & 0x000fffffffffffffULL) | 0x0010000000000000ULL;  // 2^52 <= f < 2^53
    int e = static_cast<int>((bits >> 52) & 0x7ff) - 1075;                       // x = f·2^e
    if (e % 2 != 0) {
        f <<= 1;
        --e;
    }
    const int k = (e + 52) / 2;  // √x = √(f·2^-52)·2^k, √(f·2^-52) in [1, 2√2)
    double r = x > 1 ? x : 1.0;
    for (int i = 0; i < 2000; ++i) {
        const double next = 0.5 * (r + x / r);
        if (next >= r) {
            break;
        }
        r = next;
    }
    // Y = √(f·2^52) to within one: r·2^(52-k), exact (a power-of-two scaling of a double < 2^54).
    auto y = static_cast<std::uint64_t>(r * power_of_two(52 - k));
    const uint128 four_t{.high = f >> 10, .low = f << 54};  // 4·f·2^52
    while (less(square(2 * y + 1), four_t)) {
        ++y;
    }
    while (less(four_t, square(2 * y - 1))) {
        --y;
    }
    return static_cast<double>(y) * power_of_two(k - 52) * power_of_two(scale);
}

// π/2 in three parts of 33 bits (fdlibm's pio2_1, pio2_2, pio2_3): n times each part is exact for
// |n| < 2^20, so x − n·π/2 is computed to about 2^-85 relative to π/2.
inline constexpr double half_pi_1 = 1.57079632673412561417e+00;
inline constexpr double half_pi_2 = 6.07710050630396597660e-11;
inline constexpr double half_pi_3 = 2.02226624871116645580e-21;
inline constexpr double two_over_pi = 6.36619772367581382433e-01;

/// sin r and cos r for |r| <= π/4 by their Taylor series.
constexpr double sin_small(double r) {
    const double r2 = r * r;
    double term = r;
    double sum = 0.0;  // the terms after r, added to r last (smallest first would not matter at this size)
    for (int n = 3; n <= 23; n += 2) {
        term *= -r2 / ((n - 1) * n);
        sum += term;
    }
    return r + sum;
}
constexpr double cos_small(double r) {
    const double r2 = r * r;
    double term = 1.0;
    double sum = 0.0;
    for (int n = 2; n <= 22; n += 2) {
        term *= -r2 / ((n - 1) * n);
        sum += term;
    }
    return 1.0 + sum;
}

/// sin x (Quadrant = 0) or cos x (Quadrant = 1): x = n·π/2 + r, then the quarter turn n + Quadrant picks
/// ±sin r or ±cos r.
template <int Quadrant>
constexpr double sin_cos_constant(double x) {
    if (x != x || x == inf || x == -inf) {
        return nan;
    }
    if (x > 1.6e6 || x < -1.6e6) {  // beyond the exact reduction (|n| >= 2^20): not needed, refused
        return nan;
    }
    if (x == 0) {  // sin ±0 = ±0, cos 0 = 1 (the series would turn −0 into +0)
        return Quadrant == 0 ? x : 1.0;
    }
    const double nd = x * two_over_pi;
    const auto n = static_cast<long long>(nd < 0 ? nd - 0.5 : nd + 0.5);
    const auto nearest = static_cast<double>(n);  // exact: |n| < 2^21 here
    const double r = ((x - nearest * half_pi_1) - nearest * half_pi_2) - nearest * half_pi_3;
    switch ((n + Quadrant) & 3) {
        case 0: return sin_small(r);
        case 1: return cos_small(r);
        case 2: return -sin_small(r);
        default: return -cos_small(r);
    }
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

/// Square root, correctly rounded like std::sqrt (IEEE 754 requires it), so both paths agree bit for bit;
/// constant-evaluable (Newton's iteration, then the last bit settled with integer arithmetic).
constexpr double sqrt(double x) {
    if (!std::is_constant_evaluated()) {
        return std::sqrt(x);
    }
    return detail::sqrt_constant(x);
}

/// Sine; constant-evaluable for |x| <= 1.6e6 (NaN beyond: the constant path's argument reduction stops there).
constexpr double sin(double x) {
    if (std::is_constant_evaluated()) {
        return detail::sin_cos_constant<0>(x);
    }
    return std::sin(x);
}

/// Cosine; constant-evaluable for |x| <= 1.6e6 (NaN beyond, as for sin).
constexpr double cos(double x) {
    if (std::is_constant_evaluated()) {
        return detail::sin_cos_constant<1>(x);
    }
    return std::cos(x);
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
