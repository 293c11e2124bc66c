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
    constexpr bool all_close = [&] {
        for (std::size_t i = 0; i < 15; ++i) {
            if (!close(layered.grad[i], scalar.grad[i])) {
                return false;
            }
        }
        return true;
    }();
    STATIC_REQUIRE(all_close);
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
