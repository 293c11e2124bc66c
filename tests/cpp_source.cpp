// cpp_source: the emitted C++ compiles on its own and computes the same bits as value_and_grad. The
// emitted functions are a separate program (written by cpp_source_emit at build time, with only <cmath>),
// so every printed rule is compiled and evaluated against the rule the passes run.
#include "catch.hpp"
#include "cpp_source_expressions.hpp"

#include <memograd_emitted_sources.hpp>  // generated at build time

#include <array>
#include <cstddef>
#include <random>
#include <string>

namespace {
namespace e = memograd_tests::emitted;

template <class Emitted, class E, std::size_t K>
void check_bitwise(Emitted emitted, const E& expr, const std::array<double, K>& x,
                   const std::array<double, 2>& data) {
    std::array<double, K> grad{};
    const double value = emitted(x.data(), data.data(), grad.data());
    const auto expected = memograd::value_and_grad(expr, x, data);
    CHECK(value == expected.value);
    for (std::size_t i = 0; i < K; ++i) {
        INFO("grad[" << i << "]");
        CHECK(grad[i] == expected.grad[i]);
    }
}
}  // namespace

TEST_CASE("emitted C++ computes value_and_grad's bits", "[autodiff][runtime][cpp_source]") {
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> point(-1.5, 1.5);
    for (int trial = 0; trial < 200; ++trial) {
        const std::array at{point(rng), point(rng)};
        const std::array data{point(rng), point(rng)};
        INFO("x = " << at[0] << ", " << at[1]);
        check_bitwise(&every_rule, e::every_rule, at, data);
        check_bitwise(&run_time_numbers, e::run_time_numbers, at, data);
        check_bitwise(&with_data, e::with_data, at, data);
        std::array<double, memograd::dense_network_vars<2, 4, 2>> weights{};
        for (double& w : weights) {
            w = 0.5 * point(rng);
        }
        check_bitwise(&network, e::network, weights, data);
    }
}

TEST_CASE("cpp_source prints constants exactly and names what it emits", "[autodiff][cpp_source]") {
    //! [emit cpp_source]
    using memograd::var;
    const std::string source = memograd::cpp_source(var<0>{} * memograd::constant<0.1>{} + 1.0 / 3.0, "f");
    //! [emit cpp_source]
    CHECK(source.find("inline double f(") != std::string::npos);
    CHECK(source.find("x[0] * 0.1;") != std::string::npos);                  // 0.1 reads back as 0.1
    CHECK(source.find("0.3333333333333333;") != std::string::npos);  // the shortest text that reads back
    CHECK(source.find("memograd::") == source.find("memograd::cpp_source"));  // only in the header comment
}
