// Run-time claims of the backpropagation half, checked against central finite differences (an
// independent numerical method), the unmemoized path sum, and the C library's math functions.
#include "catch.hpp"
#include "gradient_checks.hpp"
#include "hand_backprop.hpp"
#include <memograd/autodiff/dense_network.hpp>

#include <memograd/autodiff.hpp>

#include <array>
#include <cmath>
#include <cstddef>
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

TEST_CASE("constexpr math is within a few ulp of the C library", "[autodiff][runtime][math]") {
    const auto ulps = [](double a, double b) {
        if (a == b) {
            return 0.0;
        }
        return std::abs(a - b) / (std::nextafter(std::abs(b), std::numeric_limits<double>::infinity()) - std::abs(b));
    };
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> wide(-700.0, 700.0);
    std::uniform_real_distribution<double> narrow(-25.0, 25.0);
    double worst_exp = 0, worst_log = 0, worst_tanh = 0, worst_sigmoid = 0;
    for (int i = 0; i < 200'000; ++i) {
        const double a = wide(rng);
        const double b = narrow(rng);
        worst_exp = std::max(worst_exp, ulps(math::detail::exp_constant(a), std::exp(a)));
        const double positive = std::exp(a / 2);
        worst_log = std::max(worst_log, ulps(math::detail::log_constant(positive), std::log(positive)));
        worst_tanh = std::max(worst_tanh, ulps(math::detail::tanh_constant(b), std::tanh(b)));
        const double s = b >= 0 ? 1.0 / (1.0 + math::detail::exp_constant(-b))
                                : math::detail::exp_constant(b) / (1.0 + math::detail::exp_constant(b));
        worst_sigmoid = std::max(worst_sigmoid, ulps(s, 1.0 / (1.0 + std::exp(-b))));
    }
    INFO("worst ulp: exp " << worst_exp << ", log " << worst_log << ", tanh " << worst_tanh << ", sigmoid " << worst_sigmoid);
    CHECK(worst_exp <= 4);
    CHECK(worst_log <= 4);
    CHECK(worst_tanh <= 8);
    CHECK(worst_sigmoid <= 8);
    // Edge values follow IEEE and the C library.
    CHECK(math::detail::exp_constant(1000.0) == std::numeric_limits<double>::infinity());
    CHECK(math::detail::exp_constant(-1000.0) == 0.0);
    CHECK(math::detail::log_constant(0.0) == -std::numeric_limits<double>::infinity());
    CHECK(std::isnan(math::detail::log_constant(-1.0)));
    CHECK(std::isnan(math::detail::exp_constant(std::numeric_limits<double>::quiet_NaN())));
    CHECK(math::detail::tanh_constant(40.0) == 1.0);
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
