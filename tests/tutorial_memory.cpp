// What memoization costs in backpropagation (docs/tutorial/08_memory.md): the doubles the generated
// passes keep, as memograd::stats and nn::layer_stats count them, against counts by hand from each
// network's shape; and recomputation (examples/checkpointing.hpp) against the memoized gradient.
#include "../examples/checkpointing.hpp"
#include "../examples/lecture_network.hpp"
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <memograd/autodiff/dense_network.hpp>
#include <memograd/nn.hpp>

#include <array>
#include <cstddef>

namespace {

using memograd_tests::close;

//! [lecture memory]
// The lecture network: 17 variables and the target y (leaves: read where they are, in x and data), and 27
// operations: 5 neurons of 2 products, 2 sums and a sigmoid, then y − ŷ and the square.
using lecture_stats = memograd::stats<decltype(lecture::loss)>;
constexpr std::size_t neurons = 5;
static_assert(lecture_stats::nodes == 17 + 1 + neurons * 5 + 2);
static_assert(lecture_stats::stored_values == neurons * 5 + 2);  // every operation's value, once
// Adjoints: a product and the first sum of a neuron are only used by a sum, which passes its adjoint
// through: they read the neuron's z adjoint (3 shared per neuron). Each neuron keeps z and O; the loss
// keeps y − ŷ and L. The variables' adjoints are the gradient itself.
static_assert(lecture_stats::shared_adjoints == neurons * 3);
static_assert(lecture_stats::stored_adjoints == neurons * 2 + 2);
// Every node but the data leaf y has a variable at or below it.
static_assert(lecture_stats::nodes_with_adjoint == lecture_stats::nodes - 1);
//! [lecture memory]

//! [scalar mlp memory]
// 2-16-16-1 written neuron by neuron (inputs, weights, biases and the target are variables): a neuron of
// fan-in n is n products, n sums and (hidden) a tanh, 2n + 1 operations; the output neuron 2 · 16.
using scalar_stats = memograd::stats<decltype(memograd::dense_network_loss<2, 16, 2>())>;
constexpr std::size_t scalar_operations = 16 * (2 * 2 + 1) + 16 * (2 * 16 + 1) + 2 * 16 + 2;  // + y − ŷ, square
static_assert(scalar_stats::stored_values == scalar_operations);  // 642
// Each hidden neuron keeps z and tanh z; its other 2n − 1 nodes share z's adjoint; the output neuron's
// 32 nodes all share (its last sum passes into ŷ − y); the loss keeps ŷ − y and L.
static_assert(scalar_stats::stored_adjoints == 32 * 2 + 2);
static_assert(scalar_stats::shared_adjoints == 16 * (2 * 2 - 1) + 16 * (2 * 16 - 1) + 2 * 16);
static_assert(scalar_stats::nodes_with_adjoint == scalar_stats::nodes);  // every leaf is a variable
//! [scalar mlp memory]

//! [layer memory]
// 784-128-10 as a layer graph: per layer W h, + b and the activation store a vector each; the loss one
// double. The sample x and the target y are the caller's arrays.
using mnist = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 784, 128, 10>;
using mnist_stats = memograd::nn::layer_stats<mnist::loss_graph<>>;
static_assert(mnist_stats::values == 3 * 128 + 3 * 10 + 1);
// Adjoints: W h shares + b's in both layers, and + b shares the identity output's: the hidden layer keeps
// its delta ∂L/∂z and ∂L/∂h (128 each), the output layer one vector (10), the loss 1.
static_assert(mnist_stats::shared_adjoints == 3);
static_assert(mnist_stats::adjoints == 128 + 128 + 10 + 1);
static_assert(mnist_stats::nodes_with_adjoint == mnist_stats::nodes - 2);  // not x, not y
// ... against the gradient the pass writes, one double per parameter:
static_assert(mnist::parameter_count == 784 * 128 + 128 + 128 * 10 + 10);
//! [layer memory]

//! [checkpoint counts]
// T steps of h = tanh(w h + b) store 3 values per step (w h, + b, tanh) and 2 for the loss; adjoints: each
// step's sum and tanh (the product shares the sum's, the last tanh the subtraction's), then y − ŷ and L.
template <std::size_t T>
constexpr bool memoized_by_hand = checkpointing::memoized_doubles<T> == (3 * T + 2) + (2 * T + 1) &&
                                  checkpointing::memoized_forward_ops<T> == 3 * T + 2;
static_assert(memoized_by_hand<8> && memoized_by_hand<128>);
// Segments of K: T/K kept inputs, and one K-step segment with its loss at a time; every segment but the
// last runs forward twice: 3 (T − K) extra operations.
template <std::size_t T, std::size_t K>
constexpr bool checkpointed_by_hand = checkpointing::checkpointed_doubles<T, K> == T / K + 5 * K + 3 &&
                                      checkpointing::checkpointed_forward_ops<T, K> ==
                                          checkpointing::memoized_forward_ops<T> + 3 * (T - K);
static_assert(checkpointed_by_hand<128, 1> && checkpointed_by_hand<128, 8> && checkpointed_by_hand<128, 128>);
// 128 steps: 643 doubles memoized; 59 with segments of 8, for 360 extra forward operations.
static_assert(checkpointing::memoized_doubles<128> == 643 && checkpointing::checkpointed_doubles<128, 8> == 59);
//! [checkpoint counts]

constexpr std::array<double, 3> at{0.95, 0.1, 0.5};  // w, b, h0
constexpr double target = 0.2;

//! [checkpoint gradient]
// The compiler checks that recomputation gives memoization's gradient (16 steps, segments of 4).
constexpr auto kept_all = checkpointing::memoized<16>(at, target);
constexpr auto recomputed = checkpointing::checkpointed<16, 4>(at, target);
static_assert(recomputed.value == kept_all.value);  // the last segment's forward values are the same ops
static_assert(close(recomputed.grad[0], kept_all.grad[0], 1e-13) && close(recomputed.grad[1], kept_all.grad[1], 1e-13) &&
              close(recomputed.grad[2], kept_all.grad[2], 1e-13));
//! [checkpoint gradient]

template <std::size_t K>
void check_segments_of() {
    const auto expected = checkpointing::memoized<128>(at, target);
    const auto got = checkpointing::checkpointed<128, K>(at, target);
    CAPTURE(K);
    CHECK(got.value == expected.value);
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i, got.grad[i], expected.grad[i]);
        CHECK(close(got.grad[i], expected.grad[i], 1e-12));
    }
}

}  // namespace

TEST_CASE("recomputation gives the memoized gradient for every power-of-two segment length", "[tutorial][checkpointing]") {
    check_segments_of<1>();
    check_segments_of<2>();
    check_segments_of<4>();
    check_segments_of<8>();
    check_segments_of<16>();
    check_segments_of<32>();
    check_segments_of<64>();
    check_segments_of<128>();
}

TEST_CASE("the memoized gradient of the recurrence matches central differences", "[tutorial][checkpointing]") {
    // An independent oracle for both: (L(x + he_i) − L(x − he_i)) / 2h, with L from the forward pass alone.
    const auto expected = checkpointing::memoized<128>(at, target);
    for (std::size_t i = 0; i < 3; ++i) {
        constexpr double step = 1e-6;
        auto up = at;
        auto down = at;
        up[i] += step;
        down[i] -= step;
        const double slope = (memograd::evaluate(checkpointing::chain_loss<128>, up, std::array{target}) -
                              memograd::evaluate(checkpointing::chain_loss<128>, down, std::array{target})) /
                             (2 * step);
        CAPTURE(i, slope, expected.grad[i]);
        CHECK(close(slope, expected.grad[i], 1e-6));
    }
}

TEST_CASE("what the backward pass keeps is counted by the compiler", "[tutorial][static]") {
    STATIC_REQUIRE(lecture_stats::stored_values == 27);
    // x y + x: the product's only user is a sum, so it reads the sum's adjoint; one double is kept.
    using small = memograd::stats<decltype(memograd::var<0>{} * memograd::var<1>{} + memograd::var<0>{})>;
    STATIC_REQUIRE(small::shared_adjoints == 1);
    STATIC_REQUIRE(small::stored_adjoints == 1);
    STATIC_REQUIRE(small::stored_values == 2);
}
