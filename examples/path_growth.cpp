// The lecture's point as numbers: as a dense network deepens, the chain rule's sum over paths grows
// exponentially, while backpropagation (the same chain rule, memoized) grows linearly. Every count here
// is computed by the compiler from the expression's type (memograd::stats), for networks of width 2 and
// 3 with 1 to 8 hidden layers. With a directory argument it also writes the table as path_growth.dat (the
// docs plot it).
#include <memograd/autodiff.hpp>

#include <array>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>
#include <utility>

namespace {

//! [network]
// Two inputs, Depth hidden layers of Width tanh neurons, one linear output, squared error; every weight
// and bias a var<I>. Its type is the whole computation graph.
template <std::size_t Width, std::size_t Depth>
using network = decltype(memograd::dense_network_loss<2, Width, Depth>());
//! [network]

struct row {
    std::size_t width, depth, nodes, forward_ops, backward_ops;
    double path_terms, tree_nodes;
};

template <std::size_t Width, std::size_t Depth>
constexpr row measure() {
    using s = memograd::stats<network<Width, Depth>>;
    return {Width, Depth, s::nodes, s::forward_ops, s::backward_ops, s::path_terms, s::tree_nodes};
}

template <std::size_t Width, std::size_t... Depth>
constexpr auto table(std::index_sequence<Depth...>) {
    return std::array<row, sizeof...(Depth)>{measure<Width, Depth + 1>()...};
}

constexpr auto width2 = table<2>(std::make_index_sequence<8>{});
constexpr auto width3 = table<3>(std::make_index_sequence<8>{});

//! [claims]
// The lecture's claim, checked by the compiler: each extra layer adds the same number of memoized
// backward operations (linear growth) but multiplies the number of path-sum terms (exponential growth).
constexpr bool memoized_grows_linearly(const auto& t) {
    for (std::size_t d = 2; d < t.size(); ++d) {
        if (t[d].backward_ops - t[d - 1].backward_ops != t[1].backward_ops - t[0].backward_ops) {
            return false;
        }
    }
    return true;
}
constexpr bool paths_grow_at_least_by(const auto& t, double factor) {
    for (std::size_t d = 1; d < t.size(); ++d) {
        if (t[d].path_terms < factor * t[d - 1].path_terms) {
            return false;
        }
    }
    return true;
}
static_assert(memoized_grows_linearly(width2) && memoized_grows_linearly(width3));
static_assert(paths_grow_at_least_by(width2, 2.0) && paths_grow_at_least_by(width3, 3.0));
//! [claims]

}  // namespace

int main(int argc, char** argv) {
    std::printf("%5s %5s %7s %11s %12s %16s\n", "width", "depth", "nodes", "forward ops", "memoized ops",
                "path-sum terms");
    for (const auto& t : {width2, width3}) {
        for (const row& r : t) {
            std::printf("%5zu %5zu %7zu %11zu %12zu %16.0f\n", r.width, r.depth, r.nodes, r.forward_ops,
                        r.backward_ops, r.path_terms);
        }
    }
    if (argc > 1) {
        const std::string path = std::string(argv[1]) + "/path_growth.dat";
        std::ofstream out(path);
        out << "# depth memoized_ops_w2 path_terms_w2 memoized_ops_w3 path_terms_w3\n";
        for (std::size_t d = 0; d < width2.size(); ++d) {
            out << width2[d].depth << ' ' << width2[d].backward_ops << ' ' << width2[d].path_terms << ' '
                << width3[d].backward_ops << ' ' << width3[d].path_terms << '\n';
        }
        std::printf("wrote %s\n", path.c_str());
    }
}
