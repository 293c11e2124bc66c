// Compile-time claims of the backpropagation half: every check is a static_assert (STATIC_REQUIRE).
// Expected values are hand derivations, written next to each check.
#include "catch.hpp"
#include "constexpr_close.hpp"
#include <memograd/autodiff/dense_network.hpp>

#include <memograd/autodiff.hpp>
#include <memograd/nn/activation.hpp>

#include <boost/hana/for_each.hpp>
#include <boost/hana/range.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>
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
    // The forward pass alone: 2*5 + 6 again, and with a run-time double (per-occurrence root) and data.
    //! [evaluate]
    static_assert(memograd::evaluate(x * y + 3.0 * x, std::array{2.0, 5.0}) == 16.0);
    static_assert(memograd::evaluate(x - memograd::data<0>{}, std::array{2.0}, std::array{0.5}) == 1.5);
    //! [evaluate]
    STATIC_REQUIRE(memograd::evaluate(tanh(x) * tanh(x), std::array{0.0}) == 0.0);
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

TEST_CASE("an expression's type is its graph", "[autodiff][static]") {
    // The glossary's example of an expression template.
    STATIC_REQUIRE(std::is_same_v<decltype(var<0>{} * var<1>{}), binary<ops::multiply, var<0>, var<1>>>);
}

TEST_CASE("shared subexpressions are one node; run-time numbers are evaluated per occurrence", "[autodiff][static]") {
    //! [stats]
    // A constant in the type: h is one node. Nodes x, y, x*y, 0.5, +, tanh, h*h, h*h + h = 8; a tree
    // would have 20 (h alone is 6: tanh, +, *, x, y, 0.5).
    constexpr auto h = tanh(x * y + constant<0.5>{});
    using shared = decltype(h * h + h);
    STATIC_REQUIRE(stats<shared>::nodes == 8);
    STATIC_REQUIRE(stats<shared>::occurrence_nodes == 0);
    STATIC_REQUIRE(stats<shared>::tree_nodes == 20);
    STATIC_REQUIRE(stats<shared>::edges == 9);  // 2 + 2 + 1 + 2 + 2
    // A run-time 0.5: x, y, x*y stay shared (3 nodes); each of the three occurrences of h evaluates
    // its own + 0.5 and tanh, plus h*h and the root: 8 nodes evaluated per occurrence.
    constexpr auto h_run_time = tanh(x * y + 0.5);
    using per_occurrence = decltype(h_run_time * h_run_time + h_run_time);
    STATIC_REQUIRE(stats<per_occurrence>::nodes == 3);
    STATIC_REQUIRE(stats<per_occurrence>::occurrence_nodes == 8);
    //! [stats]
    // Both give h^2 + h with h = tanh(x y + 0.5): at (0.3, 0.7), h = tanh(0.71).
    constexpr std::array at{0.3, 0.7};
    constexpr auto typed = value_and_grad(h * h + h, at);
    constexpr auto run_time = value_and_grad(h_run_time * h_run_time + h_run_time, at);
    STATIC_REQUIRE(typed.value == run_time.value);
    STATIC_REQUIRE(close(typed.grad[0], run_time.grad[0], 1e-15));
    STATIC_REQUIRE(close(typed.grad[1], run_time.grad[1], 1e-15));
    // (x + 1)(x + 2) = x^2 + 3x + 2: value 20 and slope 2x + 3 = 9 at x = 3. Equal types, different numbers.
    constexpr auto r = value_and_grad((x + 1.0) * (x + 2.0), std::array{3.0});
    STATIC_REQUIRE(r.value == 20.0);
    STATIC_REQUIRE(r.grad[0] == 9.0);
    constexpr auto same = value_and_grad((x + 1.0) * (x + 1.0), std::array{3.0});
    STATIC_REQUIRE(same.value == 16.0);
    STATIC_REQUIRE(same.grad[0] == 8.0);
    // Two constants of one value are one node: x * 0.5 written twice is one product.
    using halves = decltype(x * constant<0.5>{} + x * constant<0.5>{});
    STATIC_REQUIRE(stats<halves>::nodes == 4);  // x, 0.5, x * 0.5, +
    using different = decltype(x * constant<0.5>{} + x * constant<0.25>{});
    STATIC_REQUIRE(stats<different>::nodes == 6);  // x, 0.5, 0.25, two products, +
}

TEST_CASE("data leaves are read, shared and never differentiated", "[autodiff][static]") {
    //! [data leaves]
    // (x - t)^2 with the target t = data[0]: value (3 - 1)^2 = 4, slope 2 (x - t) = 4.
    constexpr auto loss = square(var<0>{} - data<0>{});
    constexpr auto r = value_and_grad(loss, std::array{3.0}, std::array{1.0});
    static_assert(r.value == 4.0 && r.grad[0] == 4.0);
    //! [data leaves]
    STATIC_REQUIRE(stats<decltype(loss)>::nodes == 4);   // x, t, x - t, square
    STATIC_REQUIRE(stats<decltype(loss)>::inputs == 1);  // only x is differentiated
    STATIC_REQUIRE(stats<decltype(loss)>::path_terms == 1);
    // Data may sit anywhere, and twice: d/dx (x t + t) = t.
    constexpr auto twice = value_and_grad(var<0>{} * data<1>{} + data<1>{}, std::array{2.0}, std::array{9.0, 5.0});
    STATIC_REQUIRE(twice.value == 15.0);
    STATIC_REQUIRE(twice.grad[0] == 5.0);
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
    // The activation is a parameter: sigmoid_activation gives the same graph with sigmoid for tanh.
    STATIC_REQUIRE(std::is_same_v<decltype(sigmoid_activation{}(x)), decltype(sigmoid(x))>);
    STATIC_REQUIRE(std::is_same_v<decltype(tanh_activation{}(x)), decltype(tanh(x))>);
    using d2_sigmoid = decltype(dense_network_loss<2, 2, 2, sigmoid_activation>());
    STATIC_REQUIRE(stats<d2_sigmoid>::nodes == stats<d2>::nodes);
    STATIC_REQUIRE(!std::is_same_v<d2_sigmoid, d2>);
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

TEST_CASE("relu(NaN) is NaN with slope NaN in constant expressions", "[autodiff][static]") {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    // By hand: NaN is neither > 0 nor <= 0, so relu and its slope (step) pass it through; elsewhere
    // relu(-2) = 0 with slope 0, relu(-0) = 0 with slope 0, relu(3) = 3 with slope 1.
    namespace fn = rule::functions;
    STATIC_REQUIRE(fn::relu::apply(nan) != fn::relu::apply(nan));
    STATIC_REQUIRE(fn::step::apply(nan) != fn::step::apply(nan));
    STATIC_REQUIRE(fn::relu::apply(-2.0) == 0.0 && fn::step::apply(-2.0) == 0.0);
    STATIC_REQUIRE(fn::relu::apply(-0.0) == 0.0 && fn::step::apply(-0.0) == 0.0);
    STATIC_REQUIRE(fn::relu::apply(3.0) == 3.0 && fn::step::apply(3.0) == 1.0);
    // The layer activation: relu_t(NaN) = NaN, and its slope read from the output NaN is NaN.
    STATIC_REQUIRE(nn::relu_t::value(nan) != nn::relu_t::value(nan));
    STATIC_REQUIRE(nn::relu_t::derivative_from_output(nan) != nn::relu_t::derivative_from_output(nan));
#if !defined(__clang__)
    // Through the passes (GCC; Clang 19 stops a constant evaluation at any arithmetic that gives NaN, so
    // there a NaN input is a compile error). d/dy (relu(x) + y) = 1 in reverse mode and the path sum (no
    // path from y passes relu); forward mode's tangent along e_1 is relu'(x) * 0 + 1 = NaN * 0 + 1 = NaN.
    constexpr std::array at{nan, 2.0};
    constexpr auto reverse = value_and_grad(relu(x) + y, at);
    STATIC_REQUIRE(reverse.value != reverse.value);
    STATIC_REQUIRE(reverse.grad[0] != reverse.grad[0]);
    STATIC_REQUIRE(reverse.grad[1] == 1.0);
    constexpr auto forward = forward_mode_gradient(relu(x) + y, at);
    STATIC_REQUIRE(forward.value != forward.value);
    STATIC_REQUIRE(forward.grad[0] != forward.grad[0]);
    STATIC_REQUIRE(forward.grad[1] != forward.grad[1]);
    constexpr auto paths = path_sum_value_and_grad(relu(x) + y, at);
    STATIC_REQUIRE(paths.value != paths.value);
    STATIC_REQUIRE(paths.grad[0] != paths.grad[0]);
    STATIC_REQUIRE(paths.grad[1] == 1.0);
#endif
}

TEST_CASE("both path sums read constant<V> leaves", "[autodiff][static]") {
    // e = 2.5 x + x y - 1.5 at (x, y) = (3, 4), by hand: value 7.5 + 12 - 1.5 = 18; de/dx = 2.5 + y = 6.5,
    // de/dy = x = 3. Paths to a variable: x through 2.5 x and through x y, y through x y: 3.
    constexpr auto e = x * constant<2.5>{} + x * y - constant<1.5>{};
    constexpr std::array at{3.0, 4.0};
    constexpr auto enumerated = path_enumeration_value_and_grad(e, at);
    STATIC_REQUIRE(enumerated.value == 18.0);
    STATIC_REQUIRE(enumerated.grad[0] == 6.5);
    STATIC_REQUIRE(enumerated.grad[1] == 3.0);
    STATIC_REQUIRE(enumerated.path_terms == 3);
    constexpr auto walked = path_sum_value_and_grad(e, at);
    STATIC_REQUIRE(walked.value == 18.0);
    STATIC_REQUIRE(walked.grad[0] == 6.5);
    STATIC_REQUIRE(walked.grad[1] == 3.0);
    STATIC_REQUIRE(walked.path_terms == 3);
    // A constant as the whole expression: value 1.5, no paths, zero gradient.
    constexpr auto lone = path_enumeration_value_and_grad(constant<1.5>{}, at);
    STATIC_REQUIRE(lone.value == 1.5);
    STATIC_REQUIRE(lone.grad[0] == 0.0);
    STATIC_REQUIRE(lone.path_terms == 0);
    // With data<J> leaves beside the constant: e = (x - d0) * 0.5 at x = 3, d0 = 1: value 1, de/dx = 0.5.
    constexpr auto with_data = path_enumeration_value_and_grad((x - data<0>{}) * constant<0.5>{}, std::array{3.0},
                                                               std::array{1.0});
    STATIC_REQUIRE(with_data.value == 1.0);
    STATIC_REQUIRE(with_data.grad[0] == 0.5);
}

namespace {
template <class E, class X>
concept differentiable_at = requires(E e, X a) { memograd::value_and_grad(e, a); };
template <class E, class X, class D>
concept differentiable_with_data = requires(E e, X a, D d) { memograd::value_and_grad(e, a, d); };
template <class E, class X, class D>
concept traceable = requires(E e, X a, D d) { memograd::trace(e, a, d); };
template <class L, class R>
concept addable = requires(L l, R r) { l + r; };
template <class L, class R>
concept multipliable = requires(L l, R r) { l * r; };
template <int N, class A>
concept powerable = requires(A a) { memograd::pow<N>(a); };
}  // namespace

TEST_CASE("misuse is not viable: requires-expressions answer false", "[autodiff][static]") {
    STATIC_REQUIRE(addable<var<0>, double>);
    STATIC_REQUIRE(addable<var<0>, var<1>>);
    STATIC_REQUIRE(addable<constant<1.5>, data<0>>);
    STATIC_REQUIRE(!addable<var<0>, const char*>);
    STATIC_REQUIRE(!multipliable<var<0>, std::array<double, 2>>);
    STATIC_REQUIRE(!multipliable<const char*, var<0>>);
    STATIC_REQUIRE(powerable<3, var<0>>);
    STATIC_REQUIRE(!powerable<-1, var<0>>);
    STATIC_REQUIRE(!powerable<2, double>);
    STATIC_REQUIRE(differentiable_at<var<1>, std::array<double, 2>>);
    STATIC_REQUIRE(!differentiable_at<var<2>, std::array<double, 2>>);     // var<2> needs three inputs
    STATIC_REQUIRE(!differentiable_at<double, std::array<double, 2>>);     // not an expression
    STATIC_REQUIRE(!differentiable_at<var<0>, std::array<float, 2>>);      // not doubles
    STATIC_REQUIRE(!differentiable_at<decltype(var<0>{} * data<0>{}), std::array<double, 1>>);  // data missing
    STATIC_REQUIRE(differentiable_with_data<decltype(var<0>{} * data<0>{}), std::array<double, 1>, std::array<double, 1>>);
    STATIC_REQUIRE(!differentiable_with_data<decltype(var<0>{} * data<3>{}), std::array<double, 1>, std::array<double, 2>>);
    STATIC_REQUIRE(traceable<decltype(var<0>{} * constant<0.5>{}), std::array<double, 1>, std::array<double, 0>>);
    STATIC_REQUIRE(!traceable<decltype(var<0>{} * 0.5), std::array<double, 1>, std::array<double, 0>>);  // run-time double
}

// A node type and an operation written outside the library, through the node protocol (node.hpp) and the
// rule language (rule.hpp): softplus(a) = log(1 + e^a), whose derivative is sigmoid(a).
namespace {
struct softplus_op {
    static constexpr std::string_view name = "softplus";
    static constexpr auto value =
        rule::apply<rule::functions::log>(rule::placeholders::one + rule::apply<rule::functions::exp>(rule::placeholders::a));
    static constexpr auto derivative = rule::apply<rule::functions::sigmoid>(rule::placeholders::a);
};
template <class A>
struct softplus_node {
    A arg;
};
}  // namespace

template <class A>
struct memograd::node_traits<softplus_node<A>> {
    static constexpr node_kind kind = node_kind::operation;
    static constexpr node_family family = node_family::scalar;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
    using op = softplus_op;
    using operands = operand_list<A>;
    template <std::size_t S>
    static constexpr const A& operand(const softplus_node<A>& node) {
        return node.arg;
    }
};

TEST_CASE("a node type and an operation of one's own join the graph through node_traits", "[autodiff][static]") {
    using node = softplus_node<var<0>>;
    STATIC_REQUIRE(UnaryRule<softplus_op>);
    STATIC_REQUIRE(!BinaryRule<softplus_op>);
    STATIC_REQUIRE(!ScalarRule<softplus_op>);
    STATIC_REQUIRE(BinaryRule<ops::divide>);
    STATIC_REQUIRE(ScalarRule<ops::divide_by_scalar>);
    STATIC_REQUIRE(Node<node> && OperationNode<node> && !LeafNode<node> && !ScalarOperationNode<node>);
    STATIC_REQUIRE(Expression<node>);
    STATIC_REQUIRE(LeafNode<var<0>> && LeafNode<data<0>> && !OperationNode<var<0>>);
    STATIC_REQUIRE(ScalarOperationNode<decltype(x + 1.0)> && OperationNode<decltype(x + 1.0)>);
    STATIC_REQUIRE(!Node<int> && !Expression<double>);
    STATIC_REQUIRE(node_traits<node>::operands::size == 1);
    STATIC_REQUIRE(node_traits<decltype(x * y)>::operands::size == 2);
    // d/dx softplus(x) y = sigmoid(x) y. Python: log(1 + e^0.5) = 0.9740769841801067,
    // 1/(1 + e^-0.5) = 0.6224593312018546.
    constexpr auto r = value_and_grad(node{x} * y, std::array{0.5, 2.0});
    STATIC_REQUIRE(close(r.value, 2 * 0.9740769841801067));
    STATIC_REQUIRE(close(r.grad[0], 2 * 0.6224593312018546));
    STATIC_REQUIRE(close(r.grad[1], 0.9740769841801067));
    // Shared like any node: softplus(x) used twice is one node.
    STATIC_REQUIRE(stats<decltype(node{x} * node{x})>::nodes == 3);
    STATIC_REQUIRE(&derivative_rule<softplus_op, 0>() == &softplus_op::derivative);
    STATIC_REQUIRE(&derivative_rule<ops::divide, 1>() == &ops::divide::derivative_b);
}

// A node type of one's own whose traits name a two-operand op over one operand.
namespace {
template <class A>
struct mislabelled_node {
    A arg;
};
}  // namespace

template <class A>
struct memograd::node_traits<mislabelled_node<A>> : memograd::node_traits<softplus_node<A>> {
    using op = ops::multiply;
};

TEST_CASE("an operation node whose op does not take its operand count is not a node", "[autodiff][static]") {
    // unary<ops::add, A> read a + a (x = 3: value 6, slope 1); binary<ops::tanh, L, R> never wrote R's adjoint.
    using unary_add = unary<ops::add, var<0>>;
    using binary_tanh = binary<ops::tanh, var<0>, var<1>>;
    using unary_add_scalar = unary<ops::add_scalar, var<0>>;  // reads a run-time c the node does not hold
    using scalar_tanh = with_scalar<ops::tanh, var<0>>;       // holds a c the op never reads
    using scalar_add = with_scalar<ops::add, var<0>>;
    STATIC_REQUIRE(!Node<unary_add> && !OperationNode<unary_add> && !Expression<unary_add>);
    STATIC_REQUIRE(!Node<binary_tanh> && !OperationNode<binary_tanh> && !Expression<binary_tanh>);
    STATIC_REQUIRE(!Expression<unary_add_scalar> && !Expression<scalar_tanh> && !Expression<scalar_add>);
    STATIC_REQUIRE(!Expression<const unary_add&>);
    STATIC_REQUIRE(!Node<mislabelled_node<var<0>>> && !Expression<mislabelled_node<var<0>>>);
    STATIC_REQUIRE(!differentiable_at<unary_add, std::array<double, 1>>);
    STATIC_REQUIRE(!differentiable_at<binary_tanh, std::array<double, 2>>);
    STATIC_REQUIRE(!differentiable_at<scalar_add, std::array<double, 1>>);
    STATIC_REQUIRE(!addable<unary_add, var<0>> && !addable<double, binary_tanh>);
    // The same spellings with an op of the node's operand count: nodes, with the hand derivatives.
    using unary_tanh = unary<ops::tanh, var<0>>;
    using binary_add = binary<ops::add, var<0>, var<1>>;
    using scalar_add_scalar = with_scalar<ops::add_scalar, var<0>>;
    STATIC_REQUIRE(Node<unary_tanh> && OperationNode<unary_tanh> && Expression<unary_tanh>);
    STATIC_REQUIRE(Expression<binary_add> && Expression<scalar_add_scalar> && ScalarOperationNode<scalar_add_scalar>);
    STATIC_REQUIRE(differentiable_at<unary_tanh, std::array<double, 1>>);
    STATIC_REQUIRE(differentiable_at<binary_add, std::array<double, 2>>);
    STATIC_REQUIRE(addable<unary_tanh, var<0>>);
    constexpr auto sum = value_and_grad(binary_add{}, std::array{3.0, 4.0});
    STATIC_REQUIRE(sum.value == 7.0);
    STATIC_REQUIRE(sum.grad[0] == 1.0);
    STATIC_REQUIRE(sum.grad[1] == 1.0);
    constexpr auto shifted = value_and_grad(scalar_add_scalar{{}, 2.0}, std::array{3.0});
    STATIC_REQUIRE(shifted.value == 5.0);
    STATIC_REQUIRE(shifted.grad[0] == 1.0);
}

TEST_CASE("node identity ignores cv and reference qualification", "[autodiff][static]") {
    // x is `constexpr var<0> x`: decltype(x) is const var<0>.
    STATIC_REQUIRE(std::is_same_v<decltype(x), const var<0>>);
    using E = decltype(tanh(x * x) + x);
    // Paths from the root to x: two through tanh(x * x), one direct.
    STATIC_REQUIRE(stats<E>::toward<var<0>>::paths == 3.0);
    STATIC_REQUIRE(stats<E>::toward<decltype(x)>::paths == 3.0);
    STATIC_REQUIRE(stats<E>::toward<const var<0>&>::paths == 3.0);
    STATIC_REQUIRE(stats<E>::toward<volatile var<0>>::paths == 3.0);
    // Path lengths: 3 + 3 + 1 edges.
    STATIC_REQUIRE(stats<E>::toward<decltype(x)>::enumeration_products == 7.0);
    STATIC_REQUIRE(stats<E>::toward<var<0>>::enumeration_products == 7.0);
    // Tree edges toward x: + to tanh, tanh to *, * to x twice, + to x.
    STATIC_REQUIRE(stats<E>::toward<decltype(x)>::tree_walk_products == 5.0);
    STATIC_REQUIRE(stats<E>::toward<var<0>>::tree_walk_products == 5.0);
    // Graph edges toward x: the same five (the graph is that tree: x is one node, the edges are distinct).
    STATIC_REQUIRE(stats<E>::toward<decltype(x)>::memoized_products == 5.0);
    STATIC_REQUIRE(stats<E>::toward<var<0>>::memoized_products == 5.0);
    STATIC_REQUIRE(stats<E>::toward<var<1>>::paths == 0.0);
    STATIC_REQUIRE(memograd::detail::index_of<E, decltype(x)> == memograd::detail::index_of<E, var<0>>);
    STATIC_REQUIRE(memograd::detail::index_of<E, decltype(x)> != memograd::detail::no_node);
    STATIC_REQUIRE(memograd::detail::index_of<const E, const E&> == stats<E>::nodes - 1);
    // An operand spelled const is the node it names: x * x over var<0> and const var<0> has two nodes.
    using square_of_x = binary<ops::multiply, const var<0>, var<0>>;
    STATIC_REQUIRE(stats<square_of_x>::nodes == 2);
    STATIC_REQUIRE(stats<square_of_x>::edges == 2);
    STATIC_REQUIRE(stats<square_of_x>::toward<var<0>>::memoized_products == 2.0);
    STATIC_REQUIRE(stats<const square_of_x>::nodes == 2);
    constexpr auto r = value_and_grad(square_of_x{}, std::array{3.0});
    STATIC_REQUIRE(r.value == 9.0);
    STATIC_REQUIRE(r.grad[0] == 6.0);
}

namespace {
template <memograd::fixed_string Name>
concept nameable = requires { memograd::named<Name>(memograd::var<0>{}); };
}  // namespace

TEST_CASE("a node's name is an identifier the printers do not make themselves", "[autodiff][static]") {
    STATIC_REQUIRE(nameable<"O1_1"> && nameable<"h"> && nameable<"_t"> && nameable<"ŷ"> && nameable<"dx">);
    STATIC_REQUIRE(nameable<"v"> && nameable<"vx"> && nameable<"xs">);  // only vK, dK, tK with digits are taken
    STATIC_REQUIRE(!nameable<""> && !nameable<"1st"> && !nameable<"a b"> && !nameable<"a-b">);
    STATIC_REQUIRE(!nameable<"v3"> && !nameable<"d12"> && !nameable<"t0">);
    STATIC_REQUIRE(!nameable<"x"> && !nameable<"data"> && !nameable<"grad"> && !nameable<"value">);
}

TEST_CASE("named nodes are the nodes they name; the trace reads every value and adjoint", "[autodiff][static]") {
    constexpr memograd::fixed_string ab("ab");
    STATIC_REQUIRE(ab.view() == "ab");
    // h = x y, named: the same node, so h * h + h has the nodes of (x y)(x y) + x y.
    constexpr auto h = named<"h">(x * y);
    STATIC_REQUIRE(std::is_same_v<std::remove_cvref_t<decltype(h)>, named_node<"h", decltype(x * y)>>);
    STATIC_REQUIRE(stats<decltype(h * h + h)>::nodes == stats<decltype((x * y) * (x * y) + x * y)>::nodes);
    STATIC_REQUIRE(node_traits<std::remove_cvref_t<decltype(h)>>::name == "h");
    STATIC_REQUIRE(std::is_same_v<another_spelling_of<std::remove_cvref_t<decltype(h)>>::type, decltype(x * y)>);
    STATIC_REQUIRE(std::is_void_v<another_spelling_of<decltype(x * y)>::type>);
    // A named node reads its operands, and its run-time number, through the wrapper.
    constexpr auto shifted = named<"s">(x + 1.5);
    STATIC_REQUIRE(node_traits<std::remove_cvref_t<decltype(shifted)>>::scalar(shifted) == 1.5);
    // Operands of empty types are rebuilt from the type, so a node over them is empty too.
    STATIC_REQUIRE(std::is_same_v<decltype(node_traits<std::remove_cvref_t<decltype(h)>>::operand<1>(h)), var<1>>);
    STATIC_REQUIRE(std::is_empty_v<std::remove_cvref_t<decltype(h)>>);
    // One that holds a run-time number is stored, and read by reference.
    constexpr auto scaled = shifted * y;
    STATIC_REQUIRE(std::is_same_v<decltype(node_traits<std::remove_cvref_t<decltype(scaled)>>::operand<0>(scaled)),
                                  const std::remove_cvref_t<decltype(shifted)>&>);
    STATIC_REQUIRE(node_traits<std::remove_cvref_t<decltype(shifted)>>::scalar(
                       node_traits<std::remove_cvref_t<decltype(scaled)>>::operand<0>(scaled)) == 1.5);
    // At x = 2, y = 3: h = 6, L = h^2 + h = 42, dL/dh = 2h + 1 = 13 (by hand); dL/dx = 13 y = 39.
    constexpr auto t = trace(h * h + h, std::array{2.0, 3.0}, std::array<double, 0>{});
    STATIC_REQUIRE(t.value_of("h") == 6.0);
    STATIC_REQUIRE(t.adjoint_of("h") == 13.0);
    STATIC_REQUIRE(t.value[t.index("h")] == 6.0);
    STATIC_REQUIRE(t.result.value == 42.0);
    STATIC_REQUIRE(t.result.grad == std::array{39.0, 26.0});
}
