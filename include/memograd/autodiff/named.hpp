#pragma once
/// @file
/// @brief Names for nodes: `named<"O1_1">(expr)` is `expr`, printed as O1_1 by the listings and graphs.
///
/// A name changes nothing but the printing. `named<N, A>` declares itself through the node protocol as
/// the very node A (`same_node_as`), with the name `N`: the analysis files it under A, so
/// `named<"O1_1">(e)` and `e` are one node wherever either is written, and the passes, the path sum and
/// the counts are those of `e`. The printers' one naming pass (`name_nodes`, print.hpp) uses the name
/// for the node's value, `d` + name for its adjoint.

#include "expression.hpp"
#include "node.hpp"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace memograd {

/// A string usable as a template argument: `named<"O1_1">`.
template <std::size_t N>
struct fixed_string {
    char text[N]{};  ///< the characters and a terminating zero
    /// From a string literal.
    constexpr fixed_string(const char (&s)[N]) { std::copy_n(s, N, text); }  // NOLINT(google-explicit-constructor)
    /// The characters, without the terminating zero.
    [[nodiscard]] constexpr std::string_view view() const { return {text, N - 1}; }
};

/// Node A, carrying the name Name for the printers.
template <fixed_string Name, class A>
struct named_node {
    A node;  ///< the named node
};

/// `expr` with the name Name (e.g. `named<"O1_1">(sigmoid(z1_1))`): the same node, printed as Name.
template <fixed_string Name, Expression A>
constexpr named_node<Name, std::remove_cvref_t<A>> named(const A& expr) {
    return {expr};
}

/// The traits of the named node, except that its operands are read through the wrapper; `same_node_as`
/// tells the analysis that it is node A, `name` what to call it.
template <fixed_string Name, class A>
struct node_traits<named_node<Name, A>> : node_traits<A> {
    using same_node_as = A;                                  ///< the node this one is
    static constexpr std::string_view name = Name.view();  ///< its printed name
    /// Operand S of A.
    template <std::size_t S>
    static constexpr const auto& operand(const named_node<Name, A>& n)
        requires OperationNode<A>
    {
        return node_traits<A>::template operand<S>(n.node);
    }
    /// A's run-time number.
    static constexpr double scalar(const named_node<Name, A>& n)
        requires ScalarOperationNode<A>
    {
        return node_traits<A>::scalar(n.node);
    }
};

}  // namespace memograd
