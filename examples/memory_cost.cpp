// What memoization costs in backpropagation: the doubles the generated passes keep for the lecture
// network, a 2-16-16-1 network written neuron by neuron and a 784-128-10 layer graph, and the trade of
// memory for recomputation on a 128-step recurrence (examples/checkpointing.hpp). Every number printed is
// a constant the compiler computed (memograd::stats, nn::layer_stats); tests/tutorial_memory.cpp checks
// them against counts by hand. Writes memory.dat and checkpointing.dat into the directory given as
// argument (docs/generate.py draws the chapter's tables from them).
#include "checkpointing.hpp"
#include "lecture_network.hpp"

#include <memograd/autodiff/dense_network.hpp>
#include <memograd/nn.hpp>

#include <cstddef>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace {

struct memory_row {
    const char* network;
    std::size_t nodes, stored_values, stored_adjoints, nodes_with_adjoint, shared_adjoints, gradient;
};

template <class E>
constexpr memory_row scalar_row(const char* network) {
    using s = memograd::stats<E>;
    return {.network = network,
            .nodes = s::nodes,
            .stored_values = s::stored_values,
            .stored_adjoints = s::stored_adjoints,
            .nodes_with_adjoint = s::nodes_with_adjoint,
            .shared_adjoints = s::shared_adjoints,
            .gradient = s::inputs};
}

using mnist = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::identity_t, 784, 128, 10>;
using mnist_stats = memograd::nn::layer_stats<mnist::loss_graph<>>;

constexpr std::size_t steps = 128;

struct checkpoint_row {
    std::size_t segment_steps, segments, doubles, forward_ops;
};
template <std::size_t K>
constexpr checkpoint_row checkpoint_at() {
    return {.segment_steps = K,
            .segments = steps / K,
            .doubles = checkpointing::checkpointed_doubles<steps, K>,
            .forward_ops = checkpointing::checkpointed_forward_ops<steps, K>};
}

}  // namespace

int main(int argc, char** argv) {
    const std::filesystem::path out = argc > 1 ? argv[1] : ".";
    //! [memory]
    const memory_row rows[] = {
        scalar_row<decltype(lecture::loss)>("lecture 2-2-2-1 (scalar)"),
        scalar_row<decltype(memograd::dense_network_loss<2, 16, 2>())>("2-16-16-1 (scalar)"),
        {.network = "784-128-10 (layer graph)",
         .nodes = mnist_stats::nodes,
         .stored_values = mnist_stats::values,
         .stored_adjoints = mnist_stats::adjoints,
         .nodes_with_adjoint = mnist_stats::nodes_with_adjoint,
         .shared_adjoints = mnist_stats::shared_adjoints,
         .gradient = mnist::parameter_count},
    };
    //! [memory]
    std::ofstream memory(out / "memory.dat");
    std::printf("%-26s %6s %14s %15s %13s %15s %9s\n", "network", "nodes", "stored values", "stored adjoints",
                "with adjoint", "shared adjoint", "gradient");
    for (const memory_row& r : rows) {
        std::printf("%-26s %6zu %14zu %15zu %13zu %15zu %9zu\n", r.network, r.nodes, r.stored_values,
                    r.stored_adjoints, r.nodes_with_adjoint, r.shared_adjoints, r.gradient);
        memory << r.network << '\t' << r.nodes << '\t' << r.stored_values << '\t' << r.stored_adjoints << '\t'
               << r.nodes_with_adjoint << '\t' << r.shared_adjoints << '\t' << r.gradient << '\n';
    }

    const checkpoint_row checkpoints[] = {checkpoint_at<1>(), checkpoint_at<2>(),  checkpoint_at<4>(),  checkpoint_at<8>(),
                                          checkpoint_at<16>(), checkpoint_at<32>(), checkpoint_at<64>(), checkpoint_at<128>()};
    std::ofstream table(out / "checkpointing.dat");
    table << "# steps memoized_doubles memoized_forward_ops\n"
          << steps << ' ' << checkpointing::memoized_doubles<steps> << ' ' << checkpointing::memoized_forward_ops<steps>
          << "\n# segment_steps segments doubles forward_ops\n";
    std::printf("\n%zu steps of h = tanh(w h + b): memoized keeps %zu doubles and runs %zu forward operations\n", steps,
                checkpointing::memoized_doubles<steps>, checkpointing::memoized_forward_ops<steps>);
    std::printf("%14s %9s %8s %12s\n", "segment steps", "segments", "doubles", "forward ops");
    for (const checkpoint_row& r : checkpoints) {
        std::printf("%14zu %9zu %8zu %12zu\n", r.segment_steps, r.segments, r.doubles, r.forward_ops);
        table << r.segment_steps << ' ' << r.segments << ' ' << r.doubles << ' ' << r.forward_ops << '\n';
    }
    return memory && table ? 0 : 1;
}
