#pragma once
/// @file
/// @brief Names for nodes: `named<"O1_1">(expr)` is `expr`, printed as O1_1 by the listings and graphs.
///
/// A name changes nothing but the printing. `named<N, A>` declares itself through the node protocol as
/// the very node A (`another_spelling_of`), with the name `N`: the analysis files it under A, so
/// `named<"O1_1">(e)` and `e` are one node wherever either is written, and the passes, the path sum and
/// the counts are those of `e`. The printers' one naming pass (`name_nodes`, print.hpp) uses the name
/// for the node's value, `d` + name for its adjoint.

#include "expression.hpp"
#include "misuse.hpp"
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

/// @cond MEMOGRAD_INTERNAL
/// Node A (named by reference, `detail::operand_ref`), carrying the name Name for the printers; spelled
/// `named_node<Name, A>`.
template <fixed_string Name, class ARef>
struct named_as : detail::operand_slot<0, typename ARef::node> {};
/// @endcond
/// Node A under the name Name: the type of `named<Name>(a)`.
template <fixed_string Name, class A>
using named_node = named_as<Name, detail::operand_ref<A>>;

namespace detail {
/// Can `n` name a node in the listings and in `cpp_source`'s C++: an identifier (ASCII letters, digits and
/// `_`, and UTF-8 letters such as `ŷ`; not starting with a digit) that is none of the names the printers
/// make themselves: `vK`, `dK`, `tK` (K digits), `x`, `data`, `grad`, `value`.
constexpr bool is_node_name(std::string_view n) {
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (n.empty() || !letter(n.front()) || !std::ranges::all_of(n, [&](char c) { return letter(c) || digit(c); })) {
        return false;
    }
    const bool printer_form = n.size() > 1 && (n.front() == 'v' || n.front() == 'd' || n.front() == 't') &&
                              std::ranges::all_of(n.substr(1), digit);
    return !printer_form && n != "x" && n != "data" && n != "grad" && n != "value";
}
}  // namespace detail

/// `expr` with the name Name (e.g. `named<"O1_1">(sigmoid(z1_1))`): the same node, printed as Name. Name
/// must be an identifier that the printers do not make themselves (`detail::is_node_name`).
template <fixed_string Name, Expression A>
    requires(detail::is_node_name(Name.view()))
constexpr named_node<Name, std::remove_cvref_t<A>> named(const A& expr) {
    return {detail::operand_slot<0, std::remove_cvref_t<A>>::of(expr)};
}

/// @cond MEMOGRAD_INTERNAL
template <fixed_string Name, class A, class Problem = misuse::node_name_is_not_an_identifier_or_is_a_printer_name_like_v3_fix_use_letters_digits_and_underscores>
    requires(!detail::is_node_name(Name.view()))
void named(const A&) = delete;
/// @endcond

/// A named node is node A, spelled differently.
template <fixed_string Name, class ARef>
struct another_spelling_of<named_as<Name, ARef>> {
    using type = typename ARef::node;  ///< the node this one is
};

/// The traits of the named node, except that its operands are read through the wrapper; `name` is what
/// to call it.
template <fixed_string Name, class ARef>
struct node_traits<named_as<Name, ARef>> : node_traits<typename ARef::node> {
    /// @cond MEMOGRAD_INTERNAL
    using A = typename ARef::node;
    /// @endcond
    static constexpr std::string_view name = Name.view();  ///< its printed name
    /// Operand S of A.
    template <std::size_t S>
    static constexpr decltype(auto) operand(const named_as<Name, ARef>& n)
        requires OperationNode<A>
    {
        return node_traits<A>::template operand<S>(detail::read_operand<0>(n));
    }
    /// A's run-time number.
    static constexpr double scalar(const named_as<Name, ARef>& n)
        requires ScalarOperationNode<A>
    {
        return node_traits<A>::scalar(detail::read_operand<0>(n));
    }
};

}  // namespace memograd
