// expect: has no memograd::node_traits specialization
#include <memograd/autodiff.hpp>

// A type used as a graph node without declaring itself one: the analysis says so in one line.
struct not_a_node {};
constexpr auto n = memograd::detail::graph_of<not_a_node>.size();
