// The lecture's point as numbers: as a dense network deepens, the chain rule applied path by path grows
// exponentially, while backpropagation (the same chain rule, memoized) grows linearly. Three ways are
// counted, in multiplications of a local derivative (from the seed 1): path enumeration (every path's
// product on its own), the tree walk (the running product passed down the expression written as a tree)
// and memoized backpropagation (one per edge of the graph). Every count is computed by the compiler from
// the expression's type (memograd::stats), for networks of width 2 and 3 with 1 to 8 hidden layers. With
// a directory argument it also writes the table as path_growth.dat (the docs plot it).
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
    std::size_t width, depth, nodes, forward_ops;
    double paths, enumeration, tree_walk, memoized;
};

template <std::size_t Width, std::size_t Depth>
constexpr row measure() {
    using s = memograd::stats<network<Width, Depth>>;
    return {Width, Depth, s::nodes, s::forward_ops, s::leaf_paths, s::enumeration_products, s::tree_walk_products,
            s::memoized_products};
}

template <std::size_t Width, std::size_t... Depth>
constexpr auto table(std::index_sequence<Depth...>) {
    return std::array<row, sizeof...(Depth)>{measure<Width, Depth + 1>()...};
}

constexpr auto width2 = table<2>(std::make_index_sequence<8>{});
constexpr auto width3 = table<3>(std::make_index_sequence<8>{});

//! [claims]
// The lecture's claim, checked by the compiler: each extra layer adds the same number of memoized
// multiplications (linear growth) but multiplies those of path enumeration and of the tree walk by at
// least the width (exponential growth); and at every depth enumeration >= tree walk >= memoized.
constexpr bool memoized_grows_linearly(const auto& t) {
    for (std::size_t d = 2; d < t.size(); ++d) {
        if (t[d].memoized - t[d - 1].memoized != t[1].memoized - t[0].memoized) {
            return false;
        }
    }
    return true;
}
constexpr bool grows_at_least_by(const auto& t, double row::*count, double factor) {
    for (std::size_t d = 1; d < t.size(); ++d) {
        if (t[d].*count < factor * (t[d - 1].*count)) {
            return false;
        }
    }
    return true;
}
constexpr bool ordered(const auto& t) {
    for (const row& r : t) {
        if (r.enumeration < r.tree_walk || r.tree_walk < r.memoized) {
            return false;
        }
    }
    return true;
}
static_assert(memoized_grows_linearly(width2) && memoized_grows_linearly(width3));
static_assert(grows_at_least_by(width2, &row::enumeration, 2.0) && grows_at_least_by(width3, &row::enumeration, 3.0));
static_assert(grows_at_least_by(width2, &row::tree_walk, 2.0) && grows_at_least_by(width3, &row::tree_walk, 3.0));
static_assert(ordered(width2) && ordered(width3));
//! [claims]

}  // namespace

int main(int argc, char** argv) {
    std::printf("%5s %5s %7s %12s %16s %12s %9s\n", "width", "depth", "nodes", "leaf paths", "enumeration",
                "tree walk", "memoized");
    for (const auto& t : {width2, width3}) {
        for (const row& r : t) {
            std::printf("%5zu %5zu %7zu %12.0f %16.0f %12.0f %9.0f\n", r.width, r.depth, r.nodes, r.paths,
                        r.enumeration, r.tree_walk, r.memoized);
        }
    }
    if (argc > 1) {
        const std::string path = std::string(argv[1]) + "/path_growth.dat";
        std::ofstream out(path);
        out.precision(17);
        out << "# depth, then for width 2 and width 3: enumeration tree_walk memoized\n";
        for (std::size_t d = 0; d < width2.size(); ++d) {
            out << width2[d].depth;
            for (const row& r : {width2[d], width3[d]}) {
                out << ' ' << r.enumeration << ' ' << r.tree_walk << ' ' << r.memoized;
            }
            out << '\n';
        }
        std::printf("wrote %s\n", path.c_str());
    }
}
