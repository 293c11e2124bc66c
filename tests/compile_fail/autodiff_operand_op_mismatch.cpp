// expect: an operation node's op does not take as many operands as the node has
#include <memograd/autodiff.hpp>

#include <array>

// A node type spelled over an operand that is not a node (binary<Op, L, R> with a one-operand op): the
// analysis names the mismatch and the fix.
using memograd::var;
using bad = memograd::binary<memograd::ops::tanh, var<0>, var<1>>;
[[maybe_unused]] constexpr auto r =
    memograd::value_and_grad(memograd::binary<memograd::ops::multiply, bad, var<0>>{}, std::array{1.0, 2.0});
