// micrograd's two-moons demo (examples/compile_time_moons.cpp): the constexpr math it needs against the C
// library, its data as constants against the run-time data, and its training as constants against the
// same training at run time, bit for bit.
#include "catch.hpp"
#include "constexpr_close.hpp"

#include "micrograd_moons.hpp"

#include <memograd/nn.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <numbers>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace memograd;
using memograd_tests::close;
namespace mm = micrograd_moons;

double ulps(double a, double b) {
    if (a == b) {
        return 0.0;
    }
    return std::abs(a - b) / (std::nextafter(std::abs(b), std::numeric_limits<double>::infinity()) - std::abs(b));
}

// Known values, not computed by the code under test.
static_assert(close(math::sin(std::numbers::pi / 6), 0.5));
static_assert(close(math::cos(std::numbers::pi / 3), 0.5));
static_assert(close(math::sin(1.0), 0.8414709848078965));  // sin 1 to 16 digits
static_assert(close(math::cos(100.0), 0.8623188722876839));  // cos 100 to 16 digits
static_assert(math::cos(0.0) == 1.0);

TEST_CASE("constexpr sin and cos are within 2 ulp of the C library", "[nn][moons][math]") {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> small(-std::numbers::pi, std::numbers::pi);
    std::uniform_real_distribution<double> wide(-1000.0, 1000.0);
    double worst_sin = 0, worst_cos = 0;
    for (int i = 0; i < 200'000; ++i) {
        for (const double x : {small(rng), wide(rng)}) {
            worst_sin = std::max(worst_sin, ulps(math::detail::sin_cos_constant<0>(x), std::sin(x)));
            worst_cos = std::max(worst_cos, ulps(math::detail::sin_cos_constant<1>(x), std::cos(x)));
        }
    }
    INFO("worst ulp: sin " << worst_sin << ", cos " << worst_cos);
    CHECK(worst_sin <= 2);
    CHECK(worst_cos <= 2);
    // Edge values follow the C library; beyond the reduction's range the constant path refuses (NaN).
    CHECK(std::signbit(math::detail::sin_cos_constant<0>(-0.0)));
    CHECK(math::detail::sin_cos_constant<1>(-0.0) == 1.0);
    CHECK(std::isnan(math::detail::sin_cos_constant<0>(std::numeric_limits<double>::infinity())));
    CHECK(std::isnan(math::detail::sin_cos_constant<1>(std::numeric_limits<double>::quiet_NaN())));
    CHECK(std::isnan(math::detail::sin_cos_constant<0>(1e7)));
}

TEST_CASE("constexpr sqrt is correctly rounded: equal to std::sqrt bit for bit", "[nn][moons][math]") {
    std::mt19937_64 rng(6);
    std::uniform_real_distribution<double> exponent(-1074.0, 1023.0);
    std::uniform_real_distribution<double> mantissa(1.0, 2.0);
    std::size_t different = 0;
    for (int i = 0; i < 200'000; ++i) {
        const double x = std::ldexp(mantissa(rng), static_cast<int>(exponent(rng)));
        different += math::detail::sqrt_constant(x) == std::sqrt(x) ? 0 : 1;
        const double near_square = static_cast<double>(i) * static_cast<double>(i) + 1.0;  // just above a square
        different += math::detail::sqrt_constant(near_square) == std::sqrt(near_square) ? 0 : 1;
    }
    CHECK(different == 0);
    CHECK(math::detail::sqrt_constant(2.0) == std::sqrt(2.0));
    CHECK(math::detail::sqrt_constant(std::numeric_limits<double>::denorm_min()) ==
          std::sqrt(std::numeric_limits<double>::denorm_min()));
    CHECK(math::detail::sqrt_constant(std::numeric_limits<double>::max()) == std::sqrt(std::numeric_limits<double>::max()));
    CHECK(std::signbit(math::detail::sqrt_constant(-0.0)));
    CHECK(std::isnan(math::detail::sqrt_constant(-1.0)));
}

// 2,000 Gaussian draws as constants: the constant path of log, sqrt and cos.
constexpr auto constant_normals = [] {
    std::array<double, 2000> draws{};
    std::uint64_t state = 17;
    for (double& d : draws) {
        d = memograd::detail::standard_normal(state);
    }
    return draws;
}();

TEST_CASE("Gaussian draws from splitmix: constants within a few ulp of run time, standard moments",
          "[nn][moons][math]") {
    std::uint64_t state = 17;
    double worst = 0;
    for (const double constant : constant_normals) {
        worst = std::max(worst, ulps(constant, memograd::detail::standard_normal(state)));
    }
    INFO("worst ulp " << worst);
    CHECK(worst <= 8);
    // The standard normal's mean 0 and variance 1, within 4 standard errors for 400,000 draws.
    double sum = 0, squares = 0;
    constexpr int n = 400'000;
    for (int i = 0; i < n; ++i) {
        const double z = memograd::detail::standard_normal(state);
        sum += z;
        squares += z * z;
    }
    const double mean = sum / n, variance = squares / n - mean * mean;
    CHECK(std::abs(mean) < 4 / std::sqrt(n));
    CHECK(std::abs(variance - 1) < 4 * std::sqrt(2.0 / n));
}

constexpr auto constant_moons = nn::make_moons<mm::points>(0.1, mm::data_seed);

TEST_CASE("make_moons<N> as a constant gives make_moons(N)'s points to a few ulp", "[nn][moons]") {
    const auto run_time = nn::make_moons(mm::points, 0.1, mm::data_seed);
    double worst = 0;
    for (std::size_t i = 0; i < mm::points; ++i) {
        CHECK(constant_moons.targets[i] == run_time.targets[i]);
        for (std::size_t c = 0; c < 2; ++c) {
            worst = std::max(worst, std::abs(constant_moons.inputs[i][c] - run_time.inputs[i][c]));
        }
    }
    INFO("largest difference " << worst);
    CHECK(worst <= 4 * std::numeric_limits<double>::epsilon());  // coordinates are below 2.5 in size
}

TEST_CASE("add_l2_penalty adds alpha times the squared norm and its gradient", "[nn][moons][static]") {
    // alpha (1 + 4) = 2.5 and 2 alpha p, by hand.
    constexpr auto r = [] {
        value_and_gradient<2> v{.value = 1.0, .grad = {0.25, 0.0}};
        nn::add_l2_penalty(v, std::array{1.0, -2.0}, 0.5);
        return v;
    }();
    STATIC_REQUIRE(r.value == 3.5);
    STATIC_REQUIRE(r.grad[0] == 1.25);
    STATIC_REQUIRE(r.grad[1] == -2.0);
}

// The demo's data and first steps as constants, as examples/compile_time_moons.cpp computes them.
using mm::after_steps;
using mm::data;

TEST_CASE("the initial parameters as constants equal run time's, bit for bit", "[nn][moons]") {
    CHECK(mm::start().parameters == after_steps<0>.parameters);  // 1/sqrt(fan_in): sqrt is correctly rounded
}

TEST_CASE("the first training steps as constants equal the same steps at run time, bit for bit",
          "[nn][moons][training]") {
    // From the same data (the constants: the run-time points differ by a few ulp, see above): the steps use
    // only +, -, *, / and comparisons, which constant evaluation rounds exactly as the hardware does.
    auto state = mm::start();
    std::array<mm::training_state, 3> run_time{};
    for (std::size_t k = 0; k < 3; ++k) {
        state = mm::sgd_step(state, k, data);
        run_time[k] = state;
    }
    CHECK(run_time[0].loss == after_steps<1>.loss);
    CHECK(run_time[1].loss == after_steps<2>.loss);
    CHECK(run_time[2].loss == after_steps<3>.loss);
    CHECK(run_time[2].parameters == after_steps<3>.parameters);
}

TEST_CASE("trained on the run-time data (C library math), the demo also classifies every point",
          "[nn][moons][training]") {
    const auto run_time_data = mm::make_data();  // at run time: std::sin, cos, log, sqrt
    auto state = mm::start();
    for (std::size_t k = 0; k < mm::steps; ++k) {
        state = mm::sgd_step(state, k, run_time_data);
    }
    CHECK(mm::correctly_classified(state.parameters, run_time_data) == mm::points);
    CHECK(mm::loss_and_gradient(state.parameters, run_time_data).value < 0.05);
}

#ifdef MEMOGRAD_COMPILE_TIME_MOONS_CONSTANTS
TEST_CASE("100 steps at run time give the parameters and losses the compiler computed, bit for bit",
          "[nn][moons][training]") {
    // Written by example_compile_time_moons (a ctest fixture): its constants, as %a.
    std::ifstream file(MEMOGRAD_COMPILE_TIME_MOONS_CONSTANTS);
    REQUIRE(file);
    std::vector<double> constants;
    for (std::string line; std::getline(file, line);) {
        if (!line.empty() && line[0] != '#') {
            constants.push_back(std::strtod(line.c_str(), nullptr));
        }
    }
    REQUIRE(constants.size() == mm::steps + mm::net::parameter_count);
    auto state = mm::start();  // on the constant data, as above
    for (std::size_t k = 0; k < mm::steps; ++k) {
        state = mm::sgd_step(state, k, data);
        CHECK(state.loss == constants[k]);
    }
    for (std::size_t i = 0; i < mm::net::parameter_count; ++i) {
        CHECK(state.parameters[i] == constants[mm::steps + i]);
    }
}
#endif

}  // namespace
