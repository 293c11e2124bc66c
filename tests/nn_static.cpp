// Compile-time claims of nn::mlp: shapes, a gradient derived by hand, agreement with the scalar engine on
// the lecture's network, all as static_asserts.
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <memograd/autodiff.hpp>
#include <memograd/nn.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

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
    // Both against backpropagation derived layer by layer here, with no memograd code but math::exp:
    // z = W1 x + b1, h = tanh z, o = W2 h + b2, L = (o - y)^2;
    // dL/do = 2 (o - y); dL/dW2 = dL/do h, dL/db2 = dL/do; dL/dh = W2^T dL/do;
    // dL/dz = dL/dh sech^2 z (sech^2 z = 4 / (e^z + e^-z)^2, not the activation's 1 - h^2);
    // dL/dW1 = dL/dz x^T, dL/db1 = dL/dz.
    constexpr std::array<double, 13> expected = [&] {
        constexpr std::array in{0.5, -1.0};
        std::array<double, 3> z{};
        std::array<double, 3> h{};
        double o = p[12];
        for (std::size_t i = 0; i < 3; ++i) {
            z[i] = p[2 * i] * in[0] + p[2 * i + 1] * in[1] + p[6 + i];
            const double e = math::exp(2 * z[i]);
            h[i] = (e - 1) / (e + 1);
            o += p[9 + i] * h[i];
        }
        const double d_o = 2 * (o - 0.25);
        std::array<double, 13> g{};
        g[12] = d_o;
        for (std::size_t i = 0; i < 3; ++i) {
            g[9 + i] = d_o * h[i];
            const double cosh2 = (math::exp(z[i]) + math::exp(-z[i])) * (math::exp(z[i]) + math::exp(-z[i]));
            const double d_z = d_o * p[9 + i] * 4 / cosh2;
            g[2 * i] = d_z * in[0];
            g[2 * i + 1] = d_z * in[1];
            g[6 + i] = d_z;
        }
        return g;
    }();
    STATIC_REQUIRE(leading_entries_close<13>(r.grad, expected));
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

namespace {
/// mse without its derivative in the target: a loss that gives d/da alone, as a loss written before
/// derivative<N, 1> existed would.
struct outputs_only_t {
    static constexpr std::string_view name = "mse_of_outputs";
    template <std::size_t N>
    static constexpr double value(const std::array<double, N>& a, const std::array<double, N>& y) {
        return nn::mse_t::value(a, y);
    }
    template <std::size_t N>
    static constexpr double derivative(double a, double y) { return nn::mse_t::derivative<N>(a, y); }
};

template <class E, class P, class X, class Y>
concept layer_differentiable = requires(E e, P p, X x, Y y) { nn::value_and_grad(e, p, x, y); };
template <class E, class P, class Xs, class Ys>
concept batch_differentiable = requires(E e, P p, Xs xs, Ys ys) { nn::batch_value_and_grad(e, p, xs, ys); };
}  // namespace

TEST_CASE("a parameter block as the loss's target: its gradient by hand, as a constant", "[nn][static]") {
    // L = (w x + b - t)^2 with the target t = p[2] a parameter: dL/dw = 2 (w x + b - t) x, dL/db = 2 (w x + b - t),
    // dL/dt = -2 (w x + b - t). At w = 2, b = 1.5, t = 0.5, x = 2: w x + b - t = 5.
    constexpr auto out = nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{} + nn::bias_vector<1, 1>{};
    constexpr auto graph = nn::loss<nn::mse_t>(out, nn::bias_vector<2, 1>{});
    constexpr auto r = nn::value_and_grad(graph, std::array{2.0, 1.5, 0.5}, std::array{2.0}, std::array<double, 0>{});
    STATIC_REQUIRE(r.value == 25.0);
    STATIC_REQUIRE(r.grad == std::array{20.0, 10.0, -10.0});
    // A target computed from parameters: t = v x with v = p[2]; dL/dv = -2 (w x + b - v x) x = -20 at v = 0.5.
    constexpr auto computed = nn::loss<nn::mse_t>(out, nn::weight_matrix<2, 1, 1>{} * nn::input_vector<1>{});
    constexpr auto c = nn::value_and_grad(computed, std::array{2.0, 1.5, 0.5}, std::array{2.0}, std::array<double, 0>{});
    STATIC_REQUIRE(c.value == 20.25);  // (5.5 - 1)^2
    STATIC_REQUIRE(c.grad == std::array{18.0, 9.0, -18.0});
    // The loss differentiates both operands; its backward statement for the target is generated only when a
    // parameter is below it (for a target_vector there is none: 2-16-16-1 counts in the test below).
    STATIC_REQUIRE(nn::layer_ops::loss<nn::mse_t, 1>::differentiable_operands == 2);
    STATIC_REQUIRE(nn::layer_stats<decltype(graph)>::nodes_with_adjoint == 6);  // all but x
}

TEST_CASE("a loss without a derivative in its target takes data targets only", "[nn][static]") {
    // outputs_only_t gives d/da alone: its target slot is not differentiated, so a parameter may not reach it.
    STATIC_REQUIRE(LayerKernel<nn::layer_ops::loss<outputs_only_t, 1>>);
    STATIC_REQUIRE(nn::layer_ops::loss<outputs_only_t, 1>::differentiable_operands == 1);
    constexpr auto out = nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{} + nn::bias_vector<1, 1>{};
    using p = std::array<double, 3>;
    using x = std::array<double, 1>;
    using none = std::array<double, 0>;
    using parameter_target = decltype(nn::loss<outputs_only_t>(out, nn::bias_vector<2, 1>{}));
    using computed_target = decltype(nn::loss<outputs_only_t>(out, nn::weight_matrix<2, 1, 1>{} * nn::input_vector<1>{}));
    using data_target = decltype(nn::loss<outputs_only_t>(out, nn::target_vector<1>{}));
    STATIC_REQUIRE(!layer_differentiable<parameter_target, p, x, none>);
    STATIC_REQUIRE(!layer_differentiable<computed_target, p, x, none>);
    STATIC_REQUIRE(!batch_differentiable<parameter_target, p, std::span<const x>, std::span<const none>>);
    STATIC_REQUIRE(layer_differentiable<data_target, p, x, x>);
    // With the target as data: L = (w x + b - y)^2 = 25 at w = 2, b = 1.5, x = 2, y = 0.5; dL/dw = 10 x, dL/db = 10.
    constexpr auto r = nn::value_and_grad(data_target{}, p{2.0, 1.5, 9.0}, x{2.0}, x{0.5});
    STATIC_REQUIRE(r.value == 25.0);
    STATIC_REQUIRE(r.grad == std::array{20.0, 10.0, 0.0});
    // mse gives both derivatives: the parameter target outputs_only_t may not take, it takes.
    STATIC_REQUIRE(layer_differentiable<decltype(nn::loss<nn::mse_t>(out, nn::bias_vector<2, 1>{})), p, x, none>);
}

namespace {
template <class E, class P, class X>
concept layer_evaluable = requires(E e, P p, X x) { nn::evaluate(e, p, x); };
template <class Net, class P, class X, class Y>
concept mlp_differentiable = requires(P p, X x, Y y) { Net::value_and_grad(p, x, y); };
template <class Net, class P, class X>
concept mlp_predicts = requires(P p, X x) { Net::predict(p, x); };
template <class E>
concept layer_printable = requires(E e) { nn::layer_code(e); };
template <class E>
concept layer_drawable = requires(E e) { nn::layer_graphviz(e); };
template <class L, class R>
concept layer_multipliable = requires(L l, R r) { l * r; };
template <class L, class R>
concept layer_addable = requires(L l, R r) { l + r; };
template <class Z>
concept tanh_activatable = requires(Z z) { nn::activate<nn::tanh_t>(z); };
template <class O, class T>
concept mse_comparable = requires(O o, T t) { nn::loss<nn::mse_t>(o, t); };

template <std::size_t N>
using doubles = std::array<double, N>;
// The 2-3-1 network of the layer_graph snippet: 13 parameters, 2 inputs, 1 target.
using w1 = nn::weight_matrix<0, 3, 2>;
using b1 = nn::bias_vector<6, 3>;
using hidden = decltype(nn::activate<nn::tanh_t>(w1{} * nn::input_vector<2>{} + b1{}));
using outputs = decltype(nn::weight_matrix<9, 1, 3>{} * hidden{} + nn::bias_vector<12, 1>{});
using loss_2_3_1 = decltype(nn::loss<nn::mse_t>(outputs{}, nn::target_vector<1>{}));
}  // namespace

TEST_CASE("misuse of the layer-graph entry points is not viable: requires-expressions answer false", "[nn][static]") {
    // value_and_grad: the leaves read inside p, x and y (longer arrays are taken: the rest is unused).
    STATIC_REQUIRE(layer_differentiable<loss_2_3_1, doubles<13>, doubles<2>, doubles<1>>);
    STATIC_REQUIRE(layer_differentiable<loss_2_3_1, doubles<14>, doubles<3>, doubles<2>>);
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, doubles<12>, doubles<2>, doubles<1>>);  // p too short
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, doubles<13>, doubles<1>, doubles<1>>);  // sample too short
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, doubles<13>, doubles<2>, doubles<0>>);  // target too short
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, std::array<float, 13>, doubles<2>, doubles<1>>);  // element type
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, doubles<13>, std::array<int, 2>, doubles<1>>);
    STATIC_REQUIRE(!layer_differentiable<loss_2_3_1, doubles<13>, doubles<2>, std::vector<double>>);
    STATIC_REQUIRE(!layer_differentiable<hidden, doubles<13>, doubles<2>, doubles<1>>);  // a vector, not a loss
    STATIC_REQUIRE(!layer_differentiable<var<0>, doubles<13>, doubles<2>, doubles<1>>);   // not a layer graph
    STATIC_REQUIRE(!layer_differentiable<double, doubles<13>, doubles<2>, doubles<1>>);

    // batch_value_and_grad: samples and targets are contiguous ranges of arrays, each read as x and y are.
    using inputs = std::vector<doubles<2>>;
    using targets = std::vector<doubles<1>>;
    STATIC_REQUIRE(batch_differentiable<loss_2_3_1, doubles<13>, std::span<const doubles<2>>, std::span<const doubles<1>>>);
    STATIC_REQUIRE(batch_differentiable<loss_2_3_1, doubles<13>, inputs, targets>);
    STATIC_REQUIRE(batch_differentiable<loss_2_3_1, doubles<13>, std::span<doubles<2>>, std::array<doubles<1>, 4>>);
    STATIC_REQUIRE(!batch_differentiable<loss_2_3_1, doubles<12>, inputs, targets>);
    STATIC_REQUIRE(!batch_differentiable<loss_2_3_1, doubles<13>, std::vector<doubles<1>>, targets>);
    STATIC_REQUIRE(!batch_differentiable<loss_2_3_1, doubles<13>, inputs, std::vector<doubles<0>>>);
    STATIC_REQUIRE(!batch_differentiable<loss_2_3_1, doubles<13>, std::vector<std::array<float, 2>>, targets>);
    STATIC_REQUIRE(!batch_differentiable<loss_2_3_1, doubles<13>, doubles<2>, doubles<1>>);  // one sample, not a batch
    STATIC_REQUIRE(!batch_differentiable<hidden, doubles<13>, inputs, targets>);

    // evaluate: the outputs, no target.
    STATIC_REQUIRE(layer_evaluable<outputs, doubles<13>, doubles<2>>);
    STATIC_REQUIRE(!layer_evaluable<loss_2_3_1, doubles<13>, doubles<2>>);  // reads the target
    STATIC_REQUIRE(!layer_evaluable<outputs, doubles<12>, doubles<2>>);
    STATIC_REQUIRE(!layer_evaluable<outputs, doubles<13>, doubles<1>>);
    STATIC_REQUIRE(!layer_evaluable<outputs, doubles<13>, std::array<float, 2>>);
    STATIC_REQUIRE(!layer_evaluable<double, doubles<13>, doubles<2>>);

    // The printers: layer graphs only; layer_code also as value_and_grad, every operand a parameter reaches
    // differentiated.
    STATIC_REQUIRE(layer_printable<loss_2_3_1> && layer_drawable<loss_2_3_1> && layer_printable<outputs>);
    STATIC_REQUIRE(!layer_printable<var<0>> && !layer_drawable<var<0>>);
    STATIC_REQUIRE(!layer_printable<decltype(nn::loss<outputs_only_t>(outputs{}, nn::bias_vector<13, 1>{}))>);
    STATIC_REQUIRE(layer_drawable<decltype(nn::loss<outputs_only_t>(outputs{}, nn::bias_vector<13, 1>{}))>);

    // Building: the shape rules of W * h, a + b, activate and loss.
    STATIC_REQUIRE(layer_multipliable<w1, nn::input_vector<2>>);
    STATIC_REQUIRE(!layer_multipliable<w1, nn::input_vector<3>>);
    STATIC_REQUIRE(!layer_multipliable<w1, nn::weight_matrix<0, 2, 2>>);  // h a matrix
    STATIC_REQUIRE(layer_addable<decltype(w1{} * nn::input_vector<2>{}), b1>);
    STATIC_REQUIRE(!layer_addable<decltype(w1{} * nn::input_vector<2>{}), nn::bias_vector<6, 2>>);
    STATIC_REQUIRE(!layer_addable<w1, w1>);
    STATIC_REQUIRE(tanh_activatable<b1> && !tanh_activatable<w1>);
    STATIC_REQUIRE(mse_comparable<outputs, nn::target_vector<1>>);
    STATIC_REQUIRE(!mse_comparable<outputs, nn::target_vector<2>>);
    STATIC_REQUIRE(!mse_comparable<w1, w1>);
}

TEST_CASE("misuse of mlp's entry points is not viable: requires-expressions answer false", "[nn][static]") {
    // mlp takes exactly its parameters, input and output.
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 3, 1>;
    STATIC_REQUIRE(mlp_differentiable<net, doubles<13>, doubles<2>, doubles<1>>);
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<12>, doubles<2>, doubles<1>>);  // p too short
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<14>, doubles<2>, doubles<1>>);  // or too long
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, doubles<1>, doubles<1>>);  // the input
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, doubles<3>, doubles<1>>);
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, doubles<2>, doubles<2>>);  // the target
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, doubles<2>, doubles<0>>);
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, std::array<float, 2>, doubles<1>>);  // element type
    STATIC_REQUIRE(!mlp_differentiable<net, std::array<int, 13>, doubles<2>, doubles<1>>);
    STATIC_REQUIRE(mlp_differentiable<net, doubles<13>, std::vector<doubles<2>>, std::vector<doubles<1>>>);  // a batch
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, std::vector<doubles<3>>, std::vector<doubles<1>>>);
    STATIC_REQUIRE(!mlp_differentiable<net, doubles<13>, std::vector<doubles<2>>, std::vector<doubles<2>>>);
    STATIC_REQUIRE(mlp_predicts<net, doubles<13>, doubles<2>>);
    STATIC_REQUIRE(!mlp_predicts<net, doubles<12>, doubles<2>>);
    STATIC_REQUIRE(!mlp_predicts<net, doubles<13>, doubles<3>>);
    STATIC_REQUIRE(!mlp_predicts<net, doubles<13>, std::array<float, 2>>);
}

TEST_CASE("layer nodes that differ only in their activation are two nodes", "[nn][static]") {
    // tanh(z) and sigmoid(z) of one z: four distinct operations (W x, + b, tanh, sigmoid), z shared.
    constexpr auto z = nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{} + nn::bias_vector<1, 1>{};
    constexpr auto both = nn::activate<nn::tanh_t>(z) + nn::activate<nn::sigmoid_t>(z);
    constexpr auto loss = nn::loss<nn::mse_t>(both, nn::target_vector<1>{});
    STATIC_REQUIRE(nn::layer_stats<decltype(loss)>::operations == 6);  // the four, their sum, the loss
    // d/dw [tanh(wx + b) + sigmoid(wx + b) - y]^2 at w = 0.5, b = 0, x = 2, y = 0: z = 1. The numbers are
    // Python's: tanh(1), 1/(1 + e^-1), and the slopes 1/cosh(1)^2 and e^-1/(1 + e^-1)^2.
    constexpr auto r = nn::value_and_grad(loss, std::array{0.5, 0.0}, std::array{2.0}, std::array{0.0});
    constexpr double t = 0.7615941559557649, s = 0.7310585786300049;
    constexpr double t_slope = 0.4199743416140261, s_slope = 0.19661193324148188;
    STATIC_REQUIRE(close(r.value, (t + s) * (t + s)));
    STATIC_REQUIRE(close(r.grad[0], 2 * (t + s) * (t_slope + s_slope) * 2.0));
    STATIC_REQUIRE(close(r.grad[1], 2 * (t + s) * (t_slope + s_slope)));
}

TEST_CASE("optimizer steps against steps computed by hand", "[nn][static]") {
    // Step sizes and gradients are powers of two, so every hand-computed number below is exact.
    constexpr auto sgd_step = [] {
        std::array p{1.0, -2.0};
        nn::sgd<2> sgd{.learning_rate = 0.25};
        sgd.step(p, {0.5, -4.0});  // p - 0.25 g
        return p;
    }();
    STATIC_REQUIRE(sgd_step == std::array{0.875, -1.0});
    // Momentum: v1 = g1 = (1, -2), p1 = -0.5 v1 = (-0.5, 1);
    // v2 = 0.5 v1 + g2 = (1.5, 1), p2 = p1 - 0.5 v2 = (-1.25, 0.5).
    constexpr auto momentum_steps = [] {
        std::array p{0.0, 0.0};
        nn::momentum<2> momentum{.learning_rate = 0.5, .beta = 0.5};
        momentum.step(p, {1.0, -2.0});
        const auto first = p;
        momentum.step(p, {1.0, 2.0});
        return std::array{first, p, momentum.velocity};
    }();
    STATIC_REQUIRE(momentum_steps[0] == std::array{-0.5, 1.0});
    STATIC_REQUIRE(momentum_steps[1] == std::array{-1.25, 0.5});
    STATIC_REQUIRE(momentum_steps[2] == std::array{1.5, 1.0});
    // Adam (Kingma & Ba, Algorithm 1), learning rate 0.1, from p = 1 with gradients 2 then -1. By hand:
    // step 1: m = 0.2, v = 0.004, bias-corrected m = 2, v = 4: p = 1 - 0.1 * 2 / (2 + 1e-8) = 0.9000000005.
    // step 2: m = 0.08, v = 0.004996; corrected 0.08 / 0.19 and 0.004996 / 0.001999:
    // p = 0.9000000005 - 0.1 * 0.421052631578947... / (1.58090152... + 1e-8) = 0.8733662967024315 (Python).
    constexpr auto adam_steps = [] {
        std::array p{1.0};
        nn::adam<1> adam{.learning_rate = 0.1};
        adam.step(p, {2.0});
        const double first = p[0];
        adam.step(p, {-1.0});
        return std::array{first, p[0], adam.first[0], adam.second[0]};
    }();
    STATIC_REQUIRE(close(adam_steps[0], 0.9000000005));
    STATIC_REQUIRE(close(adam_steps[1], 0.8733662967024315));
    STATIC_REQUIRE(close(adam_steps[2], 0.08));
    STATIC_REQUIRE(close(adam_steps[3], 0.004996));
}

TEST_CASE("losses and their derivatives against hand numbers", "[nn][static]") {
    // mse: ((0.5 - 1)^2 + (-1 - 1)^2) / 2 = 2.125; d/da_0 = 2 (0.5 - 1) / 2.
    STATIC_REQUIRE(nn::mse_t::value(std::array{0.5, -1.0}, std::array{1.0, 1.0}) == 2.125);
    STATIC_REQUIRE(nn::mse_t::derivative<2>(0.5, 1.0) == -0.5);
    STATIC_REQUIRE(nn::mse_t::derivative<1>(3.0, 1.0) == 4.0);
    // Binary cross-entropy: -log 0.8 (Python: 0.2231435513142097); -(log 0.75 + log 0.5) / 2 for a = (0.25,
    // 0.5), y = (0, 1) (Python: 0.4904146265058631). d/da = (a - y) / (a (1 - a)) / n: -1.25 at a = 0.8,
    // y = 1; (0.25 / 0.1875) / 2 = 2/3 at a = 0.25, y = 0, n = 2.
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::value(std::array{0.8}, std::array{1.0}), 0.2231435513142097));
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::value(std::array{0.25, 0.5}, std::array{0.0, 1.0}),
                         0.4904146265058631));
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::derivative<1>(0.8, 1.0), -1.25));
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::derivative<2>(0.25, 0.0), 2.0 / 3.0));
    // Max margin: (max(0, 1 - 0.5) + max(0, 1 - 2)) / 2 = 0.25 for y = (1, 1); against y = -1 the margin
    // 1 + 0.5 counts in full. d/da = -y / n inside the margin, 0 outside, 0 on its edge (y a = 1).
    STATIC_REQUIRE(nn::max_margin_t::value(std::array{0.5, 2.0}, std::array{1.0, 1.0}) == 0.25);
    STATIC_REQUIRE(nn::max_margin_t::value(std::array{0.5}, std::array{-1.0}) == 1.5);
    STATIC_REQUIRE(nn::max_margin_t::derivative<2>(0.5, 1.0) == -0.5);
    STATIC_REQUIRE(nn::max_margin_t::derivative<2>(2.0, 1.0) == 0.0);
    STATIC_REQUIRE(nn::max_margin_t::derivative<1>(0.5, -1.0) == 1.0);
    STATIC_REQUIRE(nn::max_margin_t::derivative<1>(1.0, 1.0) == 0.0);
    // With respect to the target (derivative<N, 1>): mse -2 (a - y) / n = 0.5 at a = 0.5, y = 1, n = 2;
    // bce (log(1 - a) - log a) / n = log 0.25 at a = 0.8 (Python: -1.3862943611198906); max margin -a / n
    // inside the margin, 0 outside and on its edge.
    STATIC_REQUIRE(nn::mse_t::derivative<2, 1>(0.5, 1.0) == 0.5);
    STATIC_REQUIRE(nn::mse_t::derivative<1, 1>(3.0, 1.0) == -4.0);
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::derivative<1, 1>(0.8, 1.0), -1.3862943611198906));
    STATIC_REQUIRE(close(nn::binary_cross_entropy_t::derivative<2, 1>(0.5, 0.0), 0.0));
    STATIC_REQUIRE(nn::max_margin_t::derivative<2, 1>(0.5, 1.0) == -0.25);
    STATIC_REQUIRE(nn::max_margin_t::derivative<2, 1>(2.0, 1.0) == 0.0);
    STATIC_REQUIRE(nn::max_margin_t::derivative<1, 1>(1.0, 1.0) == 0.0);
}

TEST_CASE("activations and their derivatives against hand numbers", "[nn][static]") {
    // Python: tanh(0.5) = 0.46211715726000974, 1/cosh(0.5)^2 = 0.7864477329659275;
    // 1/(1 + e^-0.5) = 0.6224593312018546, e^-0.5/(1 + e^-0.5)^2 = 0.2350037122015945.
    STATIC_REQUIRE(close(nn::tanh_t::value(0.5), 0.46211715726000974));
    STATIC_REQUIRE(close(nn::tanh_t::derivative_from_output(nn::tanh_t::value(0.5)), 0.7864477329659275));
    STATIC_REQUIRE(close(nn::sigmoid_t::value(0.5), 0.6224593312018546));
    STATIC_REQUIRE(close(nn::sigmoid_t::derivative_from_output(nn::sigmoid_t::value(0.5)), 0.2350037122015945));
    STATIC_REQUIRE(nn::relu_t::value(-2.0) == 0.0);
    STATIC_REQUIRE(nn::relu_t::value(2.0) == 2.0);
    STATIC_REQUIRE(nn::relu_t::derivative_from_output(2.0) == 1.0);
    STATIC_REQUIRE(nn::relu_t::derivative_from_output(0.0) == 0.0);
    STATIC_REQUIRE(nn::identity_t::value(-2.5) == -2.5);
    STATIC_REQUIRE(nn::identity_t::derivative_from_output(7.0) == 1.0);
}

TEST_CASE("layer-graph leaves, nodes and kernels declare what they are", "[nn][static]") {
    using w = nn::weight_matrix<4, 3, 2>;
    STATIC_REQUIRE(w::source == nn::leaf_source::parameter && w::index == 4 && w::rows == 3 && w::cols == 2);
    STATIC_REQUIRE(nn::input_vector<2>::source == nn::leaf_source::sample && nn::input_vector<2>::cols == 1);
    STATIC_REQUIRE(nn::target_vector<1>::source == nn::leaf_source::target);
    STATIC_REQUIRE(nn::bias_vector<7, 3>::index == 7 && nn::bias_vector<7, 3>::rows == 3);
    STATIC_REQUIRE(std::is_same_v<nn::weight_matrix<0, 1, 1>, nn::leaf<nn::leaf_source::parameter, 0, 1, 1>>);
    using z = decltype(w{} * nn::input_vector<2>{});
    STATIC_REQUIRE(std::is_same_v<z, nn::layer_binary<nn::layer_ops::matvec<3, 2>, w, nn::input_vector<2>>>);
    STATIC_REQUIRE(std::is_same_v<decltype(nn::activate<nn::relu_t>(z{})), nn::layer_unary<nn::layer_ops::activate<nn::relu_t, 3>, z>>);
    STATIC_REQUIRE(nn::LayerExpression<z> && nn::LayerExpression<w> && !nn::LayerExpression<var<0>>);
    STATIC_REQUIRE(!Expression<z>);
    STATIC_REQUIRE(LayerKernel<nn::layer_ops::matvec<3, 2>> && LayerKernel<nn::layer_ops::plus<3>>);
    STATIC_REQUIRE(LayerKernel<nn::layer_ops::activate<nn::tanh_t, 3>> && LayerKernel<nn::layer_ops::loss<nn::mse_t, 3>>);
    STATIC_REQUIRE(!LayerKernel<ops::add>);
    STATIC_REQUIRE(nn::Activation<nn::tanh_t> && !nn::Activation<nn::mse_t>);
    STATIC_REQUIRE(Scalar<double> && Scalar<int> && !Scalar<var<0>>);
}

TEST_CASE("initial_parameters: uniform in +-1/sqrt(fan_in) per layer, from splitmix64", "[nn][static]") {
    // splitmix64 seeded with 0 (Vigna's reference implementation): its first three outputs.
    constexpr auto first_three = [] {
        std::uint64_t state = 0;
        return std::array{memograd::detail::splitmix64(state), memograd::detail::splitmix64(state),
                          memograd::detail::splitmix64(state)};
    }();
    STATIC_REQUIRE(first_three == std::array<std::uint64_t, 3>{0xe220a8397b1dcdafULL, 0x6e789e6aa1b965f4ULL,
                                                               0x06c45d188009454fULL});
    // Fan-in 4 gives +-0.5 for the first layer's weights and biases, fan-in 16 gives +-0.25 for the
    // second's; each layer's values reach past 80% of its bound (the interval is filled, not a corner).
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 4, 16, 1>;
    static constexpr auto p = net::initial_parameters(11);
    constexpr auto largest = [](std::size_t from, std::size_t to) {
        double m = 0;
        for (std::size_t i = from; i < to; ++i) {
            m = p[i] < 0 ? (-p[i] > m ? -p[i] : m) : (p[i] > m ? p[i] : m);
        }
        return m;
    };
    STATIC_REQUIRE(largest(0, net::weight_offset(1)) <= 0.5);
    STATIC_REQUIRE(largest(0, net::weight_offset(1)) > 0.4);
    STATIC_REQUIRE(largest(net::weight_offset(1), net::parameter_count) <= 0.25);
    STATIC_REQUIRE(largest(net::weight_offset(1), net::parameter_count) > 0.2);
    STATIC_REQUIRE(net::initial_parameters(11) == p);
    STATIC_REQUIRE(net::initial_parameters(12) != p);
}
