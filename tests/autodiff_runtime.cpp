// Run-time claims of the backpropagation half, checked against central finite differences (an
// independent numerical method), the unmemoized path sum, and the C library's math functions.
#include "catch.hpp"
#include "gradient_checks.hpp"
#include "hand_backprop.hpp"
#include <memograd/autodiff/dense_network.hpp>

#include <memograd/autodiff.hpp>
#include <memograd/nn/activation.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <random>
#include <utility>

namespace {

using namespace memograd;
using memograd_tests::check_against_references;
using memograd_tests::near;

constexpr var<0> x;
constexpr var<1> y;

}  // namespace

TEST_CASE("every operation's derivative agrees with central finite differences", "[autodiff][runtime]") {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> point(0.2, 2.0);  // log and division stay away from 0
    for (int trial = 0; trial < 50; ++trial) {
        const std::array at{point(rng), point(rng) * (trial % 2 == 0 ? 1.0 : -1.0)};
        INFO("x = " << at[0] << ", y = " << at[1]);
        check_against_references(x + y, at, true);
        check_against_references(x - y, at, true);
        check_against_references(x * y, at, true);
        check_against_references(x / y, at, true);
        check_against_references(-x, at, true);
        check_against_references(exp(y), at, true);
        check_against_references(log(x), at, true);
        check_against_references(tanh(y), at, true);
        check_against_references(sigmoid(y), at, true);
        check_against_references(relu(y), at, true);
        check_against_references(square(y), at, true);
        check_against_references(pow<5>(y), at, true);
        check_against_references(x + 1.5, at, true);
        check_against_references(3.0 - y, at, true);
        check_against_references(y * 2.5, at, true);
        check_against_references(y / 2.5, at, true);
        check_against_references(2.5 / x, at, true);
    }
}

TEST_CASE("a 2-16-16-1 tanh network: memoized = path sum = finite differences", "[autodiff][runtime]") {
    constexpr std::size_t vars = memograd::dense_network_vars<2, 16, 2>;
    const auto loss = memograd::dense_network_loss<2, 16, 2>();
    std::mt19937_64 rng(3);
    std::normal_distribution<double> weight(0.0, 0.3);
    std::array<double, vars> at{};
    for (double& v : at) {
        v = weight(rng);
    }
    check_against_references(loss, at, true);
    STATIC_REQUIRE(stats<decltype(loss)>::nodes == 982);
    // ...and against the hand-written backprop of the same network.
    using hand = memograd_tests::hand_backprop<16>;
    STATIC_REQUIRE(hand::vars == vars);
    std::array<double, vars> hand_grad{};
    const double hand_loss = hand::value_and_grad(at, hand_grad);
    const auto generated = value_and_grad(loss, at);
    CHECK(near(generated.value, hand_loss, 1e-14));
    for (std::size_t i = 0; i < vars; ++i) {
        INFO("var " << i);
        CHECK(near(generated.grad[i], hand_grad[i], 1e-13));
    }
}

TEST_CASE("constant evaluation and run time give the same numbers", "[autodiff][runtime]") {
    const auto expr = tanh(x * y + 0.5) * sigmoid(x) + log(1.0 + exp(y));
    constexpr std::array at{0.4, -0.9};
    constexpr auto at_compile_time = value_and_grad(tanh(x * y + 0.5) * sigmoid(x) + log(1.0 + exp(y)), at);
    const auto at_run_time = value_and_grad(expr, at);
    CHECK(near(at_compile_time.value, at_run_time.value, 1e-15));
    CHECK(near(at_compile_time.grad[0], at_run_time.grad[0], 1e-15));
    CHECK(near(at_compile_time.grad[1], at_run_time.grad[1], 1e-15));
}

namespace {

double ulps(double a, double b) {
    if (a == b) {
        return 0.0;
    }
    return std::abs(a - b) / (std::nextafter(std::abs(b), std::numeric_limits<double>::infinity()) - std::abs(b));
}

/// N points spread evenly over [low, high].
template <std::size_t N>
constexpr std::array<double, N> spread(double low, double high) {
    std::array<double, N> points{};
    for (std::size_t i = 0; i < N; ++i) {
        points[i] = low + (high - low) * static_cast<double>(i) / static_cast<double>(N - 1);
    }
    return points;
}

/// N positive doubles spread evenly over the bit patterns [low, high]: every binade, subnormals included.
template <std::size_t N>
constexpr std::array<double, N> spread_bits(double low, double high) {
    const auto from = std::bit_cast<std::uint64_t>(low);
    const auto to = std::bit_cast<std::uint64_t>(high);
    std::array<double, N> points{};
    for (std::size_t i = 0; i < N; ++i) {
        points[i] = std::bit_cast<double>(from + (to - from) / (N - 1) * i);
    }
    return points;
}

/// f at every point, evaluated by the compiler when the result initializes a constexpr variable.
template <std::size_t N, class F>
constexpr std::array<double, N> map(const std::array<double, N>& points, F f) {
    std::array<double, N> values{};
    for (std::size_t i = 0; i < N; ++i) {
        values[i] = f(points[i]);
    }
    return values;
}

/// The largest distance in ulp between the compiler's values and the C library's at the same points.
template <std::size_t N, class F>
double worst_ulps(const std::array<double, N>& points, const std::array<double, N>& compiled, F library) {
    double worst = 0;
    for (std::size_t i = 0; i < N; ++i) {
        INFO("at " << points[i] << ": constant-evaluated " << compiled[i] << ", C library " << library(points[i]));
        REQUIRE(std::isfinite(compiled[i]) == std::isfinite(library(points[i])));
        worst = std::max(worst, ulps(compiled[i], library(points[i])));
    }
    return worst;
}

// Points that reach every branch of the constant-evaluated functions: exp's subnormal results
// (x < -708.4) and its last binade (x > 709.09), log's subnormal inputs, tanh's series near 0.
constexpr auto exp_low = spread<200>(-745.13, -708.0);
constexpr auto exp_mid = spread<800>(-708.0, 709.0);
constexpr auto exp_high = spread<100>(709.1, 709.78);
constexpr auto log_all = spread_bits<800>(std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max());
constexpr auto log_subnormal = spread_bits<200>(std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min());
constexpr auto tanh_points = spread<600>(-25.0, 25.0);
constexpr auto tanh_small = spread<200>(-0.17, 0.17);
constexpr auto sigmoid_points = spread<800>(-40.0, 40.0);
constexpr auto sqrt_points = spread_bits<200>(std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::max());

}  // namespace

TEST_CASE("constexpr math is within a few ulp of the C library", "[autodiff][runtime][math]") {
    // The series and reductions of math::detail called at run time, at 200,000 random points.
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> wide(-700.0, 700.0);
    std::uniform_real_distribution<double> narrow(-25.0, 25.0);
    double worst_exp = 0, worst_log = 0, worst_tanh = 0;
    for (int i = 0; i < 200'000; ++i) {
        const double a = wide(rng);
        const double b = narrow(rng);
        worst_exp = std::max(worst_exp, ulps(math::detail::exp_constant(a), std::exp(a)));
        const double positive = std::exp(a / 2);
        worst_log = std::max(worst_log, ulps(math::detail::log_constant(positive), std::log(positive)));
        worst_tanh = std::max(worst_tanh, ulps(math::detail::tanh_constant(b), std::tanh(b)));
    }
    INFO("worst ulp: exp " << worst_exp << ", log " << worst_log << ", tanh " << worst_tanh);
    CHECK(worst_exp <= 4);
    CHECK(worst_log <= 4);
    CHECK(worst_tanh <= 8);
    // Edge values follow IEEE and the C library.
    CHECK(math::detail::exp_constant(1000.0) == std::numeric_limits<double>::infinity());
    CHECK(math::detail::exp_constant(-1000.0) == 0.0);
    CHECK(math::detail::log_constant(0.0) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(math::detail::log_constant(-1.0)));
    CHECK(std::isnan(math::detail::exp_constant(std::numeric_limits<double>::quiet_NaN())));
    CHECK(math::detail::tanh_constant(40.0) == 1.0);
}

TEST_CASE("the public math functions, evaluated by the compiler, against the C library", "[autodiff][runtime][math]") {
    // Each array is computed in a constant expression, so math::exp ... math::sqrt take their
    // constant-evaluated branch; the C library is called at run time at the same points.
    constexpr auto exp_fn = [](double v) { return math::exp(v); };
    constexpr auto log_fn = [](double v) { return math::log(v); };
    constexpr auto tanh_fn = [](double v) { return math::tanh(v); };
    constexpr auto sigmoid_fn = [](double v) { return math::sigmoid(v); };
    constexpr auto sqrt_fn = [](double v) { return math::sqrt(v); };
    const auto c_exp = [](double v) { return std::exp(v); };
    const auto c_log = [](double v) { return std::log(v); };
    const auto c_tanh = [](double v) { return std::tanh(v); };
    // The textbook form, from the C library's exp: a different formula from math::sigmoid's two branches.
    const auto c_sigmoid = [](double v) { return 1.0 / (1.0 + std::exp(-v)); };
    const auto c_sqrt = [](double v) { return std::sqrt(v); };
    constexpr auto exp_low_values = map(exp_low, exp_fn);
    constexpr auto exp_mid_values = map(exp_mid, exp_fn);
    constexpr auto exp_high_values = map(exp_high, exp_fn);
    constexpr auto log_all_values = map(log_all, log_fn);
    constexpr auto log_subnormal_values = map(log_subnormal, log_fn);
    constexpr auto tanh_values = map(tanh_points, tanh_fn);
    constexpr auto tanh_small_values = map(tanh_small, tanh_fn);
    constexpr auto sigmoid_values = map(sigmoid_points, sigmoid_fn);
    constexpr auto sqrt_values = map(sqrt_points, sqrt_fn);
    const double exp_subnormal = worst_ulps(exp_low, exp_low_values, c_exp);
    const double exp_normal = std::max(worst_ulps(exp_mid, exp_mid_values, c_exp), worst_ulps(exp_high, exp_high_values, c_exp));
    const double log_worst = std::max(worst_ulps(log_all, log_all_values, c_log),
                                      worst_ulps(log_subnormal, log_subnormal_values, c_log));
    const double tanh_worst = std::max(worst_ulps(tanh_points, tanh_values, c_tanh),
                                       worst_ulps(tanh_small, tanh_small_values, c_tanh));
    const double sigmoid_worst = worst_ulps(sigmoid_points, sigmoid_values, c_sigmoid);
    const double sqrt_worst = worst_ulps(sqrt_points, sqrt_values, c_sqrt);
    INFO("worst ulp: exp " << exp_normal << " (subnormal results " << exp_subnormal << "), log " << log_worst << ", tanh "
                           << tanh_worst << ", sigmoid " << sigmoid_worst << ", sqrt " << sqrt_worst);
    CHECK(exp_normal <= 4);
    CHECK(exp_subnormal <= 4);
    CHECK(log_worst <= 4);
    CHECK(tanh_worst <= 8);
    CHECK(sigmoid_worst <= 8);
    CHECK(sqrt_worst == 0);  // correctly rounded
    // The branches' edges: sqrt of 0, inf, NaN, a negative; exp past both ends.
    STATIC_REQUIRE(math::sqrt(0.0) == 0.0);
    STATIC_REQUIRE(math::sqrt(std::numeric_limits<double>::infinity()) == std::numeric_limits<double>::infinity());
    STATIC_REQUIRE(math::sqrt(-1.0) != math::sqrt(-1.0));  // NaN
    STATIC_REQUIRE(math::sqrt(2.25) == 1.5);
    STATIC_REQUIRE(math::exp(709.79) == std::numeric_limits<double>::infinity());
    STATIC_REQUIRE(math::exp(-745.2) == 0.0);
}

TEST_CASE("IEEE semantics: NaN and infinities propagate, edge derivatives are defined", "[autodiff][runtime][ieee]") {
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    // NaN in, NaN out, value and gradient.
    const auto a = value_and_grad(x * y + tanh(x), std::array{nan, 1.0});
    CHECK(std::isnan(a.value));
    CHECK(std::isnan(a.grad[0]));
    // log(0) = -inf with slope +inf; 1/0 = inf.
    const auto b = value_and_grad(log(x), std::array{0.0});
    CHECK(b.value == -inf);
    CHECK(b.grad[0] == inf);
    const auto c = value_and_grad(1.0 / x, std::array{0.0});
    CHECK(c.value == inf);
    CHECK(c.grad[0] == -inf);  // -y / x = -inf / 0
    // relu at 0: value 0, slope 0 (the subgradient PyTorch uses); at -0.0 too.
    CHECK(value_and_grad(relu(x), std::array{0.0}).grad[0] == 0.0);
    CHECK(value_and_grad(relu(x), std::array{-0.0}).grad[0] == 0.0);
    // Saturated activations: finite values, zero slopes, no NaN.
    const auto d = value_and_grad(tanh(x) + sigmoid(y), std::array{1e6, -1e6});
    CHECK(d.value == 1.0);
    CHECK(d.grad[0] == 0.0);
    CHECK(d.grad[1] == 0.0);
    // exp overflows to inf and its slope with it.
    const auto e = value_and_grad(exp(x), std::array{1000.0});
    CHECK(e.value == inf);
    CHECK(e.grad[0] == inf);
}

TEST_CASE("relu(NaN) is NaN with slope NaN in every mode", "[autodiff][runtime][ieee]") {
    // By hand: NaN is neither > 0 nor <= 0, so relu passes it through, and so does its slope; at NaN
    // there is no kink to choose a subgradient at. d/dx (relu(x) + y) = NaN, d/dy = 1 (no path from y passes
    // relu) in reverse mode and the path sums; forward mode's tangent along e_1 is relu'(x) * 0 + 1 = NaN * 0 + 1
    // = NaN.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::array at{nan, 2.0};
    // Value NaN, d/dx NaN, d/dy as derived above: 1, or NaN in forward mode.
    const auto expect = [](const auto& result, bool dy_is_nan) {
        CHECK(std::isnan(result.value));
        CHECK(std::isnan(result.grad[0]));
        CHECK((dy_is_nan ? std::isnan(result.grad[1]) : result.grad[1] == 1.0));
    };
    expect(value_and_grad(relu(x) + y, at), false);
    expect(forward_mode_gradient(relu(x) + y, at), true);
    expect(path_sum_value_and_grad(relu(x) + y, at), false);
    expect(path_enumeration_value_and_grad(relu(x) + y, at), false);
    const auto tangent = jvp(relu(x) + y, at, std::array{1.0, 0.0});
    CHECK(std::isnan(tangent.value));
    CHECK(std::isnan(tangent.derivative));
    // The layer activation: relu_t(NaN) = NaN, and its slope read from the output NaN is NaN.
    CHECK(std::isnan(nn::relu_t::value(nan)));
    CHECK(std::isnan(nn::relu_t::derivative_from_output(nan)));
    // Unchanged elsewhere: relu(-2) = 0 slope 0, relu(3) = 3 slope 1, relu(-0) = 0 slope 0.
    CHECK(nn::relu_t::value(-2.0) == 0.0);
    CHECK(nn::relu_t::value(3.0) == 3.0);
    CHECK(nn::relu_t::derivative_from_output(0.0) == 0.0);
    CHECK(nn::relu_t::derivative_from_output(3.0) == 1.0);
    CHECK(value_and_grad(relu(x), std::array{-2.0}).value == 0.0);
    CHECK(value_and_grad(relu(x), std::array{-0.0}).value == 0.0);
    CHECK(value_and_grad(relu(x), std::array{3.0}).grad[0] == 1.0);
}
