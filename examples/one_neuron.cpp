// One neuron, L = (sigmoid(w x + b) - y)^2, worked through (one_neuron.hpp): the forward and backward pass
// by hand, checked against central finite differences and against memograd's value_and_grad and trace.
// With a directory argument it writes every number of the tutorial's chapter 3 there (neuron.dat) and
// memograd's generated code for the loss and for its square written as a product.
#include "one_neuron.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

namespace {

using neuron::point;
using neuron::target;

//! [memograd]
// The value and dL/dw, dL/dx, dL/db; and every node's value and adjoint.
constexpr auto result = memograd::value_and_grad(neuron::loss, point, target);
constexpr auto traced = memograd::trace(neuron::loss, point, target);
//! [memograd]

}  // namespace

int main(int argc, char** argv) {
    const auto [w, x, b] = point;
    const double y = target[0];
    const neuron::values_and_adjoints h = neuron::by_hand(w, x, b, y);
    const std::array<double, 3> slope = neuron::finite_differences(point, y);
    const std::array<double, 3> hand = {h.dw, h.dx, h.db};

    std::printf("L = (sigmoid(w x + b) - y)^2 at w = %g, x = %g, b = %g, y = %g\n", w, x, b, y);
    std::printf("  %-4s %22s %22s\n", "node", "value (by hand)", "adjoint (by hand)");
    const auto nodes = neuron::operations(h);
    for (const auto& n : nodes) {
        std::printf("  %-4s %22.17g %22.17g\n", std::string(n.name).c_str(), n.value, n.adjoint);
    }
    std::printf("\n  %-4s %22s %22s %22s\n", "var", "by hand", "finite difference", "memograd");
    for (std::size_t i = 0; i < point.size(); ++i) {
        std::printf("  %-4s %22.17g %22.17g %22.17g\n", std::string(neuron::names[i]).c_str(), hand[i], slope[i],
                    result.grad[i]);
    }
    const std::string code = memograd::backward_code(neuron::loss, neuron::names);
    const std::string fork = memograd::backward_code(neuron::loss_as_product, neuron::names);
    std::printf("\ngenerated code:\n%s", code.c_str());

    if (argc > 1) {
        const std::string dir = argv[1];
        std::ofstream(dir + "/neuron_backward_code.txt") << code;
        std::ofstream(dir + "/neuron_fork_code.txt") << fork;
        std::ofstream data(dir + "/neuron.dat");
        data.precision(17);
        // node <name> <value> <adjoint by hand> <value, memograd> <adjoint, memograd> ('-': no adjoint)
        for (const auto& n : nodes) {
            data << "node " << n.name << ' ' << n.value << ' ' << n.adjoint << ' ' << traced.value_of(n.name) << ' '
                 << traced.adjoint_of(n.name) << '\n';
        }
        for (std::size_t i = 0; i < point.size(); ++i) {
            data << "node " << neuron::names[i] << ' ' << point[i] << ' ' << hand[i] << ' ' << point[i] << ' '
                 << result.grad[i] << '\n';
        }
        data << "node y " << y << " - " << traced.value_of("y") << " -\n";
        // edge <user> <operand> <local derivative d user / d operand> <term: user's adjoint times it; '-' for
        // the data leaf y, which gets no adjoint>
        struct edge_numbers {
            std::string_view user, operand;
            double user_adjoint, local;
        };
        const std::array<edge_numbers, 8> edges = {{
            {.user = "L", .operand = "e", .user_adjoint = h.dL, .local = 2.0 * h.e},
            {.user = "e", .operand = "a", .user_adjoint = h.de, .local = 1.0},
            {.user = "e", .operand = "y", .user_adjoint = h.de, .local = -1.0},
            {.user = "a", .operand = "z", .user_adjoint = h.da, .local = h.a * (1.0 - h.a)},
            {.user = "z", .operand = "p", .user_adjoint = h.dz, .local = 1.0},
            {.user = "z", .operand = "b", .user_adjoint = h.dz, .local = 1.0},
            {.user = "p", .operand = "w", .user_adjoint = h.dp, .local = x},
            {.user = "p", .operand = "x", .user_adjoint = h.dp, .local = w},
        }};
        for (const auto& edge : edges) {
            data << "edge " << edge.user << ' ' << edge.operand << ' ' << edge.local << ' ';
            if (edge.operand == "y") {
                data << "-\n";
            } else {
                data << edge.user_adjoint * edge.local << '\n';
            }
        }
        // gradient <name> <by hand> <central difference> <memograd value_and_grad>
        for (std::size_t i = 0; i < point.size(); ++i) {
            data << "gradient " << neuron::names[i] << ' ' << hand[i] << ' ' << slope[i] << ' ' << result.grad[i]
                 << '\n';
        }
        data << "loss " << h.L << ' ' << result.value << '\n' << "step " << neuron::step << '\n';
        std::printf("\nwrote %s/neuron.dat, neuron_backward_code.txt, neuron_fork_code.txt\n", dir.c_str());
    }
}
