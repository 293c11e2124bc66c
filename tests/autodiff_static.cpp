// Compile-time claims of the backpropagation half: every check is a static_assert (STATIC_REQUIRE).
// Expected values are hand derivations, written next to each check.
#include "catch.hpp"
#include "constexpr_close.hpp"
#include <memograd/autodiff/dense_network.hpp>

#include <memograd/autodiff.hpp>

#include <boost/hana/for_each.hpp>
#include <boost/hana/range.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace {

using namespace memograd;

constexpr var<0> x;
constexpr var<1> y;

using memograd_tests::close;

}  // namespace

TEST_CASE("value_and_grad is a constant expression", "[autodiff][static]") {
    //! [value_and_grad]
    static_assert(memograd::value_and_grad(x * x, std::array{3.0}).grad[0] == 6.0);
    //! [value_and_grad]
    constexpr auto r = value_and_grad(x * y + 3.0 * x, std::array{2.0, 5.0});
    STATIC_REQUIRE(r.value == 16.0);    // 2*5 + 6
    STATIC_REQUIRE(r.grad[0] == 8.0);   // y + 3
    STATIC_REQUIRE(r.grad[1] == 2.0);   // x
    // A lone input: value x1, gradient e_1; inputs the expression does not use get 0.
    constexpr auto lone = value_and_grad(y, std::array{2.0, 5.0, 7.0});
    STATIC_REQUIRE(lone.value == 5.0);
    STATIC_REQUIRE(lone.grad == std::array{0.0, 1.0, 0.0});
}

TEST_CASE("every operation's derivative matches its hand derivation", "[autodiff][static]") {
    constexpr std::array p{0.7, -1.3};
    STATIC_REQUIRE(value_and_grad(x + y, p).grad == std::array{1.0, 1.0});
    STATIC_REQUIRE(value_and_grad(x - y, p).grad == std::array{1.0, -1.0});
    STATIC_REQUIRE(value_and_grad(x * y, p).grad == std::array{-1.3, 0.7});
    STATIC_REQUIRE(close(value_and_grad(x / y, p).grad[0], 1.0 / -1.3));
    STATIC_REQUIRE(close(value_and_grad(x / y, p).grad[1], -0.7 / (1.3 * 1.3)));
    STATIC_REQUIRE(value_and_grad(-x, p).grad[0] == -1.0);
    STATIC_REQUIRE(close(value_and_grad(exp(x), p).grad[0], 2.0137527074704766));         // e^0.7
    STATIC_REQUIRE(close(value_and_grad(log(x), p).grad[0], 1.0 / 0.7));
    STATIC_REQUIRE(close(value_and_grad(tanh(x), p).grad[0], 0.6347395899824583));        // 1 - tanh(0.7)^2
    STATIC_REQUIRE(close(value_and_grad(sigmoid(x), p).grad[0], 0.22171287329310904));    // s(1-s), s = s(0.7); Python
    STATIC_REQUIRE(value_and_grad(relu(x), p).grad[0] == 1.0);
    STATIC_REQUIRE(value_and_grad(relu(y), p).grad[1] == 0.0);
    STATIC_REQUIRE(value_and_grad(relu(x), std::array{0.0}).grad[0] == 0.0);  // relu'(0) := 0
    STATIC_REQUIRE(close(value_and_grad(square(x), p).grad[0], 1.4));
    STATIC_REQUIRE(close(value_and_grad(pow<3>(x), p).grad[0], 3 * 0.49));
    STATIC_REQUIRE(value_and_grad(pow<0>(x), p).grad[0] == 0.0);
    STATIC_REQUIRE(value_and_grad(x + 2.0, p).grad[0] == 1.0);
    STATIC_REQUIRE(value_and_grad(2.0 - x, p).grad[0] == -1.0);
    STATIC_REQUIRE(value_and_grad(x * 4.0, p).grad[0] == 4.0);
    STATIC_REQUIRE(close(value_and_grad(x / 4.0, p).grad[0], 0.25));
    STATIC_REQUIRE(close(value_and_grad(2.0 / x, p).grad[0], -2.0 / 0.49));
}

TEST_CASE("shared subexpressions are one node; equal shapes with different constants are not", "[autodiff][static]") {
    // h used three times: nodes x, y, x*y, +0.5, tanh, h*h, h*h + h = 7 (a tree would have 17).
    constexpr auto h = tanh(x * y + 0.5);
    using shared = decltype(h * h + h);
    STATIC_REQUIRE(stats<shared>::nodes == 7);
    STATIC_REQUIRE(stats<shared>::tree_nodes == 17);
    STATIC_REQUIRE(stats<shared>::edges == 8);
    // (x + 1)(x + 2) = x^2 + 3x + 2: value 20 and slope 2x + 3 = 9 at x = 3, whatever merging does.
    constexpr auto r = value_and_grad((x + 1.0) * (x + 2.0), std::array{3.0});
    STATIC_REQUIRE(r.value == 20.0);
    STATIC_REQUIRE(r.grad[0] == 9.0);
    constexpr auto same = value_and_grad((x + 1.0) * (x + 1.0), std::array{3.0});
    STATIC_REQUIRE(same.value == 16.0);
    STATIC_REQUIRE(same.grad[0] == 8.0);
}

TEST_CASE("path-sum terms grow exponentially with depth, memoized work linearly", "[autodiff][static]") {
    using memograd::dense_network_loss;
    using d1 = decltype(dense_network_loss<2, 2, 1>());
    using d2 = decltype(dense_network_loss<2, 2, 2>());
    using d3 = decltype(dense_network_loss<2, 2, 3>());
    using d6 = decltype(dense_network_loss<2, 2, 6>());
    // Each hidden layer of width 2 adds the same graph: 2 neurons of (2 products, 2 sums, 1 tanh).
    constexpr std::size_t per_layer = stats<d3>::backward_ops - stats<d2>::backward_ops;
    STATIC_REQUIRE(per_layer == std::size_t{2} * (2 * 2 + 2 * 2 + 1));  // per neuron: 2 products (2 edges each), 2 sums, tanh
    STATIC_REQUIRE(stats<d2>::backward_ops - stats<d1>::backward_ops == per_layer);
    STATIC_REQUIRE(stats<d6>::backward_ops == stats<d2>::backward_ops + 4 * per_layer);
    // Layer by layer, depth 1 to 7: the memoized work grows by the same amount, the path terms at least
    // double (more than double: the weights of each new layer add paths of their own).
    boost::hana::for_each(boost::hana::make_range(boost::hana::size_c<1>, boost::hana::size_c<7>), [](auto depth) {
        constexpr std::size_t d = decltype(depth)::value;
        using shallow = decltype(dense_network_loss<2, 2, d>());
        using deeper = decltype(dense_network_loss<2, 2, d + 1>());
        static_assert(stats<deeper>::backward_ops - stats<shallow>::backward_ops == per_layer);
        static_assert(stats<deeper>::path_terms >= 2 * stats<shallow>::path_terms);
    });
    // Paths from the loss to input x0 double with every layer: the path sum's terms grow as 2^depth.
    STATIC_REQUIRE(stats<d6>::path_terms > 30 * stats<d1>::path_terms);
    // Both methods agree.
    constexpr std::array<double, memograd::dense_network_vars<2, 2, 6>> p = [] {
        std::array<double, memograd::dense_network_vars<2, 2, 6>> a{};
        for (std::size_t i = 0; i < a.size(); ++i) {
            a[i] = 0.1 * static_cast<double>(i % 7) - 0.3;
        }
        return a;
    }();
    constexpr auto memo = value_and_grad(dense_network_loss<2, 2, 6>(), p);
    constexpr auto naive = path_sum_value_and_grad(dense_network_loss<2, 2, 6>(), p);
    STATIC_REQUIRE(close(memo.value, naive.value));
    STATIC_REQUIRE(close(memo.grad[0], naive.grad[0], 1e-13));
    STATIC_REQUIRE(close(memo.grad[2], naive.grad[2], 1e-13));
    STATIC_REQUIRE(naive.path_terms == static_cast<std::uint64_t>(stats<d6>::path_terms));
}

namespace {
template <class E, class X>
concept differentiable_at = requires(E e, X a) { memograd::value_and_grad(e, a); };
template <class L, class R>
concept addable = requires(L l, R r) { l + r; };
}  // namespace

TEST_CASE("misuse is rejected at compile time", "[autodiff][static]") {
    STATIC_REQUIRE(addable<var<0>, double>);
    STATIC_REQUIRE(addable<var<0>, var<1>>);
    STATIC_REQUIRE(differentiable_at<var<1>, std::array<double, 2>>);
}
