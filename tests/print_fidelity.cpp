// What the printers show is what runs, and nothing prints wrong silently: numbers in any C locale, the
// listing's `=` and `+=` as the passes write them, the statement counts of `stats`. Every expected text
// and count is written out by hand here.
#include "catch.hpp"

#include "cpp_source_expressions.hpp"

#include <memograd/autodiff.hpp>
#include <memograd/autodiff/dense_network.hpp>

#include <array>
#include <clocale>
#include <cstddef>
#include <cstdio>
#include <regex>
#include <set>
#include <span>
#include <sstream>
#include <string>
#include <string_view>

namespace {

using memograd::var;

/// Switches LC_NUMERIC to a locale whose decimal point is a comma, if one is installed, and back.
class comma_locale {
public:
    comma_locale() : saved_(std::setlocale(LC_NUMERIC, nullptr)) {
        for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "fr_FR.UTF-8", "fr_FR.utf8", "fr_FR",
                                 "nl_NL.UTF-8", "ru_RU.UTF-8"}) {
            if (std::setlocale(LC_NUMERIC, name) != nullptr) {
                name_ = name;
                return;
            }
        }
    }
    comma_locale(const comma_locale&) = delete;
    comma_locale& operator=(const comma_locale&) = delete;
    ~comma_locale() { std::setlocale(LC_NUMERIC, saved_.c_str()); }
    /// The locale switched to, or empty if none is installed (the C locale stays).
    [[nodiscard]] const std::string& name() const { return name_; }

private:
    std::string saved_;
    std::string name_;
};

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

template <memograd::fixed_string Name>
concept nameable = requires { memograd::named<Name>(var<0>{}); };

/// The statements of a listing's backward part: its lines after "// backward:", comments left out.
std::size_t backward_lines(const std::string& listing) {
    std::istringstream in(listing.substr(listing.find("// backward:")));
    std::size_t count = 0;
    for (std::string line; std::getline(in, line);) {
        count += line.starts_with("//") ? 0 : 1;
    }
    return count;
}

/// Does every printer take expression E (and its trace, for graphviz's marked form)?
template <class E>
concept printable = requires(const E& e, std::span<const std::string_view> names,
                             const memograd::evaluation_trace<memograd::stats<E>::nodes, 2>& t) {
    memograd::backward_code(e);
    memograd::backward_code(e, names);
    memograd::cpp_source(e, "f");
    memograd::graphviz(e);
    memograd::graphviz(e, names, true);
    memograd::graphviz(e, names, t, var<0>{});
};

/// The identifiers of C++ text, comments left out (a number's exponent, as in 1e+20, is not one).
std::set<std::string> identifiers_of(const std::string& text) {
    const std::string code = std::regex_replace(text, std::regex("//[^\n]*"), "");
    const std::regex identifier("(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_]*)");
    std::set<std::string> found;
    for (auto m = std::sregex_iterator(code.begin(), code.end(), identifier); m != std::sregex_iterator(); ++m) {
        found.insert((*m)[2]);
    }
    return found;
}

}  // namespace

TEST_CASE("printed numbers use '.' whatever the C locale", "[print][locale]") {
    const comma_locale locale;
    INFO("LC_NUMERIC: " << (locale.name().empty() ? std::string("C (no comma locale installed)") : locale.name()));
    if (!locale.name().empty()) {  // the locale is in effect: C's own formatting writes a comma
        char text[8];
        std::snprintf(text, sizeof text, "%.1f", 0.5);
        REQUIRE(std::string(text) == "0,5");
    }
    namespace rule = memograd::rule;
    CHECK(rule::exact_text(0.5) == "0.5");
    CHECK(rule::exact_text(-0.25) == "-0.25");
    CHECK(rule::exact_text(2.0) == "2.0");
    CHECK(rule::exact_text(1.0 / 3.0) == "0.3333333333333333");
    CHECK(rule::exact_text(0.1) == "0.1");
    CHECK(rule::exact_text(1e20) == "1e+20");
    CHECK(rule::exact_text(100.0) == "1e+02");
    CHECK(rule::exact_text(0.0001) == "0.0001");
    CHECK(rule::exact_text(1234567.0) == "1234567.0");
    CHECK(rule::exact_text(1.5e-7) == "1.5e-07");
    CHECK(rule::exact_text(5e-324) == "5e-324");
    CHECK(rule::number{-1.5}.print({}) == "(-1.5)");
    // The listings and the emitted C++: x * 0.5 + 0.25 (a run-time number and a constant).
    const auto e = var<0>{} * 0.5 + memograd::constant<0.25>{};
    CHECK(memograd::backward_code(e) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "// per occurrence (a run-time number is at or below these nodes)\n"
          "t0 = x0 * 0.5;\n"
          "t1 = t0 + 0.25;\n"
          "// backward: adjoints from the root down, each computed once\n"
          "// grad starts at 0: every term is added to it\n"
          "dt0 = 1;\n"
          "grad[x0] += dt0 * 0.5;\n");
    const std::string source = memograd::cpp_source(e, "f");
    CHECK(contains(source, "    double t0 = x[0] * 0.5;\n    double t1 = t0 + 0.25;\n"));
    CHECK(contains(source, "    grad[0] += dt0 * 0.5;\n"));
    // graphviz with a trace: values and adjoints to 4 significant digits. At x = 1/3, y = 1.25: x y =
    // 0.416666..., d/dx = y = 1.25, d/dy = x = 0.3333...
    const auto product = var<0>{} * var<1>{};
    const auto t = memograd::trace(product, std::array{1.0 / 3.0, 1.25}, std::array<double, 0>{});
    const std::string dot = memograd::graphviz(product, {}, t, var<0>{});
    CHECK(contains(dot, "label=\"x0\\n0.3333 | d: 1.25\""));
    CHECK(contains(dot, "label=\"x1\\n1.25 | d: 0.3333\""));
    CHECK(contains(dot, "label=\"v2 = x0 * x1\\n0.4167 | d: 1\""));
}

TEST_CASE("the listing writes every adjoint with the pass's own = or +=", "[print]") {
    // x0 y + x0: the variables fill x once each, so first uses assign; v2 passes d3 through, and x0's
    // second term is added.
    CHECK(memograd::backward_code(var<0>{} * var<1>{} + var<0>{}) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "v2 = x0 * x1;\n"
          "v3 = v2 + x0;\n"
          "// backward: adjoints from the root down, each computed once\n"
          "d3 = 1;\n"
          "// the adjoint of v2 is d3: passed through unchanged, not copied\n"
          "grad[x0] = d3;\n"
          "grad[x0] += d3 * x1;\n"
          "grad[x1] = d3 * x0;\n");
    // x1 x1 reads x1 only, so x0 is left out: the pass zeroes the gradient and adds every term, the
    // first one too (value_and_grad at (3, 5): grad = (0, 10)).
    CHECK(memograd::backward_code(var<1>{} * var<1>{}) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "v1 = x1 * x1;\n"
          "// backward: adjoints from the root down, each computed once\n"
          "// grad starts at 0: every term is added to it\n"
          "d1 = 1;\n"
          "grad[x1] += d1 * x1;\n"
          "grad[x1] += d1 * x1;\n");
    STATIC_REQUIRE(memograd::value_and_grad(var<1>{} * var<1>{}, std::array{3.0, 5.0}).grad == std::array{0.0, 10.0});
    // A variable that is the root: its seed is added too.
    CHECK(memograd::backward_code(var<1>{}) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "// backward: adjoints from the root down, each computed once\n"
          "// grad starts at 0: every term is added to it\n"
          "grad[x1] += 1;\n");
    // A per-occurrence use of x0 (x0 * 2.0) beside graph nodes: every gradient term is added.
    CHECK(memograd::backward_code(var<0>{} * 2.0 + var<1>{} * var<1>{}) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "v2 = x1 * x1;\n"
          "// per occurrence (a run-time number is at or below these nodes)\n"
          "t0 = x0 * 2.0;\n"
          "t1 = t0 + v2;\n"
          "// backward: adjoints from the root down, each computed once\n"
          "// grad starts at 0: every term is added to it\n"
          "d2 = 0;\n"
          "dt0 = 1;\n"
          "grad[x0] += dt0 * 2.0;\n"
          "d2 += 1;\n"
          "grad[x1] += d2 * x1;\n"
          "grad[x1] += d2 * x1;\n");
    // The emitted C++ zeroes the gradient and adds, statement for statement the same.
    const std::string source = memograd::cpp_source(var<1>{} * var<1>{}, "f");
    CHECK(contains(source, "    for (int i = 0; i < 2; ++i) { grad[i] = 0; }\n"
                           "    // forward: one statement per distinct node, each value stored once\n"
                           "    double v1 = x[1] * x[1];\n"
                           "    value = v1;\n"
                           "    // backward: adjoints from the root down, each computed once\n"
                           "    double d1 = 1;\n"
                           "    grad[1] += d1 * x[1];\n"
                           "    grad[1] += d1 * x[1];\n"
                           "    return value;\n"));
}

TEST_CASE("a node's name is no C++ keyword and no name the printed code spells", "[print][named]") {
    // C++20's keywords and alternative tokens.
    STATIC_REQUIRE(!nameable<"int"> && !nameable<"class"> && !nameable<"and"> && !nameable<"co_await">);
    STATIC_REQUIRE(!nameable<"char8_t"> && !nameable<"xor_eq"> && !nameable<"requires"> && !nameable<"constinit">);
    STATIC_REQUIRE(!nameable<"concept"> && !nameable<"nullptr"> && !nameable<"this"> && !nameable<"bitor">);
    // What the listings and cpp_source print: the functions the statements call, the function's parameters
    // and locals, the numbers that print as words, the file's own names, <cmath>'s macros.
    STATIC_REQUIRE(!nameable<"tanh"> && !nameable<"exp"> && !nameable<"log"> && !nameable<"sigmoid">);
    STATIC_REQUIRE(!nameable<"relu"> && !nameable<"step"> && !nameable<"pow"> && !nameable<"std">);
    STATIC_REQUIRE(!nameable<"x"> && !nameable<"data"> && !nameable<"grad"> && !nameable<"value"> && !nameable<"i">);
    STATIC_REQUIRE(!nameable<"inf"> && !nameable<"nan"> && !nameable<"memograd_generated">);
    STATIC_REQUIRE(!nameable<"MEMOGRAD_GENERATED_HELPERS"> && !nameable<"maybe_unused">);
    STATIC_REQUIRE(!nameable<"NAN"> && !nameable<"INFINITY"> && !nameable<"HUGE_VAL"> && !nameable<"HUGE_VALL">);
    STATIC_REQUIRE(!nameable<"M_PI"> && !nameable<"M_SQRT2"> && !nameable<"FP_NAN"> && !nameable<"math_errhandling">);
    STATIC_REQUIRE(!nameable<"NULL">);
    // The names the printers make: vK, dK, tK, dtK (a per-occurrence adjoint) and xK (a variable).
    STATIC_REQUIRE(!nameable<"v3"> && !nameable<"d12"> && !nameable<"t0"> && !nameable<"dt0"> && !nameable<"dt15">);
    STATIC_REQUIRE(!nameable<"x0"> && !nameable<"x12">);
    // d + the name is the adjoint's name: "o" would make `do`, "ata" `data`.
    STATIC_REQUIRE(!nameable<"o"> && !nameable<"ata"> && !nameable<"ouble"> && !nameable<"elete">);
    STATIC_REQUIRE(!nameable<"ecltype"> && !nameable<"ynamic_cast">);
    // Reserved to the implementation: a double underscore anywhere, an underscore and a capital first.
    STATIC_REQUIRE(!nameable<"__x"> && !nameable<"a__b"> && !nameable<"_X"> && !nameable<"_Big">);
    // Names that only contain, begin or end with such words stay free.
    STATIC_REQUIRE(nameable<"int_count"> && nameable<"tanh_out"> && nameable<"classes"> && nameable<"android">);
    STATIC_REQUIRE(nameable<"h"> && nameable<"o1"> && nameable<"do_"> && nameable<"xs"> && nameable<"x_0">);
    STATIC_REQUIRE(nameable<"dt"> && nameable<"dtx"> && nameable<"_t"> && nameable<"ŷ"> && nameable<"L">);
    STATIC_REQUIRE(nameable<"M"> && nameable<"FP"> && nameable<"inferred"> && nameable<"nano"> && nameable<"ii">);
    // The helpers' own parameters live in other functions than the statements: no clash.
    STATIC_REQUIRE(nameable<"a"> && nameable<"n"> && nameable<"N"> && nameable<"r">);

    // And by property: every identifier the function cpp_source emits spells (its body: parameters,
    // locals, calls) and every macro of its file is none a node may take.
    using memograd::data;
    const auto x = var<0>{};
    const auto y = var<1>{};
    const auto every = memograd::tanh(x * y) + memograd::exp(-y) * memograd::log(2.0 + x * x) +
                       memograd::sigmoid(x - data<0>{}) + memograd::relu(y - x) + memograd::pow<3>(x) / (y + 1.5);
    const std::string source = memograd::cpp_source(every, "f");
    const auto body = source.substr(source.find("inline double f("));
    std::set<std::string> spelled = identifiers_of(body.substr(0, body.find("\n}\n")));
    spelled.erase("f");  // the caller's name for the function
    const std::regex define("#define ([A-Za-z_0-9]+)");
    for (auto m = std::sregex_iterator(source.begin(), source.end(), define); m != std::sregex_iterator(); ++m) {
        spelled.insert((*m)[1]);
    }
    for (const std::string_view name : {"x", "data", "grad", "value", "i", "tanh", "exp", "log", "sigmoid", "relu", "pow",
                                     "double", "const", "return", "for", "int", "maybe_unused",
                                     "MEMOGRAD_GENERATED_HELPERS"}) {
        INFO(name);
        CHECK(spelled.count(std::string(name)) == 1);  // the property below is not empty
    }
    for (const std::string& name : spelled) {
        INFO(name);
        CHECK(!memograd::detail::is_node_name(name));
    }
}

TEST_CASE("every printer rejects two nodes under one name, and one node under two", "[print][named]") {
    using memograd::named;
    const auto x = var<0>{};
    const auto y = var<1>{};
    // Two different nodes named h: the listing would print h = ... twice, cpp_source declare it twice.
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) + named<"h">(x + y))>);
    STATIC_REQUIRE(!printable<decltype(named<"h">(x) + named<"h">(y))>);
    // A node named dh beside one named h: dh is h's adjoint.
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) + named<"dh">(x + y))>);
    STATIC_REQUIRE(!printable<decltype(named<"dh">(x * y) + named<"h">(x + y))>);
    // One node under two names: only one could be printed (and looked up in a trace).
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) + named<"g">(x * y))>);
    STATIC_REQUIRE(!printable<decltype(named<"g">(named<"h">(x * y)))>);
    // The same below a node evaluated per occurrence (a run-time number at or above it).
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) * 2.0 + named<"h">(x - y))>);
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) * 2.0 + named<"g">(x * y))>);
    STATIC_REQUIRE(!printable<decltype(named<"h">(x * y) * 2.0 + named<"g">(x * y) * 3.0)>);
    // One node named h wherever it is written, and distinct names: printable.
    STATIC_REQUIRE(printable<decltype(named<"h">(x * y) * named<"h">(x * y))>);
    STATIC_REQUIRE(printable<decltype(named<"h">(x * y) * 2.0 + named<"h">(x * y))>);
    STATIC_REQUIRE(printable<decltype(named<"h">(x * y) + named<"g">(x + y))>);
    STATIC_REQUIRE(printable<decltype(named<"h">(x * y) + named<"dg">(x + y))>);
    STATIC_REQUIRE(printable<decltype(x * y + x)>);
    // h h, h = x0 x1 shared: dh collects both terms, then goes to x0 and x1.
    CHECK(memograd::backward_code(named<"h">(x * y) * named<"h">(x * y)) ==
          "// forward: one statement per distinct node, each value stored once\n"
          "h = x0 * x1;  // shared: 2 uses\n"
          "v3 = h * h;\n"
          "// backward: adjoints from the root down, each computed once\n"
          "d3 = 1;\n"
          "dh = d3 * h;\n"
          "dh += d3 * h;\n"
          "grad[x0] = dh * x1;\n"
          "grad[x1] = dh * x0;\n");
}

TEST_CASE("stats counts the backward statements the generated pass runs, as the listing prints them",
          "[print][stats]") {
    using memograd::data;
    using memograd::stats;
    const auto x = var<0>{};
    const auto y = var<1>{};
    // x y + x, by hand: the seed d3 = 1; v2 shares d3 (a sum passes its adjoint through), so of the four
    // edges three have a statement: grad[x0] = d3, grad[x0] += d3 * x1, grad[x1] = d3 * x0.
    using sum = stats<decltype(x * y + x)>;
    STATIC_REQUIRE(sum::edges == 4);
    STATIC_REQUIRE(sum::backward_ops == 4);
    STATIC_REQUIRE(sum::backward_statements == 4);
    // x y + data: the seed, then x y shares it and the data leaf gets nothing: grad[x0], grad[x1].
    using with_data = stats<decltype(x * y + data<0>{})>;
    STATIC_REQUIRE(with_data::backward_ops == 4);
    STATIC_REQUIRE(with_data::backward_statements == 3);
    // (x y + data) 2.0, the root per occurrence: d4 = 0 (zeroed, the occurrence adds to it), d4 += 2.0,
    // then x y shares d4: grad[x0], grad[x1].
    using scaled = stats<decltype((x * y + data<0>{}) * 2.0)>;
    STATIC_REQUIRE(scaled::backward_ops == 4);
    STATIC_REQUIRE(scaled::backward_statements == 4);
    // x 2.0 + y y: d2 = 0, dt0 = 1, grad[x0] += dt0 * 2.0, d2 += 1, then grad[x1] += ... twice.
    STATIC_REQUIRE(stats<decltype(x * 2.0 + y * y)>::backward_statements == 6);
    // A constant expression: no variable, no backward statement.
    STATIC_REQUIRE(stats<decltype(data<0>{} * data<1>{})>::backward_statements == 0);
    // The 2-16-16-1 tanh network, by hand. A neuron of k inputs, w1 x1 + ... + wk xk + b: each product
    // and each inner sum passes its user's adjoint through and shares it; each product writes its
    // weight's and its input's adjoint (2k), the bias gets one, and tanh writes its sum's (1): 2k + 2.
    // 16 neurons of 2 inputs (96), 16 of 16 (544), the linear output of 16 (33: no tanh, its sum shares
    // out - target's adjoint), the square writes out - target's adjoint, the difference the target's
    // (2), and the seed (1): 676 statements for 1,251 edges.
    using network = stats<decltype(memograd::dense_network_loss<2, 16, 2>())>;
    STATIC_REQUIRE(network::backward_ops == 1251);
    STATIC_REQUIRE(network::backward_statements == 16 * 6 + 16 * 34 + 33 + 2 + 1);
    // Each equals the lines the listing prints for its backward part.
    CHECK(backward_lines(memograd::backward_code(x * y + x)) == sum::backward_statements);
    CHECK(backward_lines(memograd::backward_code(x * y + data<0>{})) == with_data::backward_statements);
    CHECK(backward_lines(memograd::backward_code((x * y + data<0>{}) * 2.0)) == scaled::backward_statements);
    CHECK(backward_lines(memograd::backward_code(x * 2.0 + y * y)) == 6);
    CHECK(backward_lines(memograd::backward_code(data<0>{} * data<1>{})) == 0);
    CHECK(backward_lines(memograd::backward_code(memograd::dense_network_loss<2, 16, 2>())) ==
          network::backward_statements);
    namespace e = memograd_tests::emitted;
    CHECK(backward_lines(memograd::backward_code(e::every_rule)) == stats<decltype(e::every_rule)>::backward_statements);
    CHECK(backward_lines(memograd::backward_code(e::run_time_numbers)) ==
          stats<decltype(e::run_time_numbers)>::backward_statements);
    CHECK(backward_lines(memograd::backward_code(e::with_data)) == stats<decltype(e::with_data)>::backward_statements);
    CHECK(backward_lines(memograd::backward_code(e::network)) == stats<decltype(e::network)>::backward_statements);
}
