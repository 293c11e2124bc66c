// The lecture's network worked through (lecture_network.hpp): every forward value and every adjoint of
// the generated passes, dL/dw by path enumeration, by the tree walk and by memoized backpropagation, the
// work each took, and the generated code. With a directory argument it also writes the graphs as
// Graphviz DOT files and the generated C++ there (the docs draw and include them).
#include "lecture_network.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

namespace {

using lecture::loss;
using lecture::point;
using lecture::target;

//! [evaluate]
constexpr auto traced = memograd::trace(loss, point, target);  // the memoized passes, every node kept
constexpr auto enumerated = memograd::path_enumeration_value_and_grad(loss, point, target);
constexpr auto tree_walk = memograd::path_sum_value_and_grad(loss, point, target);
//! [evaluate]

// The three methods agree, checked by the compiler (they add the same terms in different orders).
constexpr bool close(double a, double b) { return a - b <= 1e-15 && b - a <= 1e-15; }
constexpr bool agree = [] {
    for (std::size_t i = 0; i < point.size(); ++i) {
        if (!close(traced.result.grad[i], enumerated.grad[i]) || !close(traced.result.grad[i], tree_walk.grad[i])) {
            return false;
        }
    }
    return traced.result.value == enumerated.value && traced.result.value == tree_walk.value;
}();
static_assert(agree, "memoized backpropagation, path enumeration and the tree walk disagree");

using stats = memograd::stats<decltype(loss)>;
using toward_w1_11 = stats::toward<memograd::var<2>>;
// What the code counted is what the compiler counts from the type.
static_assert(enumerated.multiplications == stats::enumeration_products);
static_assert(tree_walk.multiplications == stats::tree_walk_products);

// Characters of UTF-8 text (ŷ is two bytes, one character).
std::size_t display_width(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The position of the variable named `name` in x (and in the gradient), and its value at the point.
std::size_t index_of(std::string_view name) {
    return static_cast<std::size_t>(std::ranges::find(lecture::names, name) - lecture::names.begin());
}
double variable(std::string_view name) { return point[index_of(name)]; }

// The two paths from L to w1_11 (tutorial chapter 4), factor by factor, from the traced values and the
// point: dL/dŷ = -2 (y - ŷ), dŷ/dO2_j = ŷ (1 - ŷ) w3_1j, dO2_j/dO1_1 = O2_j (1 - O2_j) w2_j1,
// dO1_1/dw1_11 = O1_1 (1 - O1_1) x1; and what the memoized pass has where they meet (chapter 5): the adjoints
// dz2_j, the weights w2_j1, dO1_1, and the gradient entry. One `name value` a line.
void write_two_paths(const std::string& path) {
    std::ofstream out(path);
    out.precision(17);
    const double y_hat = traced.value_of("ŷ");
    const double o1 = traced.value_of("O1_1");
    out << "dL/dŷ " << -2 * (target[0] - y_hat) << '\n'
        << "dO1_1/dw1_11 " << o1 * (1 - o1) * variable("x1") << '\n';
    for (const std::string j : {"1", "2"}) {
        const double o2 = traced.value_of("O2_" + j);
        out << "dŷ/dO2_" << j << ' ' << y_hat * (1 - y_hat) * variable("w3_1" + j) << '\n'
            << "dO2_" << j << "/dO1_1 " << o2 * (1 - o2) * variable("w2_" + j + "1") << '\n'
            << "dz2_" << j << ' ' << traced.adjoint_of("z2_" + j) << '\n'
            << "w2_" << j << "1 " << variable("w2_" + j + "1") << '\n';
    }
    out << "dO1_1 " << traced.adjoint_of("O1_1") << '\n'
        << "grad[w1_11] " << traced.result.grad[index_of("w1_11")] << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    std::printf("forward values and adjoints dL/dv of the named nodes (memograd::trace):\n");
    std::printf("  %-5s %20s %20s\n", "node", "value", "dL/d(node)");
    for (std::size_t i = 0; i < traced.name.size(); ++i) {
        if (!traced.name[i].empty()) {
            std::string name(traced.name[i]);
            name.resize(name.size() + 5 - std::min<std::size_t>(5, display_width(name)), ' ');
            if (traced.has_adjoint[i]) {
                std::printf("  %s %20.15f %20.15f\n", name.c_str(), traced.value[i], traced.adjoint[i]);
            } else {  // data, and nodes with no variable below them: the pass computes no adjoint
                std::printf("  %s %20.15f %20s\n", name.c_str(), traced.value[i], "-");
            }
        }
    }
    std::printf("\ngradient, three ways:\n");
    std::printf("  %-6s %20s %20s %20s\n", "var", "path enumeration", "tree walk", "memoized");
    for (std::size_t i = 0; i < point.size(); ++i) {
        std::printf("  %-6s %20.15f %20.15f %20.15f\n", std::string(lecture::names[i]).c_str(), enumerated.grad[i],
                    tree_walk.grad[i], traced.result.grad[i]);
    }
    std::printf("\nmultiplications of local derivatives (from the seed 1; factors of 1 counted):\n");
    std::printf("  %-44s %9s %13s\n", "", "all paths", "dL/dw1_11");
    std::printf("  %-44s %9.0f %13.0f\n", "root-to-leaf paths", stats::leaf_paths, toward_w1_11::paths);
    std::printf("  %-44s %9llu %13.0f\n", "path enumeration (each product on its own)",
                static_cast<unsigned long long>(enumerated.multiplications), toward_w1_11::enumeration_products);
    std::printf("  %-44s %9llu %13.0f\n", "tree walk (running product passed down)",
                static_cast<unsigned long long>(tree_walk.multiplications), toward_w1_11::tree_walk_products);
    std::printf("  %-44s %9.0f %13.0f\n", "memoized backpropagation (one per edge)", stats::memoized_products,
                toward_w1_11::memoized_products);
    std::printf("node evaluations: path enumeration %llu, tree walk %llu, memoized %zu (one per distinct node)\n",
                static_cast<unsigned long long>(enumerated.evaluations),
                static_cast<unsigned long long>(tree_walk.evaluations), stats::nodes);

    //! [generated code]
    const std::string code = memograd::backward_code(loss, lecture::names);
    //! [generated code]
    std::printf("\ngenerated code:\n%s", code.c_str());

    if (argc > 1) {
        const std::string dir = argv[1];
        std::ofstream(dir + "/lecture_forward.dot") << memograd::graphviz(loss, lecture::names);
        std::ofstream(dir + "/lecture_backward.dot") << memograd::graphviz(loss, lecture::names, true);
        //! [traced graph]
        std::ofstream(dir + "/lecture_traced.dot") << memograd::graphviz(loss, lecture::names, traced, memograd::var<2>{});
        //! [traced graph]
        std::ofstream(dir + "/lecture_backward_code.txt") << code;
        std::ofstream(dir + "/lecture_cpp_source.txt") << memograd::cpp_source(loss, "lecture_loss");
        std::ofstream values(dir + "/lecture_values.dat");  // name value adjoint (- if none), the named nodes
        values.precision(17);
        for (std::size_t i = 0; i < traced.name.size(); ++i) {
            if (!traced.name[i].empty()) {
                values << traced.name[i] << ' ' << traced.value[i] << ' ';
                if (traced.has_adjoint[i]) {
                    values << traced.adjoint[i] << '\n';
                } else {
                    values << "-\n";
                }
            }
        }
        std::ofstream gradient(dir + "/lecture_gradient.dat");  // name value enumeration tree_walk memoized
        gradient.precision(17);
        for (std::size_t i = 0; i < point.size(); ++i) {
            gradient << lecture::names[i] << ' ' << point[i] << ' ' << enumerated.grad[i] << ' ' << tree_walk.grad[i]
                     << ' ' << traced.result.grad[i] << '\n';
        }
        std::ofstream counts(dir + "/lecture_counts.dat");  // what all paths / dL/dw1_11 cost, three ways
        counts << "paths " << stats::leaf_paths << ' ' << toward_w1_11::paths << '\n'
               << "enumeration " << enumerated.multiplications << ' ' << toward_w1_11::enumeration_products << '\n'
               << "tree_walk " << tree_walk.multiplications << ' ' << toward_w1_11::tree_walk_products << '\n'
               << "memoized " << stats::memoized_products << ' ' << toward_w1_11::memoized_products << '\n'
               << "evaluations " << enumerated.evaluations << ' ' << tree_walk.evaluations << ' ' << stats::nodes << '\n';
        write_two_paths(dir + "/lecture_paths.dat");
        std::printf("\nwrote %s/lecture_{forward,backward,traced}.dot, lecture_backward_code.txt, lecture_cpp_source.txt\n",
                    dir.c_str());
    }
}
