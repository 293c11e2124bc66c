// The MLP's layer graph, as the compiler sees it: the 2-16-16-1 tanh network and its loss are 18 nodes
// (three per layer, their weight and bias leaves, the sample, the target and the loss). The program
// prints what the compiler counted (nn::layer_stats), the passes it generated (nn::layer_code), and
// checks them on one sample against central finite differences. With a directory argument it also
// writes the graph as layer_graph.dot (the docs draw it).
#include <memograd/nn.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>

namespace nn = memograd::nn;

//! [layer graph]
using net = nn::mlp<nn::tanh_t, nn::identity_t, 2, 16, 16, 1>;
using graph = net::loss_graph<nn::mse_t>;  // loss(identity(W2 tanh(W1 tanh(W0 x + b0) + b1) + b2), y)
using found = nn::layer_stats<graph>;
static_assert(found::nodes == 18 && found::operations == 10);
static_assert(found::shared_adjoints == 4);  // each W h reads its layer's delta in place; identity passes it on
//! [layer graph]

int main(int argc, char** argv) try {
    std::printf("nn::mlp<tanh_t, identity_t, 2, 16, 16, 1>: %zu parameters\n", net::parameter_count);
    std::printf("layer graph: %zu nodes (%zu leaves, %zu operations), %zu edges\n", found::nodes, found::leaves,
                found::operations, found::edges);
    std::printf("forward pass stores %zu doubles; backward pass %zu doubles of adjoints, %zu adjoints shared "
                "rather than copied, %zu of %zu nodes need one\n\n",
                found::values, found::adjoints, found::shared_adjoints, found::nodes_with_adjoint, found::nodes);
    //! [generated code]
    const std::string code = nn::layer_code(graph{});
    //! [generated code]
    std::fputs(code.c_str(), stdout);

    // The generated gradient against central finite differences at one point.
    auto p = net::initial_parameters(5);
    const net::input x{0.4, -0.7};
    const net::output y{0.3};
    const auto r = net::value_and_grad(p, x, y);
    double worst = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const double saved = p[i];
        p[i] = saved + 1e-6;
        const double up = net::value_and_grad(p, x, y).value;
        p[i] = saved - 1e-6;
        const double down = net::value_and_grad(p, x, y).value;
        p[i] = saved;
        worst = std::max(worst, std::abs(r.grad[i] - (up - down) / 2e-6));
    }
    std::printf("\nloss %.6f; largest difference from central finite differences over %zu parameters: %.1e\n",
                r.value, p.size(), worst);
    if (argc > 1) {
        std::ofstream(std::string(argv[1]) + "/layer_graph.dot") << nn::layer_graphviz(graph{});
    }
    return worst < 1e-8 ? 0 : 1;
} catch (const std::exception& e) {
    std::fprintf(stderr, "layer_graph: %s\n", e.what());
    return 1;
}
