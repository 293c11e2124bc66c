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
#include "node_record.hpp"

#include <algorithm>
#include <array>
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
/// The words a node's name may not be, nor may `d` + the name (its adjoint's name, `dN`): every one
/// would read as something else in `backward_code`'s listing or in the C++ `cpp_source` emits. An entry
/// ending in `*` takes every name that begins with what precedes the `*`.
inline constexpr auto reserved_node_names = std::to_array<std::string_view>({
    // C++20's keywords ([lex.key]).
    "alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char", "char8_t", "char16_t",
    "char32_t", "class", "co_await", "co_return", "co_yield", "concept", "const", "const_cast", "consteval",
    "constexpr", "constinit", "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast",
    "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline",
    "int", "long", "mutable", "namespace", "new", "noexcept", "nullptr", "operator", "private", "protected",
    "public", "register", "reinterpret_cast", "requires", "return", "short", "signed", "sizeof", "static",
    "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local", "throw", "true",
    "try", "typedef", "typeid", "typename", "union", "unsigned", "using", "virtual", "void", "volatile",
    "wchar_t", "while",
    // C++'s alternative tokens ([lex.digraph]).
    "and", "and_eq", "bitand", "bitor", "compl", "not", "not_eq", "or", "or_eq", "xor", "xor_eq",
    // The statements' own words: the functions they call (rule.hpp's functions, defined by cpp_source's
    // preamble), the numbers that print as words, and the emitted function's parameters, result and
    // loop variable (`x`, `data` and `grad` name the caller's arrays in the listing too).
    "exp", "log", "tanh", "sigmoid", "relu", "step", "pow", "inf", "nan", "x", "data", "grad", "value", "i",
    // The names of cpp_source's file around the function: its namespace, include guard, attribute, std.
    // (The helpers' own parameters and locals, `a`, `r`, `n`, `N`, are scoped to the helpers: no clash.)
    "memograd_generated", "MEMOGRAD_GENERATED_HELPERS", "maybe_unused", "std",
    // The macros <cmath> defines (the C++ standard's, POSIX's M_ constants, and NULL, which it may).
    "NAN", "INFINITY", "HUGE_VAL*", "FP_*", "MATH_ERRNO", "MATH_ERREXCEPT", "math_errhandling", "M_*", "NULL",
});

/// Is `n` an identifier: ASCII letters, digits and `_`, and UTF-8 letters such as `ŷ`, not starting with
/// a digit?
constexpr bool is_identifier_text(std::string_view n) {
    const auto letter = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
    };
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return !n.empty() && letter(n.front()) && std::ranges::all_of(n, [&](char c) { return letter(c) || digit(c); });
}

/// Is `n` a name the printers make themselves, `vK`, `dK`, `tK`, `dtK` (K digits: values, adjoints,
/// per-occurrence values and their adjoints) or `xK` (the listing's default names of the variables)?
constexpr bool is_printer_name(std::string_view n) {
    const auto digits = [](std::string_view s) {
        return !s.empty() && std::ranges::all_of(s, [](char c) { return c >= '0' && c <= '9'; });
    };
    return (n.size() > 1 && (n.front() == 'v' || n.front() == 'd' || n.front() == 't' || n.front() == 'x') &&
            digits(n.substr(1))) ||
           (n.starts_with("dt") && digits(n.substr(2)));
}

/// Is identifier `n`, or `d` + `n`, reserved: an entry of `reserved_node_names`, or reserved to the C++
/// implementation ([lex.name]: a double underscore anywhere, or an underscore and a capital first)?
constexpr bool is_reserved_node_name(std::string_view n) {
    // Is `word` the text n, or, with `adjoint`, the text d + n?
    const auto is = [n](std::string_view word, bool adjoint) {
        if (adjoint) {
            if (!word.starts_with('d')) {
                return false;
            }
            word.remove_prefix(1);
        }
        return word.ends_with('*') ? n.starts_with(word.substr(0, word.size() - 1)) : n == word;
    };
    const bool implementation = n.find("__") != std::string_view::npos ||
                                (n.size() > 1 && n[0] == '_' && n[1] >= 'A' && n[1] <= 'Z');
    return implementation ||
           std::ranges::any_of(reserved_node_names, [&](std::string_view word) { return is(word, false) || is(word, true); });
}

/// Can `n` name a node in the listings and in `cpp_source`'s C++: an identifier (`is_identifier_text`)
/// that is none of the names the printers make (`is_printer_name`) and is not reserved, nor is its
/// adjoint's name `d` + `n` (`is_reserved_node_name`: C++'s keywords, the printed code's own names).
constexpr bool is_node_name(std::string_view n) {
    return is_identifier_text(n) && !is_printer_name(n) && !is_reserved_node_name(n);
}
}  // namespace detail

/// `expr` with the name Name (e.g. `named<"O1_1">(sigmoid(z1_1))`): the same node, printed as Name. Name
/// must be an identifier that the printers do not make themselves and that neither C++ nor the printed
/// code reserves, nor may `d` + Name be (`detail::is_node_name`); within one expression, each node has
/// one name and no other node has it (the printers check: `backward_code`).
template <fixed_string Name, Expression A>
    requires(detail::is_node_name(Name.view()))
constexpr named_node<Name, std::remove_cvref_t<A>> named(const A& expr) {
    return {detail::operand_slot<0, std::remove_cvref_t<A>>::of(expr)};
}

namespace misuse {
/// `named<"...">(expr)` with a C++ keyword or alternative token, a name reserved to the C++
/// implementation, or a name the printed code uses itself (`tanh`, `std`, `grad`, ...), or one whose
/// adjoint's name `d` + name is one of them (`o`: `do`): `detail::reserved_node_names`.
struct node_name_or_its_adjoint_d_name_is_a_cpp_keyword_or_reserved_or_used_by_the_printed_code_like_int_or_tanh_fix_choose_another_name {};
}  // namespace misuse

/// @cond MEMOGRAD_INTERNAL
template <fixed_string Name, class A, class Problem = misuse::node_name_is_not_an_identifier_or_is_a_printer_name_like_v3_fix_use_letters_digits_and_underscores>
    requires(!detail::is_identifier_text(Name.view()) || detail::is_printer_name(Name.view()))
void named(const A&) = delete;
template <fixed_string Name, class A,
          class Problem = misuse::node_name_or_its_adjoint_d_name_is_a_cpp_keyword_or_reserved_or_used_by_the_printed_code_like_int_or_tanh_fix_choose_another_name>
    requires(detail::is_identifier_text(Name.view()) && !detail::is_printer_name(Name.view()) &&
             detail::is_reserved_node_name(Name.view()))
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
