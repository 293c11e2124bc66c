// micrograd's demo trained by the compiler: a 2-16-16-1 ReLU network learns 100 points of two moons in 100
// full-batch SGD steps (max-margin loss, L2 regularization, learning rate 1.0 - 0.9·k/100), every step a
// constant expression. static_asserts prove the result classifies every point; the program only prints
// the constants and draws them:
//   example_compile_time_moons [output directory]   (default: the current directory)
// Built with memograd_raise_constexpr_limits(); compile time and memory in docs/performance.md.
#include "micrograd_moons.hpp"
#include "moons_figures.hpp"

#include <array>
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>
#include <utility>

namespace {

using namespace micrograd_moons;

//! [compile-time moons]
// micrograd_moons.hpp holds `data` and the chain of steps: after_steps<K>, each a constant computed from the
// one before.
// GCC frees what its constant evaluator allocated only where it finishes a function definition, so the
// steps are evaluated ten to a function: it never holds more than ten steps' temporaries.
[[maybe_unused]] void steps_to_10() { static_cast<void>(after_steps<10>); }
[[maybe_unused]] void steps_to_20() { static_cast<void>(after_steps<20>); }
[[maybe_unused]] void steps_to_30() { static_cast<void>(after_steps<30>); }
[[maybe_unused]] void steps_to_40() { static_cast<void>(after_steps<40>); }
[[maybe_unused]] void steps_to_50() { static_cast<void>(after_steps<50>); }
[[maybe_unused]] void steps_to_60() { static_cast<void>(after_steps<60>); }
[[maybe_unused]] void steps_to_70() { static_cast<void>(after_steps<70>); }
[[maybe_unused]] void steps_to_80() { static_cast<void>(after_steps<80>); }
[[maybe_unused]] void steps_to_90() { static_cast<void>(after_steps<90>); }

constexpr const net::parameters& trained = after_steps<steps>.parameters;
constexpr std::array<double, steps> loss_curve = []<std::size_t... K>(std::index_sequence<K...>) {
    return std::array{after_steps<K + 1>.loss...};
}(std::make_index_sequence<steps>{});
constexpr double final_loss = loss_and_gradient(trained, data).value;
constexpr std::size_t initially_right = correctly_classified(start().parameters, data);
constexpr std::size_t finally_right = correctly_classified(trained, data);

static_assert(finally_right == points,
              "the network the compiler trained misclassifies a training point");
static_assert(final_loss < 0.05, "the compiler's training did not bring the loss below 0.05");
//! [compile-time moons]

// The points whose label is the class of a positive score (+1, the lower moon).
bool labelled_positive(std::size_t k) { return data.labels[k][0] > 0; }

void write_files(const std::string& directory) {
    moons_figures::write_boundary_svg<net>(directory + "/compile_time_moons_boundary.svg", trained, data.inputs,
                                           labelled_positive, 0.0, "decision boundary learned by the compiler, 2-16-16-1 ReLU");
    moons_figures::write_loss_svg(directory + "/compile_time_moons_loss.svg", loss_curve,
                                  "step loss per step, computed by the compiler");
    moons_figures::write_boundary_data<net>(directory + "/compile_time_moons", trained, data.inputs, labelled_positive);
    std::ofstream curve(directory + "/compile_time_moons_loss.dat");
    curve << "# step loss (before the step's update)\n";
    for (std::size_t k = 0; k < steps; ++k) {
        curve << k << ' ' << loss_curve[k] << '\n';
    }
    // Bit for bit, for tests/nn_moons.cpp: hexadecimal floating point.
    std::ofstream exact(directory + "/compile_time_moons_constants.txt");
    exact << "# the compiler's loss curve (" << steps << " values), then the trained parameters ("
          << net::parameter_count << "), as %a\n";
    std::array<char, 64> buffer{};
    for (const double v : loss_curve) {
        std::snprintf(buffer.data(), buffer.size(), "%a\n", v);
        exact << buffer.data();
    }
    for (const double v : trained) {
        std::snprintf(buffer.data(), buffer.size(), "%a\n", v);
        exact << buffer.data();
    }
}

}  // namespace

int main(int argc, char** argv) try {
    const std::string directory = argc > 1 ? argv[1] : ".";
    std::printf("two moons, trained by the compiler: %zu points, 2-16-16-1 ReLU (%zu parameters), %zu SGD steps\n",
                points, net::parameter_count, steps);
    std::printf("before training: %zu of %zu points right\n", initially_right, points);
    for (std::size_t k = 0; k < steps; ++k) {
        if (k % 10 == 0 || k == steps - 1) {
            std::printf("step %3zu  loss %.6f\n", k, loss_curve[k]);
        }
    }
    std::printf("after %zu steps: loss %.6f, %zu of %zu points right (static_asserts)\n", steps, final_loss,
                finally_right, points);
    write_files(directory);
    std::printf("wrote %s/compile_time_moons_boundary.svg and %s/compile_time_moons_loss.svg (and the data as "
                "compile_time_moons_*)\n", directory.c_str(), directory.c_str());
} catch (const std::exception& e) {
    std::fprintf(stderr, "compile_time_moons: %s\n", e.what());
    return 1;
}
