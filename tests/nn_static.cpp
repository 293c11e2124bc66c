// Compile-time claims of nn::mlp: shapes, a gradient derived by hand, agreement with the scalar engine on
// the lecture's network, all as static_asserts.
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <memograd/autodiff.hpp>
#include <memograd/nn.hpp>

#include <array>
#include <cstddef>

namespace {

using namespace memograd;

constexpr bool close(double a, double b) { return memograd_tests::close(a, b, 1e-13); }

/// The first N entries of two gradients agree.
template <std::size_t N, std::size_t A, std::size_t B>
constexpr bool leading_entries_close(const std::array<double, A>& a, const std::array<double, B>& b) {
    for (std::size_t i = 0; i < N; ++i) {
        if (!close(a[i], b[i])) {
            return false;
        }
    }
    return true;
}

}  // namespace

TEST_CASE("mlp shapes and parameter layout", "[nn][static]") {
    //! [mlp]
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>;
    static_assert(net::input_size == 2 && net::output_size == 1);
    static_assert(net::parameter_count == (16 * 2 + 16) + (16 * 16 + 16) + (1 * 16 + 1));  // 337
    //! [mlp]
    STATIC_REQUIRE(net::weight_offset(1) == 48);
    STATIC_REQUIRE(net::bias_offset(1) == 48 + 256);
    STATIC_REQUIRE(net::weight_offset(2) == 320);
    STATIC_REQUIRE(net::graph_nodes == 3 * 3 + 2 * 3 + 3);  // 3 ops + W, b per layer; x, y, loss
}

TEST_CASE("a one-weight network's gradient matches the hand derivation", "[nn][static]") {
    // y_hat = w x + b, L = (y_hat - y)^2: dL/dw = 2 (y_hat - y) x, dL/db = 2 (y_hat - y).
    using line = nn::mlp<nn::identity_t, nn::identity_t, 1, 1>;
    constexpr line::parameters p{3.0, 0.5};  // w, b
    constexpr auto r = line::value_and_grad(p, std::array{2.0}, std::array{4.0});
    STATIC_REQUIRE(r.value == 6.25);      // (6.5 - 4)^2
    STATIC_REQUIRE(r.grad[0] == 10.0);    // 2 * 2.5 * 2
    STATIC_REQUIRE(r.grad[1] == 5.0);     // 2 * 2.5
}

TEST_CASE("the lecture's 2-2-2-1 sigmoid network: mlp = scalar engine", "[nn][static]") {
    using net = nn::mlp<nn::sigmoid_t, nn::sigmoid_t, 2, 2, 2, 1>;
    static_assert(net::parameter_count == 15);
    // The same network in the scalar engine, its vars laid out like the mlp's parameters
    // (W1[2][2], b1[2], W2[2][2], b2[2], W3[1][2], b3), then x1, x2, y.
    constexpr var<15> x1;
    constexpr var<16> x2;
    constexpr auto o1 = sigmoid(var<0>{} * x1 + var<1>{} * x2 + var<4>{});
    constexpr auto o2 = sigmoid(var<2>{} * x1 + var<3>{} * x2 + var<5>{});
    constexpr auto p1 = sigmoid(var<6>{} * o1 + var<7>{} * o2 + var<10>{});
    constexpr auto p2 = sigmoid(var<8>{} * o1 + var<9>{} * o2 + var<11>{});
    constexpr auto y_hat = sigmoid(var<12>{} * p1 + var<13>{} * p2 + var<14>{});
    constexpr auto loss = square(y_hat - var<17>{});

    constexpr net::parameters p{0.1, 0.2, -0.3, 0.4, 0.0, 0.1, 0.5, -0.6, 0.7, 0.8, 0.05, -0.1, 0.9, -1.0, 0.2};
    constexpr std::array<double, 2> x{0.5, -1.2};
    constexpr std::array<double, 1> y{1.0};
    constexpr auto layered = net::value_and_grad(p, x, y);
    constexpr auto scalar = [&] {
        std::array<double, 18> v{};
        for (std::size_t i = 0; i < 15; ++i) {
            v[i] = p[i];
        }
        v[15] = x[0];
        v[16] = x[1];
        v[17] = y[0];
        return value_and_grad(loss, v);
    }();
    STATIC_REQUIRE(close(layered.value, scalar.value));
    STATIC_REQUIRE(leading_entries_close<15>(layered.grad, scalar.grad));
}

namespace {
template <std::size_t... Sizes>
concept valid_mlp = requires { typename nn::mlp<nn::tanh_t, nn::identity_t, Sizes...>::parameters; };
template <class Net, class X, class Y>
concept accepts = requires(typename Net::parameters p, X x, Y y) { Net::value_and_grad(p, x, y); };
}  // namespace

TEST_CASE("mlp accepts the shapes it was given", "[nn][static]") {
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 3, 4, 2>;
    STATIC_REQUIRE(accepts<net, std::array<double, 3>, std::array<double, 2>>);
    STATIC_REQUIRE(valid_mlp<1, 1>);
}

TEST_CASE("a layer graph written by hand is the mlp it spells out", "[nn][static]") {
    //! [layer_graph]
    // A 2-3-1 tanh network as a layer graph; its parameters laid out like nn::mlp<tanh_t, identity_t, 2, 3, 1>.
    constexpr nn::input_vector<2> x;
    constexpr nn::weight_matrix<0, 3, 2> w1;  // W1[3][2] at parameter 0
    constexpr nn::bias_vector<6, 3> b1;       // b1[3] after it
    constexpr nn::weight_matrix<9, 1, 3> w2;
    constexpr nn::bias_vector<12, 1> b2;
    constexpr auto out = w2 * nn::activate<nn::tanh_t>(w1 * x + b1) + b2;
    constexpr auto loss = nn::loss<nn::mse_t>(out, nn::target_vector<1>{});

    constexpr std::array<double, 13> p{0.1, -0.2, 0.3, 0.4, -0.5, 0.6, 0.05, -0.05, 0.1, 0.7, -0.8, 0.9, 0.2};
    constexpr auto r = nn::value_and_grad(loss, p, std::array{0.5, -1.0}, std::array{0.25});
    //! [layer_graph]
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 3, 1>;
    constexpr auto m = net::value_and_grad(p, std::array{0.5, -1.0}, std::array{0.25});
    STATIC_REQUIRE(r.value == m.value);
    STATIC_REQUIRE(r.grad == m.grad);  // the mlp adds an identity activation, which passes adjoints through
    // The output layer by hand: out = W2 h + b2, L = (out - y)^2, dL/db2 = 2 (out - y).
    constexpr auto h = nn::evaluate(nn::activate<nn::tanh_t>(w1 * x + b1), p, std::array{0.5, -1.0});
    constexpr double o = 0.7 * h[0] - 0.8 * h[1] + 0.9 * h[2] + 0.2;
    STATIC_REQUIRE(close(r.value, (o - 0.25) * (o - 0.25)));
    STATIC_REQUIRE(close(r.grad[12], 2 * (o - 0.25)));
    STATIC_REQUIRE(close(r.grad[9], 2 * (o - 0.25) * h[0]));
}

TEST_CASE("the 2-16-16-1 mlp's graph and what its passes store", "[nn][static]") {
    //! [layer_stats]
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>;
    using found = nn::layer_stats<net::loss_graph<>>;
    static_assert(found::nodes == 18);       // per layer W h, + b, act and the leaves W, b; then x, y, loss
    static_assert(found::operations == 10);  // 3 per layer + the loss: one kernel call each, forward
    static_assert(found::values == 3 * 16 + 3 * 16 + 3 * 1 + 1);  // each node's value stored once
    // Backward: x and y need no adjoint (no parameter below them); the products W h share the bias sum's
    // adjoint (the layer's delta) and the last sum shares the identity's: 4 adjoints never copied.
    static_assert(found::nodes_with_adjoint == 18 - 2);
    static_assert(found::shared_adjoints == 4);
    static_assert(found::adjoints == 1 + 1 + 16 + 16 + 16 + 16);  // loss, identity, a2, z2, a1, z1
    //! [layer_stats]
    STATIC_REQUIRE(net::graph_nodes == found::nodes);
    STATIC_REQUIRE(nn::mlp<nn::tanh_t, nn::identity_t, 784, 128, 10>::graph_nodes == 2 * 5 + 3);  // any width
}

TEST_CASE("a weight shared by two layers is one node, and its gradient sums both uses", "[nn][static]") {
    // h1 = tanh(W x + b), h2 = tanh(W h1 + b): W and b are one leaf each, used twice.
    constexpr nn::weight_matrix<0, 2, 2> w;
    constexpr nn::bias_vector<4, 2> b;
    constexpr auto h2 = nn::activate<nn::tanh_t>(w * nn::activate<nn::tanh_t>(w * nn::input_vector<2>{} + b) + b);
    constexpr auto tied = nn::loss<nn::mse_t>(h2, nn::target_vector<2>{});
    using found = nn::layer_stats<decltype(tied)>;
    STATIC_REQUIRE(found::nodes == 11);  // leaves W, b, x, y; 2 x (W h, + b, tanh); loss
    STATIC_REQUIRE(found::edges == 12);  // 2 per W h, + b and loss; 1 per tanh

    // The same function in the scalar engine, neuron by neuron: vars 0-5 the parameters, 6-7 x, 8-9 y.
    constexpr var<6> x0;
    constexpr var<7> x1;
    constexpr auto g0 = tanh(var<0>{} * x0 + var<1>{} * x1 + var<4>{});
    constexpr auto g1 = tanh(var<2>{} * x0 + var<3>{} * x1 + var<5>{});
    constexpr auto k0 = tanh(var<0>{} * g0 + var<1>{} * g1 + var<4>{});
    constexpr auto k1 = tanh(var<2>{} * g0 + var<3>{} * g1 + var<5>{});
    constexpr auto scalar_loss = (square(k0 - var<8>{}) + square(k1 - var<9>{})) * 0.5;

    constexpr std::array<double, 6> p{0.3, -0.6, 0.8, 0.2, 0.1, -0.4};
    constexpr auto layered = nn::value_and_grad(tied, p, std::array{0.7, -0.3}, std::array{0.5, -0.5});
    constexpr auto scalar =
        value_and_grad(scalar_loss, std::array{0.3, -0.6, 0.8, 0.2, 0.1, -0.4, 0.7, -0.3, 0.5, -0.5});
    STATIC_REQUIRE(close(layered.value, scalar.value));
    STATIC_REQUIRE(leading_entries_close<6>(layered.grad, scalar.grad));
}

TEST_CASE("degenerate layer graphs: a lone parameter, a graph without parameters", "[nn][static]") {
    // L = p[1]: dL/dp = (0, 1).
    constexpr auto lone = nn::value_and_grad(nn::bias_vector<1, 1>{}, std::array{2.0, 3.0}, std::array{0.0},
                                             std::array{0.0});
    STATIC_REQUIRE(lone.value == 3.0);
    STATIC_REQUIRE(lone.grad == std::array{0.0, 1.0});
    // L = mse(x, y) reads no parameter: its gradient is zero.
    constexpr auto data_only = nn::value_and_grad(nn::loss<nn::mse_t>(nn::input_vector<2>{}, nn::target_vector<2>{}),
                                                  std::array{5.0}, std::array{1.0, 2.0}, std::array{0.0, 0.0});
    STATIC_REQUIRE(data_only.value == 2.5);  // (1 + 4) / 2
    STATIC_REQUIRE(data_only.grad == std::array{0.0});
}

TEST_CASE("layer nodes that differ only in their activation are two nodes", "[nn][static]") {
    // tanh(z) and sigmoid(z) of one z: four distinct operations (W x, + b, tanh, sigmoid), z shared.
    constexpr auto z = nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{} + nn::bias_vector<1, 1>{};
    constexpr auto both = nn::activate<nn::tanh_t>(z) + nn::activate<nn::sigmoid_t>(z);
    constexpr auto loss = nn::loss<nn::mse_t>(both, nn::target_vector<1>{});
    STATIC_REQUIRE(nn::layer_stats<decltype(loss)>::operations == 6);  // the four, their sum, the loss
    // d/dw [tanh(wx + b) + sigmoid(wx + b) - y]^2 at w = 0.5, b = 0, x = 2, y = 0: z = 1.
    constexpr auto r = nn::value_and_grad(loss, std::array{0.5, 0.0}, std::array{2.0}, std::array{0.0});
    constexpr double t = math::tanh(1.0), s = math::sigmoid(1.0);
    STATIC_REQUIRE(close(r.value, (t + s) * (t + s)));
    STATIC_REQUIRE(close(r.grad[0], 2 * (t + s) * ((1 - t * t) + s * (1 - s)) * 2.0));
    STATIC_REQUIRE(close(r.grad[1], 2 * (t + s) * ((1 - t * t) + s * (1 - s))));
}
