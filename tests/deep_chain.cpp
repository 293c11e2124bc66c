// A chain of 1,200 tanh: deeper than either compiler's default template depth (900 on GCC 12, 1,024 on
// Clang 19), analysed and differentiated as a constant. The per-type records are made as the chain is
// built, one instantiation deep each (autodiff/node_record.hpp); the analysis walks with a stack of its own.
// The generated passes run here in the compiler, the same passes as at run time (recurrence_growth.cpp
// runs them at run time on a graph of 604 nodes).
#include "catch.hpp"
#include "constexpr_close.hpp"
#include "recurrence.hpp"

#include <memograd/autodiff.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace {

/// tanh^n(x) and its derivative by hand: the chain rule along the one path, the product of 1 - h_k^2.
template <std::size_t Depth, class Tanh>
constexpr memograd::value_and_gradient<1> tanh_chain_by_hand(double x, Tanh tanh) {
    double h = x;
    double slope = 1.0;
    for (std::size_t k = 0; k < Depth; ++k) {
        h = tanh(h);
        slope *= 1.0 - h * h;
    }
    return {h, {slope}};
}

constexpr std::size_t chain_depth = 1200;
using deep_chain = memograd_tests::tanh_chain<chain_depth>;
constexpr auto constexpr_tanh = [](double z) { return memograd::math::tanh(z); };

}  // namespace

TEST_CASE("a tanh chain deeper than the template depth is one node a level, differentiated as a constant", "[autodiff][static][growth]") {
    STATIC_REQUIRE(std::is_empty_v<deep_chain>);
    STATIC_REQUIRE(memograd::stats<deep_chain>::nodes == chain_depth + 1);
    STATIC_REQUIRE(memograd::stats<deep_chain>::tree_nodes == chain_depth + 1);
    constexpr auto r = memograd::value_and_grad(deep_chain{}, std::array{0.8});
    constexpr auto expected = tanh_chain_by_hand<chain_depth>(0.8, constexpr_tanh);
    STATIC_REQUIRE(memograd_tests::close(r.value, expected.value, 1e-13));
    STATIC_REQUIRE(memograd_tests::close(r.grad[0], expected.grad[0], 1e-13));
}
