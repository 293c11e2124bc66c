// Run-time claims of nn::mlp: gradients against central finite differences for several sizes, every
// activation and every loss; batches; training on XOR and two moons reaches the stated accuracy.
#include "catch.hpp"
#include "hand_backprop.hpp"

#include <memograd/nn.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace memograd;

template <class Net, class Loss>
void check_gradient(std::uint64_t seed, double target_low, double target_high) {
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> in(-1.0, 1.0);
    std::uniform_real_distribution<double> out(target_low, target_high);
    auto p = Net::initial_parameters(seed);
    typename Net::input x{};
    typename Net::output y{};
    for (double& v : x) {
        v = in(rng);
    }
    for (double& v : y) {
        v = out(rng);
    }
    const auto r = Net::template value_and_grad<Loss>(p, x, y);
    for (std::size_t i = 0; i < Net::parameter_count; ++i) {
        const double saved = p[i];
        const double h = 1e-6;
        p[i] = saved + h;
        const double up = Net::template value_and_grad<Loss>(p, x, y).value;
        p[i] = saved - h;
        const double down = Net::template value_and_grad<Loss>(p, x, y).value;
        p[i] = saved;
        const double fd = (up - down) / (2 * h);
        INFO("parameter " << i << ": analytic " << r.grad[i] << ", finite difference " << fd);
        CHECK(std::abs(r.grad[i] - fd) <= 1e-6 * (1 + std::abs(fd)));
    }
}

template <class Net>
double accuracy(const typename Net::parameters& p, const nn::dataset<2, 1>& data) {
    std::size_t right = 0;
    for (std::size_t i = 0; i < data.inputs.size(); ++i) {
        const bool predicted = Net::predict(p, data.inputs[i])[0] > 0.5;
        right += predicted == (data.targets[i][0] > 0.5) ? 1 : 0;
    }
    return static_cast<double>(right) / static_cast<double>(data.inputs.size());
}

/// The gradient of a hand-built layer graph against central finite differences of its own value.
template <class Graph, std::size_t P, std::size_t K, std::size_t M>
void check_layer_graph(const Graph& graph, std::array<double, P> p, const std::array<double, K>& x,
                       const std::array<double, M>& y) {
    const auto r = nn::value_and_grad(graph, p, x, y);
    for (std::size_t i = 0; i < P; ++i) {
        const double saved = p[i];
        const double h = 1e-6;
        p[i] = saved + h;
        const double up = nn::value_and_grad(graph, p, x, y).value;
        p[i] = saved - h;
        const double down = nn::value_and_grad(graph, p, x, y).value;
        p[i] = saved;
        const double fd = (up - down) / (2 * h);
        INFO("parameter " << i << ": analytic " << r.grad[i] << ", finite difference " << fd);
        CHECK(std::abs(r.grad[i] - fd) <= 1e-7 * (1 + std::abs(fd)));
    }
}

/// d f / d p[i] by central differences of f, a function of the parameters written in the test itself.
template <std::size_t P, class F>
std::array<double, P> central_differences(const F& f, std::array<double, P> p) {
    std::array<double, P> grad{};
    for (std::size_t i = 0; i < P; ++i) {
        const double saved = p[i];
        const double h = 1e-6;
        p[i] = saved + h;
        const double up = f(p);
        p[i] = saved - h;
        const double down = f(p);
        p[i] = saved;
        grad[i] = (up - down) / (2 * h);
    }
    return grad;
}

/// A gradient against the central differences of `f`, entry by entry.
template <std::size_t P, class F>
void check_against_differences(const std::array<double, P>& grad, const F& f, const std::array<double, P>& p) {
    const auto fd = central_differences(f, p);
    for (std::size_t i = 0; i < P; ++i) {
        INFO("parameter " << i << ": analytic " << grad[i] << ", finite difference " << fd[i]);
        CHECK(std::abs(grad[i] - fd[i]) <= 1e-7 * (1 + std::abs(fd[i])));
    }
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

TEST_CASE("hand-built layer graphs agree with central finite differences", "[nn][runtime]") {
    constexpr nn::input_vector<3> x;
    const std::array<double, 3> sample{0.4, -0.9, 0.2};
    SECTION("a weight and bias shared by two layers (the gradient sums both uses)") {
        constexpr nn::weight_matrix<0, 3, 3> w;
        constexpr nn::bias_vector<9, 3> b;
        const auto h2 = nn::activate<nn::tanh_t>(w * nn::activate<nn::tanh_t>(w * x + b) + b);
        check_layer_graph(nn::loss<nn::mse_t>(h2, nn::target_vector<3>{}),
                          std::array{0.3, -0.6, 0.8, 0.2, 0.1, -0.4, 0.5, -0.7, 0.9, 0.05, -0.1, 0.2}, sample,
                          std::array{0.5, -0.5, 0.1});
    }
    SECTION("parameters the graph does not read get a zero gradient") {
        constexpr nn::weight_matrix<2, 1, 3> w;  // parameters 0, 1 and 5 unused
        const auto out = nn::activate<nn::sigmoid_t>(w * x);
        const auto r = nn::value_and_grad(nn::loss<nn::binary_cross_entropy_t>(out, nn::target_vector<1>{}),
                                          std::array{9.0, 9.0, 0.3, -0.2, 0.6, 9.0}, sample, std::array{1.0});
        CHECK(r.grad[0] == 0.0);
        CHECK(r.grad[1] == 0.0);
        CHECK(r.grad[5] == 0.0);
        check_layer_graph(nn::loss<nn::binary_cross_entropy_t>(out, nn::target_vector<1>{}),
                          std::array{9.0, 9.0, 0.3, -0.2, 0.6, 9.0}, sample, std::array{1.0});
    }
    SECTION("overlapping parameter blocks add their contributions") {
        constexpr nn::weight_matrix<0, 2, 3> w;  // parameters 0-5
        constexpr nn::bias_vector<4, 2> b;       // parameters 4-5 again
        const auto out = nn::activate<nn::relu_t>(w * x + b);
        check_layer_graph(nn::loss<nn::mse_t>(out, nn::target_vector<2>{}), std::array{0.3, -0.6, 0.8, 0.2, 0.1, -0.4},
                          sample, std::array{0.5, -0.5});
    }
}

TEST_CASE("a parameter block as the loss's target gets its gradient", "[nn][runtime]") {
    // L = (w x + b - t)^2 with the target t a parameter: dL/dw = 2 (w x + b - t) x, dL/db = 2 (w x + b - t),
    // dL/dt = -2 (w x + b - t). At w = 2, b = 1.5, t = 0, x = 2: w x + b - t = 5.5, L = 30.25.
    const auto graph = nn::loss<nn::mse_t>(nn::weight_matrix<0, 1, 1>{} * nn::input_vector<1>{} + nn::bias_vector<1, 1>{},
                                           nn::bias_vector<2, 1>{});
    SECTION("the parameter blocks tile p: every entry is written, none zeroed first") {
        const auto r = nn::value_and_grad(graph, std::array{2.0, 1.5, 0.0}, std::array{2.0}, std::array<double, 0>{});
        CHECK(r.value == 30.25);
        CHECK(r.grad == std::array{22.0, 11.0, -11.0});
    }
    SECTION("an unused parameter after them") {
        const auto r =
            nn::value_and_grad(graph, std::array{2.0, 1.5, 0.0, 9.0}, std::array{2.0}, std::array<double, 0>{});
        CHECK(r.grad == std::array{22.0, 11.0, -11.0, 0.0});
    }
    SECTION("a batch adds each sample's share") {
        // Samples x = 2 and x = -1: residuals 5.5 and -0.5; dL/dt = mean of -2 (residual) = -5.
        const std::vector<std::array<double, 1>> xs{{2.0}, {-1.0}};
        const std::vector<std::array<double, 0>> ys(2);
        const auto r = nn::batch_value_and_grad(graph, std::array{2.0, 1.5, 0.0}, std::span(xs), std::span(ys));
        CHECK(r.value == (30.25 + 0.25) / 2);
        CHECK(r.grad == std::array{(22.0 + 1.0) / 2, (11.0 - 1.0) / 2, (-11.0 + 1.0) / 2});
    }
    SECTION("layer_code prints the target's statement") {
        // Nodes: W (b0: one column), x, W x (v2), b (b1), + (v4), t (b2), the loss (v6).
        const std::string code = nn::layer_code(graph);
        CHECK(code.find("v6 = mse(v4, b2);") != std::string::npos);
        CHECK(code.find("grad[b2] = d6 ∂mse/∂b2;") != std::string::npos);
        CHECK(code.find("d4 = d6 ∂mse/∂v4;") != std::string::npos);
    }
}

TEST_CASE("a loss whose target is computed from parameters agrees with central differences", "[nn][runtime]") {
    // out = sigmoid(W x + b), t = sigmoid(V x); L = loss(out, t) for each loss, written out here as well:
    // W is parameters 0-5 ([2][3]), b 6-7, V 8-13 ([2][3]).
    constexpr nn::weight_matrix<0, 2, 3> w;
    constexpr nn::bias_vector<6, 2> b;
    constexpr nn::weight_matrix<8, 2, 3> v;
    constexpr nn::input_vector<3> x;
    const auto out = nn::activate<nn::sigmoid_t>(w * x + b);
    const auto target = nn::activate<nn::sigmoid_t>(v * x);
    const std::array<double, 3> sample{0.4, -0.9, 0.2};
    const std::array<double, 14> p{0.3, -0.6, 0.8, 0.2, 0.1, -0.4, 0.05, -0.1, -0.7, 0.9, 0.5, 0.25, -0.3, 0.6};
    // The loss's operands, computed here: o_k = sigmoid(W_k x + b_k), t_k = sigmoid(V_k x).
    const auto operands = [&](const std::array<double, 14>& q) {
        std::array<std::array<double, 2>, 2> ot{};
        for (std::size_t k = 0; k < 2; ++k) {
            double zo = q[6 + k];
            double zt = 0;
            for (std::size_t i = 0; i < 3; ++i) {
                zo += q[3 * k + i] * sample[i];
                zt += q[8 + 3 * k + i] * sample[i];
            }
            ot[0][k] = sigmoid(zo);
            ot[1][k] = sigmoid(zt);
        }
        return ot;
    };
    const auto mse = [&](const std::array<double, 14>& q) {
        const auto [o, t] = operands(q);
        return ((o[0] - t[0]) * (o[0] - t[0]) + (o[1] - t[1]) * (o[1] - t[1])) / 2;
    };
    const auto bce = [&](const std::array<double, 14>& q) {
        const auto [o, t] = operands(q);
        double sum = 0;
        for (std::size_t k = 0; k < 2; ++k) {
            sum -= t[k] * std::log(o[k]) + (1 - t[k]) * std::log(1 - o[k]);
        }
        return sum / 2;
    };
    const auto max_margin = [&](const std::array<double, 14>& q) {
        const auto [o, t] = operands(q);
        return (std::max(0.0, 1 - t[0] * o[0]) + std::max(0.0, 1 - t[1] * o[1])) / 2;
    };
    SECTION("mse") {
        const auto r = nn::value_and_grad(nn::loss<nn::mse_t>(out, target), p, sample, std::array<double, 0>{});
        CHECK(std::abs(r.value - mse(p)) <= 1e-15);
        check_against_differences(r.grad, mse, p);
    }
    SECTION("binary cross-entropy") {
        const auto r =
            nn::value_and_grad(nn::loss<nn::binary_cross_entropy_t>(out, target), p, sample, std::array<double, 0>{});
        CHECK(std::abs(r.value - bce(p)) <= 1e-15);
        check_against_differences(r.grad, bce, p);
    }
    SECTION("max margin (inside the margin: o t < 1)") {
        const auto r = nn::value_and_grad(nn::loss<nn::max_margin_t>(out, target), p, sample, std::array<double, 0>{});
        CHECK(std::abs(r.value - max_margin(p)) <= 1e-15);
        check_against_differences(r.grad, max_margin, p);
    }
    SECTION("one block as prediction and target: its contributions cancel") {
        // L = mse(W x + b, b) = mean((W x)^2) does not depend on b: dL/db = 0.
        const auto both = nn::loss<nn::mse_t>(w * x + b, b);
        const auto r = nn::value_and_grad(both, p, sample, std::array<double, 0>{});
        const auto wx_squared = [&](const std::array<double, 14>& q) {
            double sum = 0;
            for (std::size_t k = 0; k < 2; ++k) {
                const double z = q[3 * k] * sample[0] + q[3 * k + 1] * sample[1] + q[3 * k + 2] * sample[2];
                sum += z * z;
            }
            return sum / 2;
        };
        CHECK(std::abs(r.value - wx_squared(p)) <= 1e-14);
        CHECK(r.grad[6] == 0.0);
        CHECK(r.grad[7] == 0.0);
        check_against_differences(r.grad, wx_squared, p);
    }
}

TEST_CASE("batch_value_and_grad of a layer graph agrees with finite differences of the mean loss", "[nn][runtime]") {
    constexpr nn::weight_matrix<0, 2, 2> w;
    constexpr nn::bias_vector<4, 2> b;
    const auto graph =
        nn::loss<nn::mse_t>(nn::activate<nn::tanh_t>(w * nn::input_vector<2>{} + b), nn::target_vector<2>{});
    const std::vector<std::array<double, 2>> xs{{0.1, 0.2}, {-0.5, 0.7}, {0.9, -0.3}};
    const std::vector<std::array<double, 2>> ys{{0.0, 1.0}, {1.0, -1.0}, {0.5, 0.5}};
    std::array<double, 6> p{0.3, -0.6, 0.8, 0.2, 0.1, -0.4};
    const auto mean_loss = [&] {
        double sum = 0;
        for (std::size_t s = 0; s < xs.size(); ++s) {
            const auto out = nn::evaluate(nn::activate<nn::tanh_t>(w * nn::input_vector<2>{} + b), p, xs[s]);
            sum += ((out[0] - ys[s][0]) * (out[0] - ys[s][0]) + (out[1] - ys[s][1]) * (out[1] - ys[s][1])) / 2;
        }
        return sum / static_cast<double>(xs.size());
    };
    const auto r = nn::batch_value_and_grad(graph, p, std::span(xs), std::span(ys));
    CHECK(std::abs(r.value - mean_loss()) <= 1e-15);
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double saved = p[i];
        p[i] = saved + 1e-6;
        const double up = mean_loss();
        p[i] = saved - 1e-6;
        const double down = mean_loss();
        p[i] = saved;
        CHECK(std::abs(r.grad[i] - (up - down) / 2e-6) <= 1e-8);
    }
    CHECK_THROWS_AS(nn::batch_value_and_grad(graph, p, std::span(xs), std::span(ys).first(2)), std::invalid_argument);
}

TEST_CASE("mlp gradients agree with central finite differences", "[nn][runtime]") {
    check_gradient<nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>, nn::mse_t>(1, -1, 1);
    check_gradient<nn::mlp<nn::sigmoid_t, nn::sigmoid_t, 3, 5, 2>, nn::mse_t>(2, 0, 1);
    check_gradient<nn::mlp<nn::relu_t, nn::identity_t, 4, 7, 6, 3>, nn::mse_t>(3, -1, 1);
    check_gradient<nn::mlp<nn::tanh_t, nn::sigmoid_t, 2, 8, 1>, nn::binary_cross_entropy_t>(4, 0.1, 0.9);
    check_gradient<nn::mlp<nn::tanh_t, nn::tanh_t, 2, 8, 1>, nn::max_margin_t>(5, 0.3, 0.9);
    check_gradient<nn::mlp<nn::identity_t, nn::identity_t, 5, 1>, nn::mse_t>(6, -1, 1);
}

TEST_CASE("the 2-16-16-1 mlp's gradient equals a hand-written layer-by-layer backprop", "[nn][runtime]") {
    // tests/hand_backprop.hpp: plain loops and std::tanh, nothing from memograd, its own parameter layout
    // (each neuron's weights, then its bias). The mlp's layout (W1, b1, W2, b2, W3, b3, row-major) is
    // mapped onto it entry by entry.
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>;
    using hand = memograd_tests::hand_backprop<16>;
    constexpr std::size_t h = 16;
    const auto p = net::initial_parameters(5);
    const net::input x{0.3, -0.8};
    const net::output y{0.4};
    std::array<std::size_t, net::parameter_count> to_hand{};  // mlp parameter index -> hand var index
    for (std::size_t o = 0; o < h; ++o) {
        for (std::size_t i = 0; i < 2; ++i) {
            to_hand[net::weight_offset(0) + o * 2 + i] = hand::layer1 + o * 3 + i;
        }
        to_hand[net::bias_offset(0) + o] = hand::layer1 + o * 3 + 2;
        for (std::size_t i = 0; i < h; ++i) {
            to_hand[net::weight_offset(1) + o * h + i] = hand::layer2 + o * (h + 1) + i;
        }
        to_hand[net::bias_offset(1) + o] = hand::layer2 + o * (h + 1) + h;
        to_hand[net::weight_offset(2) + o] = hand::output + o;
    }
    to_hand[net::bias_offset(2)] = hand::output + h;
    std::array<double, hand::vars> v{};
    v[0] = x[0];
    v[1] = x[1];
    v[hand::target] = y[0];
    for (std::size_t i = 0; i < net::parameter_count; ++i) {
        v[to_hand[i]] = p[i];
    }
    std::array<double, hand::vars> hand_grad{};
    const double hand_loss = hand::value_and_grad(v, hand_grad);
    const auto r = net::value_and_grad(p, x, y);
    CHECK(std::abs(r.value - hand_loss) <= 1e-14 * (1 + hand_loss));
    for (std::size_t i = 0; i < net::parameter_count; ++i) {
        INFO("parameter " << i << ": mlp " << r.grad[i] << ", by hand " << hand_grad[to_hand[i]]);
        CHECK(std::abs(r.grad[i] - hand_grad[to_hand[i]]) <= 1e-13 * (1 + std::abs(hand_grad[to_hand[i]])));
    }
}

TEST_CASE("a batch's gradient is the mean of its samples' gradients", "[nn][runtime]") {
    using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 6, 1>;
    const auto p = net::initial_parameters(9);
    const auto data = nn::make_moons(8, 0.1, 3);
    const auto batch = net::value_and_grad(p, std::span<const net::input>(data.inputs),
                                           std::span<const net::output>(data.targets));
    net::result mean{0.0, {}};
    for (std::size_t s = 0; s < data.inputs.size(); ++s) {
        const auto one = net::value_and_grad(p, data.inputs[s], data.targets[s]);
        mean.value += one.value / 8;
        for (std::size_t i = 0; i < net::parameter_count; ++i) {
            mean.grad[i] += one.grad[i] / 8;
        }
    }
    CHECK(std::abs(batch.value - mean.value) < 1e-15);
    for (std::size_t i = 0; i < net::parameter_count; ++i) {
        CHECK(std::abs(batch.grad[i] - mean.grad[i]) < 1e-15);
    }
    CHECK_THROWS_AS(net::value_and_grad(p, std::span<const net::input>(data.inputs),
                                        std::span<const net::output>(data.targets).first(3)),
                    std::invalid_argument);
    CHECK_THROWS_AS(net::value_and_grad(p, std::span<const net::input>(), std::span<const net::output>()),
                    std::invalid_argument);
}

TEST_CASE("training classifies XOR and two moons", "[nn][runtime][training]") {
    {
        using net = nn::mlp<nn::tanh_t, nn::sigmoid_t, 2, 4, 1>;
        auto p = net::initial_parameters(1);
        nn::adam<net::parameter_count> optimizer{.learning_rate = 0.05};
        for (int epoch = 0; epoch < 300; ++epoch) {
            optimizer.step(p, net::value_and_grad(p, std::span<const net::input>(nn::xor_inputs),
                                                  std::span<const net::output>(nn::xor_targets))
                                  .grad);
        }
        for (std::size_t i = 0; i < 4; ++i) {
            CHECK((net::predict(p, nn::xor_inputs[i])[0] > 0.5) == (nn::xor_targets[i][0] > 0.5));
        }
    }
    {
        using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>;
        const auto train = nn::make_moons(200, 0.1, 42);
        const auto test = nn::make_moons(200, 0.1, 7);
        auto p = net::initial_parameters(3);
        nn::adam<net::parameter_count> optimizer{.learning_rate = 0.01};
        for (int epoch = 0; epoch < 300; ++epoch) {
            optimizer.step(p, net::value_and_grad(p, std::span<const net::input>(train.inputs),
                                                  std::span<const net::output>(train.targets))
                                  .grad);
        }
        CHECK(accuracy<net>(p, train) >= 0.97);
        CHECK(accuracy<net>(p, test) >= 0.97);
    }
}

TEST_CASE("make_moons follows its definition", "[nn][runtime]") {
    // Without noise every point lies on its half circle: the upper moon (label 0) on the unit circle
    // with y >= 0, the lower (label 1) on the circle of radius 1 around (1, 0.5) with y <= 0.5; samples
    // alternate upper, lower; the pair k sits at angle t = pi k / (n/2 - 1), so the ends are (1, 0), (-1, 0)
    // and (0, 0.5), (2, 0.5).
    constexpr std::size_t n = 200;
    const auto clean = nn::make_moons(n, 0.0, 1);
    REQUIRE(clean.inputs.size() == n);
    REQUIRE(clean.targets.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
        INFO("sample " << i);
        const auto [x, y] = clean.inputs[i];
        const bool lower = i % 2 == 1;
        CHECK(clean.targets[i][0] == (lower ? 1.0 : 0.0));
        const double cx = lower ? 1.0 : 0.0;
        const double cy = lower ? 0.5 : 0.0;
        CHECK(std::abs((x - cx) * (x - cx) + (y - cy) * (y - cy) - 1.0) < 1e-12);
        CHECK((lower ? y <= 0.5 + 1e-12 : y >= -1e-12));
        const double t = std::acos(lower ? 1.0 - x : x);
        const std::size_t pair = i / 2;
        constexpr std::size_t last_pair = n / 2 - 1;
        CHECK(std::abs(t - std::numbers::pi * static_cast<double>(pair) / static_cast<double>(last_pair)) < 1e-6);
    }
    CHECK(std::abs(clean.inputs[0][0] - 1.0) < 1e-15);
    CHECK(std::abs(clean.inputs[n - 2][0] + 1.0) < 1e-15);
    CHECK(std::abs(clean.inputs[1][0]) < 1e-15);
    CHECK(std::abs(clean.inputs[n - 1][0] - 2.0) < 1e-15);
    // With noise: the same points plus Gaussian noise of the given standard deviation in each coordinate
    // (mean near 0 and spread near 0.1 over 4,000 coordinates); the same seed gives the same points.
    constexpr std::size_t many = 2000;
    const auto noisy = nn::make_moons(many, 0.1, 7);
    const auto base = nn::make_moons(many, 0.0, 7);
    double sum = 0;
    double squares = 0;
    for (std::size_t i = 0; i < many; ++i) {
        for (std::size_t c = 0; c < 2; ++c) {
            const double e = noisy.inputs[i][c] - base.inputs[i][c];
            sum += e;
            squares += e * e;
        }
    }
    const double mean = sum / (2 * many);
    const double spread = std::sqrt(squares / (2 * many) - mean * mean);
    INFO("noise mean " << mean << ", standard deviation " << spread);
    CHECK(std::abs(mean) < 0.01);
    CHECK(std::abs(spread - 0.1) < 0.005);
    CHECK(nn::make_moons(many, 0.1, 7).inputs == noisy.inputs);
    CHECK(nn::make_moons(many, 0.1, 8).inputs != noisy.inputs);
}
