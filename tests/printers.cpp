// The printers (backward_code, graphviz, nn::layer_code, nn::layer_graphviz) checked by property against
// counts derived by hand for the lecture's network and a 2-3-1 layer graph: every node and edge present,
// every name, the statements the storage plan promises. cpp_source, the same statements compiled, is
// checked by value in tests/cpp_source.cpp.
#include "catch.hpp"

#include <memograd/autodiff.hpp>
#include <memograd/nn.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using memograd::var;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

std::size_t count_matching(const std::vector<std::string>& lines, const std::string& pattern) {
    const std::regex re(pattern);
    std::size_t n = 0;
    for (const auto& line : lines) {
        n += std::regex_search(line, re) ? 1 : 0;
    }
    return n;
}

/// The names a listing assigns with `=` (declared) and with `+=`, statement by statement.
struct assignments {
    std::vector<std::string> assigned;
    std::vector<std::string> added;
};
assignments assignments_of(const std::vector<std::string>& lines) {
    assignments a;
    const std::regex statement(R"(^\s*(?:double )?([A-Za-z_][A-Za-z0-9_\[\]]*) (\+?=) )");
    for (const auto& line : lines) {
        std::smatch m;
        if (std::regex_search(line, m, statement)) {
            (m[2] == "=" ? a.assigned : a.added).push_back(m[1]);
        }
    }
    return a;
}

// The lecture's 2-2-2-1 sigmoid network (examples/lecture_network.cpp), its variables named.
constexpr std::array<std::string_view, 18> names = {
    "x1",    "x2",    "w1_11", "w1_12", "b1_1",  "w1_21", "w1_22", "b1_2",  "w2_11",
    "w2_12", "b2_1",  "w2_21", "w2_22", "b2_2",  "w3_11", "w3_12", "b3_1",  "y"};
constexpr auto x1 = var<0>{};
constexpr auto x2 = var<1>{};
constexpr auto o1_1 = memograd::sigmoid(var<2>{} * x1 + var<3>{} * x2 + var<4>{});
constexpr auto o1_2 = memograd::sigmoid(var<5>{} * x1 + var<6>{} * x2 + var<7>{});
constexpr auto o2_1 = memograd::sigmoid(var<8>{} * o1_1 + var<9>{} * o1_2 + var<10>{});
constexpr auto o2_2 = memograd::sigmoid(var<11>{} * o1_1 + var<12>{} * o1_2 + var<13>{});
constexpr auto y_hat = memograd::sigmoid(var<14>{} * o2_1 + var<15>{} * o2_2 + var<16>{});
constexpr auto loss = memograd::square(var<17>{} - y_hat);

// By hand: 5 neurons of 2 products, 2 sums and a sigmoid (25 operations), then y - y_hat and its square:
// 27 operations over 18 variables. Edges: 2 per product and sum, 1 per sigmoid, 2 + 1 for the loss.
constexpr std::size_t operations = 27;
constexpr std::size_t nodes = operations + 18;
constexpr std::size_t edges = 10 * 2 + 10 * 2 + 5 + 2 + 1;

}  // namespace

TEST_CASE("backward_code of the lecture's network: one statement per node, per edge", "[print]") {
    STATIC_REQUIRE(memograd::stats<decltype(loss)>::nodes == nodes);
    STATIC_REQUIRE(memograd::stats<decltype(loss)>::edges == edges);
    const auto lines = lines_of(memograd::backward_code(loss, names));
    const auto a = assignments_of(lines);
    // Forward: every operation's value assigned once, each a distinct vK.
    std::set<std::string> values;
    for (const auto& name : a.assigned) {
        if (name.front() == 'v') {
            values.insert(name);
        }
    }
    CHECK(values.size() == operations);
    CHECK(count_matching(lines, R"(^v[0-9]+ = )") == operations);
    // Shared: the first layer's outputs feed both second-layer neurons; x1, x2 are leaves (no statement).
    CHECK(count_matching(lines, "shared: 2 uses") == 2);
    CHECK(count_matching(lines, "shared") == 2);
    // Backward: every variable's gradient entry is written, once with `=`; x1, x2 and the two shared
    // sigmoids receive a second term with `+=`, and nothing else does.
    for (const auto name : names) {
        INFO(name);
        CHECK(std::count(a.assigned.begin(), a.assigned.end(), "grad[" + std::string(name) + "]") == 1);
    }
    CHECK(a.added.size() == 4);
    CHECK(std::count(a.added.begin(), a.added.end(), "grad[x1]") == 1);
    CHECK(std::count(a.added.begin(), a.added.end(), "grad[x2]") == 1);
    // The products and the first sum of each neuron pass their user's adjoint on (a + b): 3 per neuron,
    // no statement of their own.
    CHECK(count_matching(lines, "passed through unchanged, not copied") == 15);
    // Adjoint statements: one per edge into a node that needs an adjoint, minus the 15 shared ones.
    // Every edge's operand needs one here (each leaf is a variable): 48 edges.
    const std::size_t backward_statements = count_matching(lines, R"(^(d[0-9]+|grad\[[a-z0-9_]+\]) \+?= )");
    CHECK(backward_statements == 1 + edges - 15);  // the root's seed, then the edges
}

TEST_CASE("graphviz of the lecture's network: every node, every edge, names and shared nodes", "[print]") {
    for (const bool backward : {false, true}) {
        INFO("backward " << backward);
        const std::string dot = memograd::graphviz(loss, names, backward);
        const auto lines = lines_of(dot);
        CHECK(lines.front().rfind("digraph", 0) == 0);
        CHECK(lines.back() == "}");
        CHECK(count_matching(lines, R"(^  n[0-9]+ \[label=)") == nodes);
        CHECK(count_matching(lines, R"(->)") == edges);
        CHECK(count_matching(lines, R"(\(2 uses\))") == 4);  // x1, x2, o1_1, o1_2
        for (const auto name : names) {
            INFO(name);
            CHECK(dot.find("label=\"" + std::string(name)) != std::string::npos);
        }
        // Every edge joins two declared nodes.
        std::set<std::string> declared;
        const std::regex node(R"(^  (n[0-9]+) \[label=)");
        const std::regex edge(R"(^  (n[0-9]+) -> (n[0-9]+))");
        for (const auto& line : lines) {
            std::smatch m;
            if (std::regex_search(line, m, node)) {
                declared.insert(m[1]);
            }
        }
        CHECK(declared.size() == nodes);
        for (const auto& line : lines) {
            std::smatch m;
            if (std::regex_search(line, m, edge)) {
                CHECK(declared.count(m[1]) == 1);
                CHECK(declared.count(m[2]) == 1);
            }
        }
        // Forward edges run from operand to user, backward edges from user to operand: a leaf (an
        // ellipse) has no operands, so it is only ever the source of a forward edge, the target of a
        // backward one. The root (the last node) is the target of forward edges only.
        std::set<std::string> leaves;
        const std::regex leaf(R"(^  (n[0-9]+) \[label=.*shape=ellipse)");
        for (const auto& line : lines) {
            std::smatch m;
            if (std::regex_search(line, m, leaf)) {
                leaves.insert(m[1]);
            }
        }
        CHECK(leaves.size() == 18);
        const std::string root = "n" + std::to_string(nodes - 1);
        std::size_t into_leaves = 0;
        std::size_t into_root = 0;
        for (const auto& line : lines) {
            std::smatch m;
            if (std::regex_search(line, m, edge)) {
                into_leaves += leaves.count(m[2]);
                into_root += m[2] == root ? 1 : 0;
            }
        }
        // 10 weights, 5 biases, y, and x1, x2 twice each: 20.
        CHECK(into_leaves == (backward ? std::size_t{20} : 0));
        CHECK(into_root == (backward ? 0 : 1));
        // Backward edges carry what the operand's adjoint receives; forward edges carry nothing.
        CHECK(count_matching(lines, R"(-> n[0-9]+ \[label=)") == (backward ? edges : 0));
    }
}

TEST_CASE("layer_code and layer_graphviz of a 2-3-1 layer graph", "[print][nn]") {
    namespace nn = memograd::nn;
    constexpr auto out = nn::weight_matrix<9, 1, 3>{} *
                             nn::activate<nn::tanh_t>(nn::weight_matrix<0, 3, 2>{} * nn::input_vector<2>{} +
                                                      nn::bias_vector<6, 3>{}) +
                         nn::bias_vector<12, 1>{};
    constexpr auto graph = nn::loss<nn::mse_t>(out, nn::target_vector<1>{});
    // By hand: leaves W0, b0, W1, b1, x, y; operations W0 x, + b0, tanh, W1 h, + b1, loss.
    using found = nn::layer_stats<decltype(graph)>;
    STATIC_REQUIRE(found::nodes == 12);
    STATIC_REQUIRE(found::operations == 6);
    STATIC_REQUIRE(found::edges == 11);
    const std::string code = nn::layer_code(graph);
    const auto lines = lines_of(code);
    CHECK(count_matching(lines, R"(^v[0-9]+ = )") == 6);
    // Each value's shape: two of 3 entries (W0 x, + b0) and tanh's, two of 1 (W1 h, + b1), the loss.
    CHECK(count_matching(lines, R"(^v[0-9]+ = .*// \[3\])") == 3);
    CHECK(count_matching(lines, R"(^v[0-9]+ = .*// \[1\])") == 3);
    // Every parameter block's gradient written once, with `=` (no block is used twice); x and y get none.
    const auto a = assignments_of(lines);
    for (const std::string block : {"W0", "b0", "W1", "b1"}) {
        INFO(block);
        CHECK(std::count(a.assigned.begin(), a.assigned.end(), "grad[" + block + "]") == 1);
    }
    CHECK(code.find("grad[x]") == std::string::npos);
    CHECK(code.find("grad[y]") == std::string::npos);
    CHECK(a.added.empty());
    const std::string dot = nn::layer_graphviz(graph);
    const auto dot_lines = lines_of(dot);
    CHECK(count_matching(dot_lines, R"(^  n[0-9]+ \[label=)") == 12);
    CHECK(count_matching(dot_lines, "->") == 11);
    CHECK(count_matching(dot_lines, R"(label="W0 \[3×2\])") == 1);
    CHECK(count_matching(dot_lines, R"(label="W1 \[1×3\])") == 1);
    for (const std::string leaf : {"b0 [3]", "b1 [1]", "x [2]", "y [1]"}) {
        INFO(leaf);
        CHECK(dot.find("label=\"" + leaf) != std::string::npos);
    }
}

TEST_CASE("the rule language: each rule evaluates and prints as written", "[print][rule]") {
    namespace rule = memograd::rule;
    using namespace rule::placeholders;
    namespace fn = rule::functions;
    // Evaluated at a point, in a constant expression.
    constexpr rule::point at{.a = 3.0, .b = 4.0, .c = 0.5, .v = 0.25, .d = 2.0};
    STATIC_REQUIRE(a(at) == 3.0 && b(at) == 4.0 && c(at) == 0.5 && v(at) == 0.25 && d(at) == 2.0);
    STATIC_REQUIRE(zero(at) == 0.0 && one(at) == 1.0 && two(at) == 2.0);
    STATIC_REQUIRE((one - v * v)(at) == 0.9375);
    STATIC_REQUIRE((-v / b)(at) == -0.0625);
    STATIC_REQUIRE((a * (b + c))(at) == 13.5);
    STATIC_REQUIRE((a - 1.0)(at) == 2.0);   // a number operand becomes a rule::number
    STATIC_REQUIRE((2.0 / b)(at) == 0.5);
    STATIC_REQUIRE(rule::as_rule(1.5)(at) == 1.5);
    STATIC_REQUIRE(rule::apply<fn::power<3>>(a)(at) == 27.0);
    STATIC_REQUIRE(rule::apply<fn::power<0>>(a)(at) == 1.0);
    STATIC_REQUIRE(rule::apply<fn::relu>(-a)(at) == 0.0);
    STATIC_REQUIRE(rule::apply<fn::step>(a)(at) == 1.0);
    STATIC_REQUIRE(fn::step::apply(0.0) == 0.0);
    STATIC_REQUIRE(fn::relu::apply(-1.0) == 0.0 && fn::relu::apply(1.5) == 1.5);
    STATIC_REQUIRE(fn::exp::apply(0.0) == 1.0);
    STATIC_REQUIRE(fn::log::apply(1.0) == 0.0);
    STATIC_REQUIRE(fn::tanh::apply(0.0) == 0.0);
    STATIC_REQUIRE(fn::sigmoid::apply(0.0) == 0.5);
    STATIC_REQUIRE(rule::Rule<decltype(one - v * v)> && !rule::Rule<double>);
    STATIC_REQUIRE(rule::rule_operands<decltype(a), double> && !rule::rule_operands<double, double>);
    // Printed with the caller's names, parentheses only where precedence needs them.
    const rule::spelling names{.a = "v1", .b = "v2", .c = "0.5", .v = "v3", .d = "d3"};
    CHECK((one - v * v).print(names) == "1.0 - v3 * v3");
    CHECK((d * (one - v * v)).print(names) == "d3 * (1.0 - v3 * v3)");
    CHECK((-v / b).print(names) == "-v3 / v2");
    CHECK((a - (b - c)).print(names) == "v1 - (v2 - 0.5)");
    CHECK((a - b - c).print(names) == "v1 - v2 - 0.5");
    CHECK((a / (b * c)).print(names) == "v1 / (v2 * 0.5)");
    CHECK((-(a + b)).print(names) == "-(v1 + v2)");
    CHECK(rule::number{-1.0}.print(names) == "(-1.0)");
    CHECK(rule::apply<fn::power<3>>(a).print(names) == "pow<3>(v1)");
    CHECK(rule::apply<fn::sigmoid>(a + b).print(names) == "sigmoid(v1 + v2)");
    CHECK(fn::exp::print("t") == "exp(t)");
    CHECK(fn::log::print("t") == "log(t)");
    CHECK(fn::tanh::print("t") == "tanh(t)");
    CHECK(fn::sigmoid::print("t") == "sigmoid(t)");
    CHECK(fn::relu::print("t") == "relu(t)");
    CHECK(fn::step::print("t") == "step(t)");
    // Numbers as C++ double literals that read back exactly: the fewest digits, always a '.' or exponent.
    CHECK(rule::exact_text(2.0) == "2.0");
    CHECK(rule::exact_text(0.1) == "0.1");
    CHECK(rule::exact_text(1.0 / 3.0) == "0.3333333333333333");
    CHECK(rule::exact_text(1e20) == "1e+20");
    CHECK(rule::exact_text(-0.5) == "-0.5");
    CHECK(static_cast<int>(rule::precedence::sum) < static_cast<int>(rule::precedence::product));
    CHECK(static_cast<int>(rule::precedence::prefix) < static_cast<int>(rule::precedence::atom));
}
