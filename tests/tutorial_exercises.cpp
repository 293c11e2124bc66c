// Solutions to the tutorial's exercises (docs/tutorial/09_exercises.md). Each exercise is answered by
// static_asserts the reader writes; these are ours, compiled with the tests, so a wrong solution — or a
// change to the library that makes one wrong — fails the build. Expected numbers come from the
// exercise's own hand derivation, never from the function being checked.
#include "../examples/checkpointing.hpp"
#include "../examples/lecture_network.hpp"
#include "../examples/one_neuron.hpp"
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <memograd/autodiff/dense_network.hpp>
#include <memograd/fibonacci.hpp>
#include <memograd/nn.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace {

using memograd::data;
using memograd::var;
using memograd_tests::close;

//! [exercise 1]
// 1. The naive recursion makes 2 F(n+1) − 1 calls. F(11) = 89, so fib(10) makes 177 calls.
static_assert(memograd::naive_fibonacci<10>().work == 2 * 89 - 1);
//! [exercise 1]

//! [exercise 2]
// 2. The memoized recursion makes 2n − 1 calls: 19 for n = 10, 799 for n = 400. (n = 2,000, the
//    notebook's, is 2,000 calls deep: past the compiler's default constexpr depth of 512, as it is
//    past Python's default recursion limit of 1,000.)
static_assert(memograd::memoized_fibonacci<10>().work == 19);
static_assert(memograd::memoized_fibonacci<400>().work == 799);
//! [exercise 2]

//! [exercise 3]
// 3. How often does naive fib(n) call fib(k)? Count it with your own counter:
//    calls(n, k) = F(n − k + 1) for 1 <= k <= n (fib(5): fib(3) twice, fib(2) three times, fib(1)
//    five times); fib(0) is called F(n − 1) times, as often as fib(2), its only caller.
constexpr std::uint64_t calls(int n, int k) {
    if (n == k) {
        return 1;
    }
    if (n < 2 || n < k) {
        return 0;
    }
    return calls(n - 1, k) + calls(n - 2, k);
}
static_assert(calls(5, 3) == 2 && calls(5, 2) == 3 && calls(5, 1) == 5);
static_assert(calls(20, 2) == memograd::fib_v<19>);
static_assert(calls(5, 0) == 3 && calls(20, 0) == memograd::fib_v<19>);
//! [exercise 3]

//! [exercise 4]
// 4. Bottom-up: fib_table<N> stores every F(0..N), so reading F(50) is an array access:
//    F(50) = 12586269025.
static_assert(memograd::fib_table<60>[50] == 12586269025u);
//! [exercise 4]

//! [exercise 5]
// 5. L = (tanh(w1 x1 + w2 x2 + b) − y)² by hand: the forward pass one line per node, the backward
//    pass one line per edge. tanh' = 1 − a²; the sums pass dz on to p1, p2 and b; each product
//    swaps its operands.
struct two_input_result {
    double L, dw1, dx1, dw2, dx2, db;
};
two_input_result two_input_backward(double w1, double x1, double w2, double x2, double b, double y) {
    const double p1 = w1 * x1, p2 = w2 * x2;
    const double z = p1 + p2 + b;
    const double a = std::tanh(z), e = a - y, L = e * e;
    const double de = 1.0 * (2.0 * e);     // dL = 1, L = e²
    const double dz = de * (1.0 - a * a);  // da = de (e = a − y), a = tanh(z)
    const double dp1 = dz, dp2 = dz, db = dz;
    return {.L = L, .dw1 = dp1 * x1, .dx1 = dp1 * w1, .dw2 = dp2 * x2, .dx2 = dp2 * w2, .db = db};
}
//! [exercise 5]

//! [exercise 6]
// 6. Chapter 3's dL/dw from differences of the loss alone. The central difference is off by about
//    h² L'''(w) / 6, so its error falls about 100 times when h falls 10 times; the forward
//    difference (L(w + h) − L(w)) / h is off by about h L''(w) / 2, and its error falls only about
//    10 times.
double loss_at_w(double w) {
    return neuron::loss_at(w, neuron::point[1], neuron::point[2], neuron::target[0]);
}
double central_difference(double w, double h) {
    return (loss_at_w(w + h) - loss_at_w(w - h)) / (2 * h);
}
double forward_difference(double w, double h) { return (loss_at_w(w + h) - loss_at_w(w)) / h; }
//! [exercise 6]

//! [exercise 7]
// 7. f = x · x + x: x has three users' terms, two from the product (each operand gets the other, x)
//    and one from the sum (1), so df/dx = x + x + 1 = 7 at x = 3. The graph has three nodes: x, x ·
//    x, f.
constexpr auto fork3 = var<0>{} * var<0>{} + var<0>{};
static_assert(memograd::value_and_grad(fork3, std::array{3.0}).grad[0] == 3.0 + 3.0 + 1.0);
static_assert(memograd::stats<decltype(fork3)>::nodes == 3);
//! [exercise 7]

constexpr auto traced = memograd::trace(lecture::loss, lecture::point, lecture::target);

//! [exercise 8]
// 8. By hand: z1_1 = w1_11 x1 + w1_12 x2 + b1_1 = 0.1 · 0.5 + 0.2 · (−1.2) + 0 = −0.19.
static_assert(close(traced.value_of("z1_1"), -0.19));
//! [exercise 8]

//! [exercise 9]
// 9. sigmoid'(z) = O (1 − O): the adjoint of z1_1 is that of O1_1 times O1_1 (1 − O1_1).
constexpr double o = traced.value_of("O1_1");
static_assert(close(traced.adjoint_of("z1_1"), traced.adjoint_of("O1_1") * o * (1 - o)));
//! [exercise 9]

//! [exercise 10]
// 10. dL/db3_1 = dL/dz3_1 · 1, and dL/dw3_11 = dL/dz3_1 · O2_1 (one path each).
static_assert(traced.result.grad[16] == traced.adjoint_of("z3_1"));
static_assert(close(traced.result.grad[14], traced.adjoint_of("z3_1") * traced.value_of("O2_1")));
//! [exercise 10]

//! [exercise 11]
// 11. The two paths meet in O1_1: dL/dO1_1 = dL/dz2_1 · w2_11 + dL/dz2_2 · w2_21.
constexpr double w2_11 = lecture::point[8], w2_21 = lecture::point[11];
static_assert(close(traced.adjoint_of("O1_1"),
                    traced.adjoint_of("z2_1") * w2_11 + traced.adjoint_of("z2_2") * w2_21));
//! [exercise 11]

using lecture_stats = memograd::stats<decltype(lecture::loss)>;

//! [exercise 12]
// 12. Paths from L to x1: x1 feeds z1_1 and z1_2, each O1 feeds both z2, each O2 feeds z3_1: 2 · 2
//     = 4.
//    Each is 14 edges long, so enumeration spends 56 multiplications on dL/dx1.
static_assert(lecture_stats::toward<var<0>>::paths == 4);
static_assert(lecture_stats::toward<var<0>>::enumeration_products == 4 * 14);
//! [exercise 12]

//! [exercise 13]
// 13. The target y is data: one path of two edges (L → y − ŷ → y). Each count charges both edges:
//     (a) the path's product, the seed times two factors: 2; (b) the tree walk passes the running
//     product down both edges: 2; (c) the memoized pass, one per edge: 2. The generated pass
//     computes no adjoint for y.
using toward_y = lecture_stats::toward<data<0>>;
static_assert(toward_y::paths == 1);
static_assert(toward_y::enumeration_products == 2 && toward_y::tree_walk_products == 2);
static_assert(toward_y::memoized_products == 2);
//! [exercise 13]

//! [exercise 14]
// 14. f = x · x: two paths from f to x (one per operand), two edges, so 2 multiplications every
//     way, and df/dx = 2x.
constexpr auto square_by_product = var<0>{} * var<0>{};
using sq = memograd::stats<decltype(square_by_product)>;
static_assert(sq::leaf_paths == 2 && sq::enumeration_products == 2 && sq::memoized_products == 2);
static_assert(memograd::value_and_grad(square_by_product, std::array{3.0}).grad[0] == 6.0);
//! [exercise 14]

//! [exercise 15]
// 15. h = x · y used twice in g = h · h: the tree has 7 nodes (6 edges), the graph 4 nodes (x, y,
//     h, g) and 4 edges; enumeration walks 4 paths of 2 edges: 8 multiplications.
constexpr auto h = var<0>{} * var<1>{};
constexpr auto g = h * h;
using gs = memograd::stats<decltype(g)>;
static_assert(gs::nodes == 4 && gs::tree_walk_products == 6 && gs::memoized_products == 4);
static_assert(gs::enumeration_products == 8);
//! [exercise 15]

//! [exercise 16]
// 16. Width-2 networks: root-to-leaf paths of dense_network_loss<2, 2, D> are 2^(D+3) − 2 (14, 30,
//     62, ...): each layer doubles the paths below it.
template <std::size_t D>
constexpr double leaf_paths =
    memograd::stats<decltype(memograd::dense_network_loss<2, 2, D>())>::leaf_paths;
static_assert(leaf_paths<1> == 14 && leaf_paths<2> == 30 && leaf_paths<5> == 254);
//! [exercise 16]

//! [exercise 17]
// 17. ...while each layer of w neurons adds w (4w + 1) edges to the graph: 18 for w = 2.
template <std::size_t D>
constexpr double memoized =
    memograd::stats<decltype(memograd::dense_network_loss<2, 2, D>())>::memoized_products;
static_assert(memoized<5> - memoized<4> == 2 * (4 * 2 + 1));
//! [exercise 17]

//! [exercise 18]
// 18. A name is printing only: named<"h">(x · y) is the node x · y.
constexpr auto named_h = memograd::named<"h">(var<0>{} * var<1>{});
static_assert(memograd::stats<decltype(named_h * h)>::nodes == 4);
//! [exercise 18]

//! [exercise 19]
// 19. tanh'(0) = 1 − v² with v = tanh 0 = 0; sigmoid'(0) = v (1 − v) with v = 1/2.
static_assert(memograd::value_and_grad(memograd::tanh(var<0>{}), std::array{0.0}).grad[0] == 1.0);
static_assert(memograd::value_and_grad(memograd::sigmoid(var<0>{}), std::array{0.0}).grad[0] == 0.25);
//! [exercise 19]

//! [exercise 20]
// 20. A 2-16-16-1 MLP has 2·16 + 16 + 16·16 + 16 + 16 + 1 = 337 parameters.
using mlp_2_16_16_1 = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 16, 16, 1>;
static_assert(mlp_2_16_16_1::parameter_count == 337);
//! [exercise 20]

//! [exercise 21]
// 21. f = x² y: ∇f = (2xy, x²) = (12, 4) at (2, 3). Along d = (1, 1) one tangent pass gives 12 + 4
//     = 16; forward_mode_gradient needs two passes, d = (1, 0) and (0, 1).
constexpr auto f18 = memograd::square(var<0>{}) * var<1>{};
static_assert(memograd::jvp(f18, std::array{2.0, 3.0}, std::array{1.0, 1.0}).derivative == 16.0);
static_assert(memograd::forward_mode_gradient(f18, std::array{2.0, 3.0}).grad ==
              std::array{12.0, 4.0});
static_assert(memograd::stats<decltype(f18)>::forward_mode_passes == 2);
//! [exercise 21]

//! [exercise 22]
// 22. The lecture network has 17 variables and 48 edges: forward mode makes 17 passes of 48
//     multiplications, 816, against reverse mode's 48: 17 times as many, the number of variables.
using lecture_counts = memograd::stats<decltype(lecture::loss)>;
static_assert(lecture_counts::forward_mode_products == 816);
static_assert(lecture_counts::forward_mode_products / lecture_counts::memoized_products == 17);
//! [exercise 22]

//! [exercise 23]
// 23. One input, a chain of three operations (square, tanh, exp: one edge each): forward mode makes
//     one pass of 3 multiplications, as many as reverse mode. With M outputs of one input, reverse
//     mode would need M backward passes and forward mode still one: few inputs and many outputs
//     favour forward mode.
using chain = memograd::stats<decltype(memograd::exp(memograd::tanh(memograd::square(var<0>{}))))>;
static_assert(chain::forward_mode_passes == 1 && chain::forward_mode_products == 3);
static_assert(chain::forward_mode_products == chain::memoized_products);
//! [exercise 23]

//! [exercise 24]
// 24. f = sigmoid(w x + b): three operations store a value each (w x, + b, sigmoid). The product's
//     only user is a sum, so it shares the sum's adjoint; the sum and the sigmoid keep one each.
//     Every node but the data leaf x has a variable at or below it: w, b, w x, + b, sigmoid.
constexpr auto neuron = memograd::sigmoid(var<0>{} * data<0>{} + var<1>{});
using neuron_stats = memograd::stats<decltype(neuron)>;
static_assert(neuron_stats::stored_values == 3 && neuron_stats::stored_adjoints == 2);
static_assert(neuron_stats::shared_adjoints == 1);
static_assert(neuron_stats::nodes_with_adjoint == neuron_stats::nodes - 1);
//! [exercise 24]

//! [exercise 25]
// 25. Memoized: 3T + 2 values and 2T + 1 adjoints, 163 doubles for T = 32. Checkpointed: T/K + 5K +
//     3, so K = 1, 2, 4, 8 keep 40, 29, 31, 47: K = 2 is least, and recomputes 3 (T − K) = 90
//     operations.
static_assert(checkpointing::memoized_doubles<32> == 163);
static_assert(checkpointing::checkpointed_doubles<32, 1> == 40);
static_assert(checkpointing::checkpointed_doubles<32, 2> == 29);
static_assert(checkpointing::checkpointed_doubles<32, 4> == 31);
static_assert(checkpointing::checkpointed_doubles<32, 8> == 47);
static_assert(checkpointing::checkpointed_forward_ops<32, 2> -
                  checkpointing::memoized_forward_ops<32> ==
              90);
//! [exercise 25]

//! [exercise 26]
// 26. The layer graph stores a vector per node: W h, + b, tanh for 16, 16 and 1 outputs, and the
//     loss: 3·16 + 3·16 + 3·1 + 1 = 100 values. Adjoints: each hidden layer keeps its delta and its
//     output (16 each), the output layer one (its sum shares the identity's), the loss one: 66.
//     Written neuron by neuron, every product and partial sum is a node of its own: 16·5 + 16·33 +
//     32 + 2 = 642 values; the adjoints are the same 66, because the products and partial sums
//     share their sum's.
using layers = memograd::nn::layer_stats<mlp_2_16_16_1::loss_graph<>>;
static_assert(layers::values == 3 * 16 + 3 * 16 + 3 * 1 + 1);
static_assert(layers::adjoints == 2 * 16 + 2 * 16 + 1 + 1);
using neurons = memograd::stats<decltype(memograd::dense_network_loss<2, 16, 2>())>;
static_assert(neurons::stored_values == 16 * 5 + 16 * 33 + 32 + 2);
static_assert(neurons::stored_adjoints == layers::adjoints);
//! [exercise 26]

}  // namespace

TEST_CASE("the tutorial's exercises have compiled solutions", "[tutorial][static]") {
    STATIC_REQUIRE(calls(5, 3) == 2);  // the file's static_asserts are the solutions
}

TEST_CASE("exercise 5: the two-input backward pass agrees with memograd and with central differences",
          "[tutorial]") {
    const std::array<double, 5> v = {0.4, 1.5, -0.7, 0.5, 0.1};  // w1, x1, w2, x2, b
    const double y = 0.25;
    const auto r = two_input_backward(v[0], v[1], v[2], v[3], v[4], y);
    const std::array<double, 5> by_hand = {r.dw1, r.dx1, r.dw2, r.dx2, r.db};
    const auto loss = [y](const std::array<double, 5>& u) {
        const double e = std::tanh(u[0] * u[1] + u[2] * u[3] + u[4]) - y;
        return e * e;
    };
    constexpr auto expression =
        memograd::square(memograd::tanh(var<0>{} * var<1>{} + var<2>{} * var<3>{} + var<4>{}) - data<0>{});
    const auto memograd_result = memograd::value_and_grad(expression, v, std::array{y});
    CHECK(close(r.L, loss(v)));
    CHECK(close(r.L, memograd_result.value));
    for (std::size_t i = 0; i < v.size(); ++i) {
        INFO("variable " << i);
        auto up = v, down = v;
        up[i] += 1e-5;
        down[i] -= 1e-5;
        CHECK(std::abs(by_hand[i] - (loss(up) - loss(down)) / 2e-5) < 1e-9);
        CHECK(close(by_hand[i], memograd_result.grad[i]));
    }
}

TEST_CASE("exercise 6: the central difference's error is O(h^2), the forward difference's O(h)",
          "[tutorial]") {
    const double w = neuron::point[0];
    const double exact = neuron::by_hand(w, neuron::point[1], neuron::point[2], neuron::target[0]).dw;
    const auto error_ratio = [&](double (*difference)(double, double)) {
        return std::abs(difference(w, 1e-2) - exact) / std::abs(difference(w, 1e-3) - exact);
    };
    CHECK(error_ratio(central_difference) > 50);
    CHECK(error_ratio(central_difference) < 200);
    CHECK(error_ratio(forward_difference) > 5);
    CHECK(error_ratio(forward_difference) < 20);
}
