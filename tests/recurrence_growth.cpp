// The unrolled recurrence of tests/recurrence.hpp: an empty object at any length, a graph of 6 nodes per
// step, and a gradient equal to backpropagation through time written by hand (and to central differences).
#include "catch.hpp"
#include "constexpr_close.hpp"
#include "recurrence.hpp"

#include <memograd/autodiff.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>

namespace {

using memograd_tests::recurrence;

/// h_T and its gradient in (w, b, h_0) by hand: the forward loop keeps every h_t, the reverse loop
/// carries dh_T/dh_t back one step at a time, adding each step's share to dw and db.
template <std::size_t Steps, class Tanh>
constexpr memograd::value_and_gradient<3> bptt_by_hand(const std::array<double, 3>& p, Tanh tanh) {
    const double w = p[0];
    const double b = p[1];
    std::array<double, Steps + 1> h{};
    std::array<double, Steps + 1> s{};  // tanh(w h_t + b)
    h[0] = p[2];
    for (std::size_t t = 0; t < Steps; ++t) {
        s[t] = tanh(w * h[t] + b);
        h[t + 1] = h[t] + 0.1 * (s[t] - h[t]);
    }
    double dh = 1.0;  // dh_T / dh_t
    double dw = 0.0;
    double db = 0.0;
    for (std::size_t t = Steps; t-- > 0;) {
        const double dz = dh * 0.1 * (1.0 - s[t] * s[t]);  // through tanh's argument w h_t + b
        dw += dz * h[t];
        db += dz;
        dh = dh * (1.0 - 0.1) + dz * w;
    }
    return {h[Steps], {dw, db, dh}};
}

constexpr auto constexpr_tanh = [](double z) { return memograd::math::tanh(z); };
constexpr std::array point{0.5, 0.1, 0.3};

/// The generated passes at run time, called where no variable is initialized with them: Clang 19 tries
/// to fold a variable's initializer to a constant, and fails (the run-time tanh is not constexpr) after
/// time exponential in the depth of reuse (docs/compile_time_limits.md).
memograd::value_and_gradient<3> generated_at(const std::array<double, 3>& p) {
    return memograd::value_and_grad(recurrence<100>{}, p);
}

}  // namespace

TEST_CASE("the unrolled recurrence is an empty object whose graph grows by 6 nodes a step", "[autodiff][static][growth]") {
    STATIC_REQUIRE(std::is_empty_v<recurrence<1>>);
    STATIC_REQUIRE(std::is_empty_v<recurrence<100>>);
    STATIC_REQUIRE(sizeof(recurrence<100>) == 1);
    // Leaves w, b, h_0 and the constant 0.1, then per step w h, + b, tanh, - h, 0.1 x, h + (the 6 nodes).
    STATIC_REQUIRE(memograd::stats<recurrence<1>>::nodes == 4 + 6);
    STATIC_REQUIRE(memograd::stats<recurrence<100>>::nodes == 4 + 6 * 100);
    // As a tree, a step is 9 nodes of its own (+, x, 0.1, -, tanh, +, x, w, b) and three copies of h_t:
    // tree(h_{t+1}) = 9 + 3 tree(h_t), tree(h_0) = 1, so 12, 45, 144 for T = 1, 2, 3.
    STATIC_REQUIRE(memograd::stats<recurrence<1>>::tree_nodes == 12);
    STATIC_REQUIRE(memograd::stats<recurrence<2>>::tree_nodes == 45);
    STATIC_REQUIRE(memograd::stats<recurrence<3>>::tree_nodes == 144);
}

TEST_CASE("the recurrence's gradient is backpropagation through time by hand, as a constant", "[autodiff][static][growth]") {
    constexpr auto r = memograd::value_and_grad(recurrence<100>{}, point);
    constexpr auto expected = bptt_by_hand<100>(point, constexpr_tanh);
    STATIC_REQUIRE(memograd_tests::close(r.value, expected.value, 1e-13));
    STATIC_REQUIRE(memograd_tests::close(r.grad[0], expected.grad[0], 1e-13));
    STATIC_REQUIRE(memograd_tests::close(r.grad[1], expected.grad[1], 1e-13));
    STATIC_REQUIRE(memograd_tests::close(r.grad[2], expected.grad[2], 1e-13));
}

TEST_CASE("the recurrence's gradient at run time: by hand and by central differences", "[autodiff][growth]") {
    const auto tanh = [](double z) { return std::tanh(z); };
    const auto r = generated_at(point);
    const auto expected = bptt_by_hand<100>(point, tanh);
    CHECK(memograd_tests::close(r.value, expected.value, 1e-13));
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(memograd_tests::close(r.grad[i], expected.grad[i], 1e-13));
        // Central differences of the hand-written forward loop: error O(step^2) ~ 1e-10 here.
        const double step = 1e-5;
        std::array up = point;
        std::array down = point;
        up[i] += step;
        down[i] -= step;
        const double slope = (bptt_by_hand<100>(up, tanh).value - bptt_by_hand<100>(down, tanh).value) / (2 * step);
        CHECK(memograd_tests::close(r.grad[i], slope, 1e-8));
    }
}
