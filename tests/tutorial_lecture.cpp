// The lecture's network (examples/lecture_network.hpp) worked through: every forward value and every
// adjoint of the generated passes, and the work of the three ways to apply the chain rule, checked by
// the compiler against the lecture's formulas written out by hand (no memograd below the sigmoid).
#include "../examples/lecture_network.hpp"
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <array>

namespace {

using memograd_tests::close;

// The lecture's equations by hand: z = w·x + b, O = sigmoid(z), ŷ = sigmoid(z3_1), L = (y − ŷ)²; then
// backwards δ = ∂L/∂z: δ3 = −2(y − ŷ) ŷ(1 − ŷ), ∂L/∂O2_j = δ3 w3_1j, δ2_j = ∂L/∂O2_j O2_j(1 − O2_j),
// ∂L/∂O1_i = Σ_j δ2_j w2_ji, δ1_i = ∂L/∂O1_i O1_i(1 − O1_i); ∂L/∂w = δ · (the weight's input), ∂L/∂b = δ.
struct by_hand {
    double z1[2], o1[2], z2[2], o2[2], z3, y_hat, loss;
    double d_o1[2], d_z1[2], d_o2[2], d_z2[2], d_z3, d_y_hat;
    std::array<double, 17> grad;
};
constexpr by_hand lecture_by_hand(const std::array<double, 17>& v, double y) {
    by_hand h{};
    const auto s = memograd::math::sigmoid;
    const double x[2] = {v[0], v[1]};
    for (int j = 0; j < 2; ++j) {  // layer 1: w1_j1 = v[2 + 3j], w1_j2 = v[3 + 3j], b1_j = v[4 + 3j]
        h.z1[j] = v[2 + 3 * j] * x[0] + v[3 + 3 * j] * x[1] + v[4 + 3 * j];
        h.o1[j] = s(h.z1[j]);
    }
    for (int j = 0; j < 2; ++j) {  // layer 2: w2_j1 = v[8 + 3j], w2_j2 = v[9 + 3j], b2_j = v[10 + 3j]
        h.z2[j] = v[8 + 3 * j] * h.o1[0] + v[9 + 3 * j] * h.o1[1] + v[10 + 3 * j];
        h.o2[j] = s(h.z2[j]);
    }
    h.z3 = v[14] * h.o2[0] + v[15] * h.o2[1] + v[16];
    h.y_hat = s(h.z3);
    h.loss = (y - h.y_hat) * (y - h.y_hat);
    h.d_y_hat = -2 * (y - h.y_hat);
    h.d_z3 = h.d_y_hat * h.y_hat * (1 - h.y_hat);
    for (int j = 0; j < 2; ++j) {
        h.d_o2[j] = h.d_z3 * v[14 + j];
        h.d_z2[j] = h.d_o2[j] * h.o2[j] * (1 - h.o2[j]);
    }
    for (int i = 0; i < 2; ++i) {
        h.d_o1[i] = h.d_z2[0] * v[8 + i] + h.d_z2[1] * v[11 + i];
        h.d_z1[i] = h.d_o1[i] * h.o1[i] * (1 - h.o1[i]);
    }
    h.grad[14] = h.d_z3 * h.o2[0];
    h.grad[15] = h.d_z3 * h.o2[1];
    h.grad[16] = h.d_z3;
    for (int j = 0; j < 2; ++j) {
        h.grad[8 + 3 * j] = h.d_z2[j] * h.o1[0];
        h.grad[9 + 3 * j] = h.d_z2[j] * h.o1[1];
        h.grad[10 + 3 * j] = h.d_z2[j];
        h.grad[2 + 3 * j] = h.d_z1[j] * x[0];
        h.grad[3 + 3 * j] = h.d_z1[j] * x[1];
        h.grad[4 + 3 * j] = h.d_z1[j];
    }
    h.grad[0] = h.d_z1[0] * v[2] + h.d_z1[1] * v[5];  // the inputs are variables too
    h.grad[1] = h.d_z1[0] * v[3] + h.d_z1[1] * v[6];
    return h;
}

constexpr by_hand hand = lecture_by_hand(lecture::point, lecture::target[0]);
//! [trace]
constexpr auto traced = memograd::trace(lecture::loss, lecture::point, lecture::target);
static_assert(close(traced.value_of("O1_1"), hand.o1[0]));     // a forward value
static_assert(close(traced.adjoint_of("O1_1"), hand.d_o1[0]));  // ∂L/∂O1_1, summed over its two uses
//! [trace]

}  // namespace

TEST_CASE("the lecture network: every forward value, as the lecture computes it", "[tutorial][static]") {
    STATIC_REQUIRE(close(traced.value_of("z1_1"), hand.z1[0]));
    STATIC_REQUIRE(close(traced.value_of("z1_2"), hand.z1[1]));
    STATIC_REQUIRE(close(traced.value_of("O1_2"), hand.o1[1]));
    STATIC_REQUIRE(close(traced.value_of("z2_1"), hand.z2[0]));
    STATIC_REQUIRE(close(traced.value_of("O2_1"), hand.o2[0]));
    STATIC_REQUIRE(close(traced.value_of("z2_2"), hand.z2[1]));
    STATIC_REQUIRE(close(traced.value_of("O2_2"), hand.o2[1]));
    STATIC_REQUIRE(close(traced.value_of("z3_1"), hand.z3));
    STATIC_REQUIRE(close(traced.value_of("ŷ"), hand.y_hat));
    STATIC_REQUIRE(close(traced.value_of("L"), hand.loss));
    STATIC_REQUIRE(traced.result.value == traced.value_of("L"));
}

TEST_CASE("the lecture network: every adjoint, as the lecture's chain rule gives it", "[tutorial][static]") {
    STATIC_REQUIRE(traced.adjoint_of("L") == 1.0);  // the seed
    STATIC_REQUIRE(close(traced.adjoint_of("ŷ"), hand.d_y_hat));
    STATIC_REQUIRE(close(traced.adjoint_of("z3_1"), hand.d_z3));
    STATIC_REQUIRE(close(traced.adjoint_of("O2_1"), hand.d_o2[0]));
    STATIC_REQUIRE(close(traced.adjoint_of("O2_2"), hand.d_o2[1]));
    STATIC_REQUIRE(close(traced.adjoint_of("z2_1"), hand.d_z2[0]));
    STATIC_REQUIRE(close(traced.adjoint_of("z2_2"), hand.d_z2[1]));
    STATIC_REQUIRE(close(traced.adjoint_of("O1_2"), hand.d_o1[1]));
    STATIC_REQUIRE(close(traced.adjoint_of("z1_1"), hand.d_z1[0]));
    STATIC_REQUIRE(close(traced.adjoint_of("z1_2"), hand.d_z1[1]));
    constexpr bool every_gradient_entry = [] {
        for (std::size_t i = 0; i < 17; ++i) {
            if (!close(traced.result.grad[i], hand.grad[i])) {
                return false;
            }
        }
        return true;
    }();
    STATIC_REQUIRE(every_gradient_entry);
}

TEST_CASE("the lecture network: the work of the three ways to apply the chain rule", "[tutorial][static]") {
    using stats = memograd::stats<decltype(lecture::loss)>;
    // By hand, from the network's edges (L → y − ŷ → ŷ → z3_1 → ...): y lies at depth 2, b3_1 at 4, the
    // two w3_1j at 6, the two b2_j at 8, the four w2_ji at 10; below O1_1 and O1_2 (reached by 2 · 2
    // routes) the 4 paths to b1_i lie at 12 and the 16 to w1_ji, x1, x2 at 14: 30 paths,
    // 2 + 4 + 2·6 + 2·8 + 4·10 + 4·12 + 16·14 = 346 edges in all.
    STATIC_REQUIRE(stats::leaf_paths == 30);
    STATIC_REQUIRE(stats::enumeration_products == 346);
    // Written out as a tree: each first-layer neuron 10 nodes, each second-layer neuron 8 + 2·10, ŷ 8 + 2·28,
    // y − ŷ 2 + 64, L 67 nodes: 66 edges.
    STATIC_REQUIRE(stats::tree_walk_products == 66);
    // The graph: 5 neurons of 2 products, 2 sums and a sigmoid (9 edges each), y − ŷ (2), the square (1).
    STATIC_REQUIRE(stats::memoized_products == 48);
    // dL/dw1_11 alone: 2 paths of 14 edges; in the tree 4 shared edges down to z3_1's sum, then 10 per
    // branch; in the graph the 4 edges below O1_1 are walked once: 4 + 2·6 + 4.
    using w1_11 = stats::toward<memograd::var<2>>;
    STATIC_REQUIRE(w1_11::paths == 2);
    STATIC_REQUIRE(w1_11::enumeration_products == 28);
    STATIC_REQUIRE(w1_11::tree_walk_products == 24);
    STATIC_REQUIRE(w1_11::memoized_products == 20);
    // The code's own counters agree with the compiler's counts.
    constexpr auto enumerated = memograd::path_enumeration_value_and_grad(lecture::loss, lecture::point, lecture::target);
    constexpr auto walked = memograd::path_sum_value_and_grad(lecture::loss, lecture::point, lecture::target);
    STATIC_REQUIRE(enumerated.multiplications == 346);
    STATIC_REQUIRE(walked.multiplications == 66);
    STATIC_REQUIRE(enumerated.path_terms == 29);  // every path but the one to the data leaf y
}

TEST_CASE("a name changes nothing but the printing", "[tutorial][static]") {
    using memograd::var;
    constexpr auto plain = memograd::sigmoid(var<0>{} * var<1>{});
    constexpr auto named = memograd::named<"O">(plain);
    // named and unnamed spellings of one subexpression are one node
    constexpr auto both = named * plain;
    STATIC_REQUIRE(memograd::stats<decltype(both)>::nodes == memograd::stats<decltype(plain * plain)>::nodes);
    constexpr auto a = memograd::value_and_grad(both, std::array{0.3, -2.0});
    constexpr auto b = memograd::value_and_grad(plain * plain, std::array{0.3, -2.0});
    STATIC_REQUIRE(a.value == b.value);
    STATIC_REQUIRE(a.grad == b.grad);
}

TEST_CASE("the lecture network by forward mode: one tangent pass per variable", "[tutorial][static]") {
    //! [forward mode]
    static constexpr auto forward = memograd::forward_mode_gradient(lecture::loss, lecture::point, lecture::target);
    //! [forward mode]
    STATIC_REQUIRE(forward.value == traced.result.value);
    constexpr bool every_gradient_entry = [] {
        for (std::size_t i = 0; i < 17; ++i) {
            if (!close(forward.grad[i], hand.grad[i])) {
                return false;
            }
        }
        return true;
    }();
    STATIC_REQUIRE(every_gradient_entry);
    // One tangent pass along e_2 is dL/dw1_11; along the direction (1, 1, 0, ...) it is dL/dx1 + dL/dx2.
    constexpr auto e2 = [] {
        std::array<double, 17> d{};
        d[2] = 1.0;
        return d;
    }();
    STATIC_REQUIRE(close(memograd::jvp(lecture::loss, lecture::point, e2, lecture::target).derivative, hand.grad[2]));
    constexpr std::array<double, 17> inputs{1.0, 1.0};
    STATIC_REQUIRE(close(memograd::jvp(lecture::loss, lecture::point, inputs, lecture::target).derivative,
                         hand.grad[0] + hand.grad[1]));
    // 17 variables: 17 tangent passes over the 48 edges, against one backward pass over them.
    using stats = memograd::stats<decltype(lecture::loss)>;
    STATIC_REQUIRE(stats::forward_mode_passes == 17);
    STATIC_REQUIRE(stats::forward_mode_products == 17 * 48);
    STATIC_REQUIRE(stats::memoized_products == 48);
}
