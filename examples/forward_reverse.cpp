// Forward mode against reverse mode on the lecture's network (lecture_network.hpp): the gradient by one
// backward pass (value_and_grad) and by one tangent pass per variable (forward_mode_gradient), a single
// directional derivative (jvp), and the passes and multiplications each mode needs, for the lecture's
// network and for the 2-16-16-1 tanh network. With a directory argument it writes the numbers there
// (the docs make their tables from them).
#include "lecture_network.hpp"

#include <memograd/autodiff/dense_network.hpp>

#include <array>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

using lecture::loss;
using lecture::point;
using lecture::target;

//! [modes]
constexpr auto reverse = memograd::value_and_grad(loss, point, target);         // one backward pass
constexpr auto forward = memograd::forward_mode_gradient(loss, point, target);  // 17 tangent passes
//! [modes]

// The two modes add the same products in a different order: equal to the last bits.
constexpr bool close(double a, double b) { return a - b <= 1e-15 && b - a <= 1e-15; }
static_assert([] {
    for (std::size_t i = 0; i < point.size(); ++i) {
        if (!close(reverse.grad[i], forward.grad[i])) {
            return false;
        }
    }
    return reverse.value == forward.value;
}());

//! [one direction]
// dL/dx1 + dL/dx2: how the loss changes when both inputs move together, by one tangent pass.
constexpr std::array<double, 17> both_inputs{1.0, 1.0};
constexpr auto along = memograd::jvp(loss, point, both_inputs, target);
static_assert(close(along.derivative, reverse.grad[0] + reverse.grad[1]));
//! [one direction]

//! [counts]
using lecture_stats = memograd::stats<decltype(loss)>;
using network_stats = memograd::stats<decltype(memograd::dense_network_loss<2, 16, 2>())>;
// Forward mode: one tangent pass per variable, one multiplication per edge in each.
static_assert(lecture_stats::forward_mode_passes == 17 && lecture_stats::edges == 48);
static_assert(lecture_stats::forward_mode_products == 17 * 48);
static_assert(network_stats::forward_mode_passes == 340 && network_stats::edges == 1251);
static_assert(network_stats::forward_mode_products == 340.0 * 1251.0);
// Reverse mode: one backward pass for the one output, one multiplication per edge.
static_assert(lecture_stats::memoized_products == 48 && network_stats::memoized_products == 1251);
//! [counts]

template <class Stats>
void write_counts(std::ofstream& out, const char* name) {
    out << name << ' ' << Stats::inputs << ' ' << Stats::edges << ' ' << Stats::forward_mode_passes << ' '
        << Stats::forward_mode_products << ' ' << 1 << ' ' << Stats::memoized_products << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    std::printf("gradient of the lecture network's loss, two ways:\n");
    std::printf("  %-6s %20s %20s\n", "var", "reverse mode", "forward mode");
    for (std::size_t i = 0; i < point.size(); ++i) {
        std::printf("  %-6s %20.15f %20.15f\n", std::string(lecture::names[i]).c_str(), reverse.grad[i], forward.grad[i]);
    }
    std::printf("dL/dx1 + dL/dx2 by one tangent pass (jvp): %.15f\n\n", along.derivative);
    std::printf("%-10s %9s %6s %14s %16s %14s %16s\n", "network", "variables", "edges", "forward passes",
                "forward products", "reverse passes", "reverse products");
    std::printf("%-10s %9zu %6zu %14zu %16.0f %14d %16.0f\n", "lecture", lecture_stats::inputs, lecture_stats::edges,
                lecture_stats::forward_mode_passes, lecture_stats::forward_mode_products, 1,
                lecture_stats::memoized_products);
    std::printf("%-10s %9zu %6zu %14zu %16.0f %14d %16.0f\n", "2-16-16-1", network_stats::inputs, network_stats::edges,
                network_stats::forward_mode_passes, network_stats::forward_mode_products, 1,
                network_stats::memoized_products);
    if (argc > 1) {
        const std::string dir = argv[1];
        std::ofstream counts(dir + "/forward_reverse_counts.dat");  // network variables edges passes products (x2)
        write_counts<lecture_stats>(counts, "lecture");
        write_counts<network_stats>(counts, "2-16-16-1");
        std::printf("\nwrote %s/forward_reverse_counts.dat\n", dir.c_str());
    }
}
