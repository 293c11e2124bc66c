// The tutorial's first backward pass (examples/one_neuron.hpp): one neuron, L = (sigmoid(w x + b) - y)^2.
// The hand derivation is checked against central finite differences of the loss (no derivative taken by
// any code) and against memograd's value_and_grad and trace; the gate rules the chapter states are
// checked on memograd's generated code.
#include "../examples/one_neuron.hpp"
#include "catch.hpp"
#include "constexpr_close.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

namespace {

using memograd_tests::close;

constexpr auto result = memograd::value_and_grad(neuron::loss, neuron::point, neuron::target);
constexpr auto traced = memograd::trace(neuron::loss, neuron::point, neuron::target);

neuron::values_and_adjoints hand() {
    return neuron::by_hand(neuron::point[0], neuron::point[1], neuron::point[2], neuron::target[0]);
}

}  // namespace

TEST_CASE("the hand derivation of one neuron agrees with central finite differences", "[tutorial]") {
    const auto h = hand();
    const auto slope = neuron::finite_differences(neuron::point, neuron::target[0]);
    const std::array<double, 3> by_hand = {h.dw, h.dx, h.db};
    for (std::size_t i = 0; i < by_hand.size(); ++i) {
        INFO(neuron::names[i]);
        // The central difference is off by about h² L''' / 6 plus rounding, 1e-16 / h: below 1e-9 here.
        CHECK(std::abs(by_hand[i] - slope[i]) < 1e-9);
    }
    CHECK(h.L == neuron::loss_at(neuron::point[0], neuron::point[1], neuron::point[2], neuron::target[0]));
}

TEST_CASE("the hand derivation of one neuron agrees with memograd, node by node", "[tutorial]") {
    const auto h = hand();
    CHECK(close(result.value, h.L));
    CHECK(close(result.grad[0], h.dw));
    CHECK(close(result.grad[1], h.dx));
    CHECK(close(result.grad[2], h.db));
    for (const auto& n : neuron::operations(h)) {
        INFO(n.name);
        CHECK(close(traced.value_of(n.name), n.value));
        CHECK(close(traced.adjoint_of(n.name), n.adjoint));
    }
}

TEST_CASE("the gate rules of one neuron, in memograd's generated code", "[tutorial]") {
    // add passes its adjoint on: z = p + b gives p and b the adjoint of z.
    STATIC_REQUIRE(traced.adjoint_of("p") == traced.adjoint_of("z"));
    STATIC_REQUIRE(result.grad[2] == traced.adjoint_of("z"));
    // multiply swaps its operands: p = w · x gives w the adjoint of p times x, and x the adjoint times w.
    STATIC_REQUIRE(result.grad[0] == traced.adjoint_of("p") * neuron::point[1]);
    STATIC_REQUIRE(result.grad[1] == traced.adjoint_of("p") * neuron::point[0]);
    // a fork adds its users' terms: in e · e, e is used twice, and its adjoint is the sum of two terms.
    const std::string fork = memograd::backward_code(neuron::loss_as_product, neuron::names);
    CHECK(fork.find("de = dL * e;\nde += dL * e;\n") != std::string::npos);
    constexpr auto as_product = memograd::value_and_grad(neuron::loss_as_product, neuron::point, neuron::target);
    STATIC_REQUIRE(close(as_product.grad[0], result.grad[0]) && close(as_product.grad[2], result.grad[2]));
}
