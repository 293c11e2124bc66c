// Forward mode (forward_mode.hpp): jvp and forward_mode_gradient against hand derivations (static_assert),
// against reverse mode (value_and_grad), and against the tests' own dual numbers (tests/dual_numbers.hpp:
// their own derivative rules and a tree walk, sharing nothing with the library's passes), on random
// expression DAGs (run-time doubles included) and a dense network; and the passes each mode needs.
#include "catch.hpp"
#include "constexpr_close.hpp"
#include "dual_numbers.hpp"
#include "random_expressions.hpp"

#include <memograd/autodiff.hpp>
#include <memograd/autodiff/dense_network.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>

namespace {

using memograd::var;
using memograd_tests::close;

constexpr var<0> x;
constexpr var<1> y;

inline bool near(double a, double b, double relative) {
    return std::abs(a - b) <= relative * (1.0 + std::abs(a) + std::abs(b));
}

}  // namespace

TEST_CASE("jvp and forward_mode_gradient are constant expressions: a hand-derived example", "[forward][static]") {
    //! [jvp]
    // f = x·y + x², ∇f = (y + 2x, x) = (7, 2) at (2, 3); along d = (1, −1): 7 − 2 = 5.
    constexpr auto f = x * y + memograd::square(x);
    static_assert(memograd::jvp(f, std::array{2.0, 3.0}, std::array{1.0, -1.0}).derivative == 5.0);
    //! [jvp]
    STATIC_REQUIRE(memograd::jvp(f, std::array{2.0, 3.0}, std::array{1.0, -1.0}).value == 10.0);
    //! [forward_mode_gradient]
    static_assert(memograd::forward_mode_gradient(f, std::array{2.0, 3.0}).grad == std::array{7.0, 2.0});
    //! [forward_mode_gradient]
    // The tangent of a sigmoid follows its rule v(1 − v): d/dx sigmoid(x·y) = y s(1 − s), s = sigmoid(6),
    // 1 / (1 + e^−6) = 0.9975273768433653 (Python).
    constexpr double s = 0.9975273768433653;
    STATIC_REQUIRE(close(memograd::jvp(memograd::sigmoid(x * y), std::array{2.0, 3.0}, std::array{1.0, 0.0}).derivative,
                         3.0 * s * (1.0 - s)));
    // A data leaf is read, never differentiated: d/dx (x − t)² = 2(x − t) = −3 at x = 0.5, t = 2.
    constexpr auto d = memograd::square(x - memograd::data<0>{});
    STATIC_REQUIRE(memograd::forward_mode_gradient(d, std::array{0.5}, std::array{2.0}).grad[0] == -3.0);
    STATIC_REQUIRE(memograd::jvp(d, std::array{0.5}, std::array{2.0}, std::array{2.0}).derivative == -6.0);
    // Run-time doubles are evaluated per occurrence, and so are their tangents: d/dx (x + 1)(x + 2) = 2x + 3.
    STATIC_REQUIRE(memograd::forward_mode_gradient((x + 1.0) * (x + 2.0), std::array{4.0}).grad[0] == 11.0);
    // Entries of x no variable reads get 0 and no pass; no variable at all: derivative 0.
    STATIC_REQUIRE(memograd::forward_mode_gradient(y * y, std::array{5.0, 3.0, 1.0}).grad == std::array{0.0, 6.0, 0.0});
    STATIC_REQUIRE(memograd::jvp(memograd::constant<2.0>{}, std::array{1.0}, std::array{1.0}).derivative == 0.0);
    STATIC_REQUIRE(memograd::jvp(y, std::array{1.0, 2.0}, std::array{0.5, 0.25}).derivative == 0.25);
}

namespace {
template <class E, class X>
concept has_forward_gradient = requires(E e, X a) { memograd::forward_mode_gradient(e, a); };
template <class E, class X, class D>
concept has_forward_gradient_with_data = requires(E e, X a, D d) { memograd::forward_mode_gradient(e, a, d); };
template <class E, class X, class V>
concept has_jvp = requires(E e, X a, V v) { memograd::jvp(e, a, v); };
using xy = decltype(x * y);
using x_data = decltype(x * memograd::data<0>{});
using one = std::array<double, 1>;
using two = std::array<double, 2>;
}  // namespace

TEST_CASE("misuse of jvp and forward_mode_gradient is not viable", "[forward][static]") {
    STATIC_REQUIRE(has_jvp<xy, two, two>);
    STATIC_REQUIRE(!has_jvp<xy, two, one>);                   // direction and x differ in length
    STATIC_REQUIRE(has_forward_gradient<xy, two>);
    STATIC_REQUIRE(!has_forward_gradient<xy, one>);           // var<1> past the end of x
    STATIC_REQUIRE(!has_forward_gradient<double, one>);       // not an expression
    STATIC_REQUIRE(!has_forward_gradient<x_data, one>);       // data<0> read, no data array passed
    STATIC_REQUIRE(has_forward_gradient_with_data<x_data, one, one>);
}

TEST_CASE("the passes each mode needs: one per variable forward, one per output backward", "[forward][static]") {
    // f = x·y + x²: edges x·y (2), x² (1), + (2) = 5; two variables, so two tangent passes of 5 products
    // each, against one backward pass of 5.
    using f = memograd::stats<decltype(x * y + memograd::square(x))>;
    STATIC_REQUIRE(f::edges == 5);
    STATIC_REQUIRE(f::forward_mode_passes == 2);
    STATIC_REQUIRE(f::forward_mode_products == 10);
    STATIC_REQUIRE(f::memoized_products == 5);
    // One input: both modes make one pass over the same edges (tanh 1, square 1).
    using one_input = memograd::stats<decltype(memograd::square(memograd::tanh(x)))>;
    STATIC_REQUIRE(one_input::forward_mode_products == one_input::memoized_products);
    // The 2-16-16-1 tanh network (dense_network_loss: the target is the last var). Variables: 2 inputs,
    // 16·3 + 16·17 + 17 weights and biases, the target: 340. Edges: a first-layer neuron has 2 products,
    // 2 sums and a tanh (9), a second-layer one 16 products, 16 sums and a tanh (65), the output 16
    // products and 16 sums (64), then out − target (2) and the square (1): 16·9 + 16·65 + 64 + 3 = 1251.
    using network = memograd::stats<decltype(memograd::dense_network_loss<2, 16, 2>())>;
    STATIC_REQUIRE(network::forward_mode_passes == 340);
    STATIC_REQUIRE(network::edges == 1251);
    STATIC_REQUIRE(network::forward_mode_products == 340.0 * 1251.0);
    STATIC_REQUIRE(network::memoized_products == 1251);
}

namespace {

// forward_mode_gradient = value_and_grad = dual numbers, and jvp = gradient · direction, at `points` points.
template <class E, std::size_t K>
void check_forward_mode(const E& expr, std::mt19937_64& rng, int points, double spread) {
    std::uniform_real_distribution<double> coordinate(-spread, spread);
    for (int p = 0; p < points; ++p) {
        std::array<double, K> at{};
        std::array<double, K> direction{};
        for (std::size_t i = 0; i < K; ++i) {
            at[i] = coordinate(rng);
            direction[i] = coordinate(rng);
        }
        const auto dual = memograd_tests::forward_mode(expr, at);
        const auto reverse = memograd::value_and_grad(expr, at);
        const auto forward = memograd::forward_mode_gradient(expr, at);
        REQUIRE(std::isfinite(dual.value));
        CHECK(forward.value == reverse.value);  // the same forward pass
        CHECK(near(forward.value, dual.value, 1e-12));
        double dot = 0.0;
        double dot_scale = 0.0;
        for (std::size_t i = 0; i < K; ++i) {
            INFO("input " << i << ": forward mode " << forward.grad[i] << ", reverse mode " << reverse.grad[i]
                          << ", dual numbers " << dual.tangent[i] << ", rounding scale " << dual.scale[i]);
            CHECK(memograd_tests::near_gradient(forward.grad[i], dual.tangent[i], dual.scale[i], 1e-10));
            CHECK(memograd_tests::near_gradient(forward.grad[i], reverse.grad[i], dual.scale[i], 1e-10));
            dot += dual.tangent[i] * direction[i];
            dot_scale += dual.scale[i] * std::abs(direction[i]);
        }
        const auto along = memograd::jvp(expr, at, direction);
        CHECK(along.value == reverse.value);
        CHECK(memograd_tests::near_gradient(along.derivative, dot, dot_scale, 1e-10));
    }
}

template <std::uint64_t... Seed>
void check_random_expressions(std::integer_sequence<std::uint64_t, Seed...>, std::mt19937_64& rng) {
    (check_forward_mode<decltype(memograd_tests::random_expression<Seed, 4, false>()), memograd_tests::random_inputs>(
         memograd_tests::random_expression<Seed, 4, false>(), rng, 8, 1.5),
     ...);
}

}  // namespace

TEST_CASE("forward mode = reverse mode = dual numbers on random expression DAGs", "[forward][runtime]") {
    std::mt19937_64 rng(12);
    check_random_expressions(std::make_integer_sequence<std::uint64_t, 40>{}, rng);
}

TEST_CASE("forward mode = reverse mode = dual numbers on a 2-4-4-1 tanh network", "[forward][runtime]") {
    std::mt19937_64 rng(5);
    constexpr auto loss = memograd::dense_network_loss<2, 4, 2>();
    check_forward_mode<decltype(loss), memograd::dense_network_vars<2, 4, 2>>(loss, rng, 4, 0.8);
}
