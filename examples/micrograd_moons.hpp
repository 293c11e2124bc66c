#pragma once
// micrograd's two-moons demo as constexpr functions: the data, the loss and one SGD step, shared by
// examples/compile_time_moons.cpp (which evaluates after_steps<100>), tests/nn_moons.cpp (which runs the
// same steps at run time and compares) and benchmark/compile/moons_steps_probe.cpp (which times them). micrograd's notebook: MLP(2, [16, 16, 1]) with ReLU hidden layers, 100 points
// of make_moons(noise=0.1), labels -1 and +1, loss mean(relu(1 - y·score)) + 1e-4·Σp², 100 full-batch SGD
// steps with learning rate 1.0 - 0.9·k/100.
#include <memograd/nn.hpp>

#include <array>
#include <cstddef>
#include <span>

namespace micrograd_moons {

namespace nn = memograd::nn;
using net = nn::mlp<nn::relu_t, nn::identity_t, 2, 16, 16, 1>;

inline constexpr std::size_t points = 100;
inline constexpr std::size_t steps = 100;
inline constexpr double alpha = 1e-4;          // L2 regularization
inline constexpr std::uint64_t data_seed = 2;  // make_moons
inline constexpr std::uint64_t init_seed = 1;  // mlp::initial_parameters

/// The points and their labels, -1 (upper moon) or +1 (lower moon), as micrograd's y*2 - 1.
struct labelled_points {
    std::array<net::input, points> inputs;
    std::array<net::output, points> labels;
};
constexpr labelled_points make_data() {
    const auto moons = nn::make_moons<points>(0.1, data_seed);
    labelled_points d{};
    for (std::size_t i = 0; i < points; ++i) {
        d.inputs[i] = moons.inputs[i];
        d.labels[i] = {2.0 * moons.targets[i][0] - 1.0};
    }
    return d;
}

/// micrograd's total loss and its gradient: the mean max-margin loss plus the L2 penalty.
constexpr net::result loss_and_gradient(const net::parameters& p, const labelled_points& d) {
    auto r = net::value_and_grad<nn::max_margin_t>(p, std::span<const net::input>(d.inputs),
                                                   std::span<const net::output>(d.labels));
    nn::add_l2_penalty(r, p, alpha);
    return r;
}

/// The parameters after k steps and the loss step k measured before its update (what micrograd prints).
struct training_state {
    net::parameters parameters;
    double loss;
};

/// Step k (0-based) of the training: the loss, its gradient, then SGD at micrograd's learning rate.
constexpr training_state sgd_step(training_state s, std::size_t k, const labelled_points& d) {
    const auto r = loss_and_gradient(s.parameters, d);
    nn::sgd<net::parameter_count>{.learning_rate = 1.0 - 0.9 * static_cast<double>(k) / 100}.step(s.parameters, r.grad);
    s.loss = r.value;
    return s;
}

/// Where training starts: PyTorch's initialization from init_seed (no loss measured yet).
constexpr training_state start() { return {.parameters = net::initial_parameters(init_seed), .loss = 0.0}; }

/// How many points the network puts on the side of their label (score > 0 for +1).
constexpr std::size_t correctly_classified(const net::parameters& p, const labelled_points& d) {
    std::size_t right = 0;
    for (std::size_t i = 0; i < points; ++i) {
        right += (net::predict(p, d.inputs[i])[0] > 0) == (d.labels[i][0] > 0) ? 1 : 0;
    }
    return right;
}

//! [steps as constants]
/// The demo's data as a constant (in a constant expression: memograd::math's sin, cos, log and sqrt).
inline constexpr labelled_points data = make_data();

/// Every step a constant of its own, computed from the one before: after_steps<K> holds the parameters after
/// K steps and the loss step K - 1 measured.
template <std::size_t K>
constexpr training_state after_steps = sgd_step(after_steps<K - 1>, K - 1, data);
template <>
inline constexpr training_state after_steps<0> = start();
//! [steps as constants]

}  // namespace micrograd_moons
