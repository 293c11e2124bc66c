// Trains a 2-16-16-1 tanh network on two interleaving half-moons with Adam, printing one progress line
// per epoch, then writes the decision boundary and the loss curve as SVG images a person can open:
//   example_train_moons [output directory]   (default: the current directory)
#include "moons_figures.hpp"

#include <memograd/nn.hpp>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <numeric>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 2, 16, 16, 1>;

double accuracy(const net::parameters& p, const memograd::nn::dataset<2, 1>& data) {
    std::size_t right = 0;
    for (std::size_t i = 0; i < data.inputs.size(); ++i) {
        right += (net::predict(p, data.inputs[i])[0] > 0.5) == (data.targets[i][0] > 0.5) ? 1 : 0;
    }
    return static_cast<double>(right) / static_cast<double>(data.inputs.size());
}

// The same run as data, for plotting tools: docs/generate.py renders these with gnuplot.
void write_data(const std::string& directory, const net::parameters& p, const memograd::nn::dataset<2, 1>& data,
                const std::vector<double>& losses, const std::vector<double>& test_accuracies) {
    std::ofstream curve(directory + "/moons_training.dat");
    curve << "# epoch mean_squared_error test_accuracy\n";
    for (std::size_t e = 0; e < losses.size(); ++e) {
        curve << e + 1 << ' ' << losses[e] << ' ' << test_accuracies[e] << '\n';
    }
    moons_figures::write_boundary_data<net>(directory + "/moons", p, data.inputs,
                                            [&](std::size_t k) { return data.targets[k][0] > 0.5; });
}

}  // namespace

int main(int argc, char** argv) try {
    const std::string directory = argc > 1 ? argv[1] : ".";
    const auto train = memograd::nn::make_moons(200, 0.1, 42);
    const auto test = memograd::nn::make_moons(200, 0.1, 7);

    //! [training loop]
    auto p = net::initial_parameters(3);
    memograd::nn::adam<net::parameter_count> optimizer{.learning_rate = 0.01};
    constexpr std::size_t batch = 20;
    std::vector<std::size_t> order(train.inputs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::mt19937_64 shuffle_rng(11);  // deterministic: the same run, epoch by epoch, every time
    std::vector<net::input> xs(batch);
    std::vector<net::output> ys(batch);
    std::vector<double> losses;
    std::vector<double> test_accuracies;
    for (int epoch = 1; epoch <= 60; ++epoch) {
        for (std::size_t i = order.size() - 1; i > 0; --i) {  // Fisher-Yates
            std::swap(order[i], order[shuffle_rng() % (i + 1)]);
        }
        double epoch_loss = 0;
        for (std::size_t start = 0; start < order.size(); start += batch) {
            for (std::size_t k = 0; k < batch; ++k) {
                xs[k] = train.inputs[order[start + k]];
                ys[k] = train.targets[order[start + k]];
            }
            const auto step = net::value_and_grad(p, std::span<const net::input>(xs), std::span<const net::output>(ys));
            optimizer.step(p, step.grad);
            epoch_loss += step.value * batch / static_cast<double>(order.size());
        }
        losses.push_back(epoch_loss);
        test_accuracies.push_back(accuracy(p, test));
        std::printf("epoch %2d  loss %.5f  train accuracy %5.1f%%  test accuracy %5.1f%%\n", epoch, epoch_loss,
                    100 * accuracy(p, train), 100 * accuracy(p, test));
    }
    //! [training loop]

    moons_figures::write_boundary_svg<net>(directory + "/moons_decision_boundary.svg", p, train.inputs,
                                           [&](std::size_t k) { return train.targets[k][0] > 0.5; }, 0.5,
                                           "decision boundary, 2-16-16-1 tanh (memograd::nn::mlp)");
    moons_figures::write_loss_svg(directory + "/moons_loss.svg", losses, "epoch mean squared error per epoch");
    write_data(directory, p, train, losses, test_accuracies);
    std::printf("wrote %s/moons_decision_boundary.svg and %s/moons_loss.svg (and the data as moons_*.dat)\n",
                directory.c_str(), directory.c_str());
    return accuracy(p, test) >= 0.97 ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "train_moons: %s\n", e.what());
    return 1;
}
