// Trains a 2-16-16-1 tanh network on two interleaving half-moons with Adam, printing one progress line
// per epoch, then writes the decision boundary and the loss curve as SVG images a person can open:
//   example_train_moons [output directory]   (default: the current directory)
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

// The plane [-1.5, 2.5] x [-1, 1.5] coloured by the network's class, with the training points on top.
void write_boundary_svg(const std::string& path, const net::parameters& p, const memograd::nn::dataset<2, 1>& data) {
    constexpr int cells = 80, size = 480;
    constexpr double x0 = -1.5, x1 = 2.5, y0 = -1.0, y1 = 1.5;
    std::ofstream svg(path);
    svg << R"(<svg xmlns="http://www.w3.org/2000/svg" width=")" << size << R"(" height=")" << size * 5 / 8
        << R"(" viewBox="0 0 )" << size << ' ' << size * 5 / 8 << "\">\n";
    const auto sx = [&](double x) { return (x - x0) / (x1 - x0) * size; };
    const auto sy = [&](double y) { return (y1 - y) / (y1 - y0) * size * 5 / 8; };
    const double cw = static_cast<double>(size) / cells, ch = size * 5.0 / 8 / cells;
    for (int i = 0; i < cells; ++i) {
        for (int j = 0; j < cells; ++j) {
            const double x = x0 + (i + 0.5) * (x1 - x0) / cells;
            const double y = y1 - (j + 0.5) * (y1 - y0) / cells;
            const bool upper = net::predict(p, {x, y})[0] > 0.5;
            svg << R"(<rect x=")" << i * cw << R"(" y=")" << j * ch << R"(" width=")" << cw + 0.5 << R"(" height=")"
                << ch + 0.5 << R"(" fill=")" << (upper ? "#f6c9a8" : "#b9d3ee") << "\"/>\n";
        }
    }
    for (std::size_t k = 0; k < data.inputs.size(); ++k) {
        svg << R"(<circle cx=")" << sx(data.inputs[k][0]) << R"(" cy=")" << sy(data.inputs[k][1])
            << R"(" r="3.5" stroke="black" stroke-width="0.6" fill=")"
            << (data.targets[k][0] > 0.5 ? "#d9541e" : "#1f5fa8") << "\"/>\n";
    }
    svg << R"(<text x="8" y="18" font-family="Helvetica" font-size="14">decision boundary, 2-16-16-1 tanh )"
           "(memograd::nn::mlp)</text>\n</svg>\n";
}

void write_loss_svg(const std::string& path, const std::vector<double>& losses) {
    constexpr int width = 480, height = 300, margin = 40;
    const double top = *std::ranges::max_element(losses);
    std::ofstream svg(path);
    svg << R"(<svg xmlns="http://www.w3.org/2000/svg" width=")" << width << R"(" height=")" << height << "\">\n"
        << R"(<rect width="100%" height="100%" fill="white"/>)" << '\n'
        << R"(<line x1=")" << margin << R"(" y1=")" << height - margin << R"(" x2=")" << width - 10 << R"(" y2=")"
        << height - margin << R"(" stroke="black"/>)" << '\n'
        << R"(<line x1=")" << margin << R"(" y1="10" x2=")" << margin << R"(" y2=")" << height - margin
        << R"(" stroke="black"/>)" << '\n' << R"(<polyline fill="none" stroke="#d9541e" stroke-width="2" points=")";
    for (std::size_t e = 0; e < losses.size(); ++e) {
        const double x = margin + static_cast<double>(e) / static_cast<double>(losses.size() - 1) * (width - margin - 10);
        const double y = (height - margin) - losses[e] / top * (height - margin - 10);
        svg << x << ',' << y << ' ';
    }
    svg << "\"/>\n" << R"(<text x=")" << width / 2 - 20 << R"(" y=")" << height - 10
        << R"(" font-family="Helvetica" font-size="13">epoch</text>)" << '\n'
        << R"(<text x="48" y="22" font-family="Helvetica" font-size="13">mean squared error per epoch (max )"
        << top << ")</text>\n</svg>\n";
}

// The same run as data, for plotting tools: docs/plots.sh renders these with gnuplot.
void write_data(const std::string& directory, const net::parameters& p, const memograd::nn::dataset<2, 1>& data,
                const std::vector<double>& losses, const std::vector<double>& test_accuracies) {
    std::ofstream curve(directory + "/moons_training.dat");
    curve << "# epoch mean_squared_error test_accuracy\n";
    for (std::size_t e = 0; e < losses.size(); ++e) {
        curve << e + 1 << ' ' << losses[e] << ' ' << test_accuracies[e] << '\n';
    }
    std::ofstream grid(directory + "/moons_boundary.dat");
    grid << "# x y network_output (gnuplot grid: one blank line between rows)\n";
    constexpr int cells = 100;
    for (int i = 0; i <= cells; ++i) {
        for (int j = 0; j <= cells; ++j) {
            const double x = -1.5 + 4.0 * i / cells;
            const double y = -1.0 + 2.5 * j / cells;
            grid << x << ' ' << y << ' ' << net::predict(p, {x, y})[0] << '\n';
        }
        grid << '\n';
    }
    std::ofstream points(directory + "/moons_points.dat");
    points << "# x y class\n";
    for (std::size_t k = 0; k < data.inputs.size(); ++k) {
        points << data.inputs[k][0] << ' ' << data.inputs[k][1] << ' ' << data.targets[k][0] << '\n';
    }
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

    write_boundary_svg(directory + "/moons_decision_boundary.svg", p, train);
    write_loss_svg(directory + "/moons_loss.svg", losses);
    write_data(directory, p, train, losses, test_accuracies);
    std::printf("wrote %s/moons_decision_boundary.svg and %s/moons_loss.svg (and the data as moons_*.dat)\n",
                directory.c_str(), directory.c_str());
    return accuracy(p, test) >= 0.97 ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "train_moons: %s\n", e.what());
    return 1;
}
