#pragma once
/// @file
/// @brief The node protocol: how every node type — scalar or layer — declares what it is.
///
/// Each node type specializes `node_traits` once, and everything that walks a graph (the analysis, the
/// generated passes, the path sum, the printers) reads that one entry point. Nothing looks for member
/// names. A type without traits is not a node: `Node<T>` is false, and the analysis says so in one line.
///
/// What the traits of node type T declare:
/// - `kind`: a `leaf` (reads an array the caller passes), a compile-time `constant`, an `operation` over
///   operands, or a `scalar_operation` (an operation that also holds a run-time `double`);
/// - `family`: `scalar` (memograd::var and friends) or `layer` (memograd::nn's vector-valued nodes);
/// - `rows`, `cols`: the shape of the node's value (1×1 for scalar nodes);
/// - leaves: `array` (0: the differentiated variables; 1, 2: data arrays) and `offset` into it;
/// - constants: `value`;
/// - operations: `using op`, `using operands = operand_list<...>`, and `operand<S>(node)` returning the
///   S-th operand object; scalar operations also `scalar(node)`. A scalar operation's op takes as many
///   operands as the node has: a `UnaryRule` over one operand, a `BinaryRule` over two, a `ScalarRule`
///   (and only it) for a `scalar_operation` (rule.hpp); a node whose op does not is not a `Node`;
/// - `name` where `another_spelling_of<T>` says T is another spelling of a node (named.hpp).

#include "../detail/always_false.hpp"
#include "rule.hpp"

#include <concepts>
#include <cstddef>
#include <type_traits>

namespace memograd {

/// What a node is.
enum class node_kind : unsigned char {
    leaf,             ///< reads a block of an array the caller passes (`var<I>`, `data<J>`, layer leaves)
    constant,         ///< a number in the type (`memograd::constant<V>`)
    operation,        ///< an operation over operand nodes
    scalar_operation  ///< an operation over one operand and a run-time double held in the object
};

/// Which node family a node belongs to: the two never mix in one expression.
enum class node_family : unsigned char {
    scalar,  ///< memograd::var, data, constant and the scalar operations
    layer    ///< memograd::nn's vectors, matrices and layer operations
};

namespace detail {
/// The arity of an operand list, in a base shared by every list of that length: a static member of
/// each list would be one more variable per node type for the compiler to keep.
template <std::size_t N>
struct operand_count {
    static constexpr std::size_t size = N;  ///< the operation's arity
};
}  // namespace detail

/// The types of an operation's operands; `size` is their number.
template <class... Operands>
struct operand_list : detail::operand_count<sizeof...(Operands)> {};

/// Specialized once per node type (see the file comment); not defined for anything else.
template <class T>
struct node_traits;

/// Specialized for a node type that is another spelling of node `type` (a named node, named.hpp): the
/// analysis files it under that node. Declared, not probed: a `requires { typename ... }` probe that fails
/// makes Clang print the whole type into its record of the failure, which is exponential in the depth of
/// reuse (the recurrence of tests/recurrence_growth.cpp: 6 s at 12 steps).
template <class T>
struct another_spelling_of {
    using type = void;  ///< not another spelling
};

namespace detail {
/// T has traits: a kind and a family.
template <class T>
concept declares_node = requires {
    { node_traits<std::remove_cvref_t<T>>::kind } -> std::convertible_to<node_kind>;
    { node_traits<std::remove_cvref_t<T>>::family } -> std::convertible_to<node_family>;
};
/// The operation kinds of node_kind.
template <class T>
concept declares_operation =
    declares_node<T> && (node_traits<std::remove_cvref_t<T>>::kind == node_kind::operation ||
                         node_traits<std::remove_cvref_t<T>>::kind == node_kind::scalar_operation);
/// A scalar operation whose op's rule kind (rule.hpp) takes the node's operands: one operand and a
/// UnaryRule that is neither a BinaryRule nor a ScalarRule, two and a BinaryRule that is not a UnaryRule, or
/// a `scalar_operation` over one and a ScalarRule. (Layer operations declare their own kernels, which
/// take every operand count: nn/layer_graph.hpp.)
template <node_kind Kind, std::size_t Arity, class Op>
concept op_takes =
    (Kind == node_kind::operation && Arity == 1 && UnaryRule<Op> && !BinaryRule<Op> && !ScalarRule<Op>) ||
    (Kind == node_kind::operation && Arity == 2 && BinaryRule<Op> && !UnaryRule<Op>) ||
    (Kind == node_kind::scalar_operation && Arity == 1 && ScalarRule<Op> && !BinaryRule<Op>);
template <class Traits>
concept scalar_op_takes_its_operands = requires {
    typename Traits::op;
    { Traits::operands::size } -> std::convertible_to<std::size_t>;
} && op_takes<Traits::kind, Traits::operands::size, typename Traits::op>;
/// An operation whose op takes its operand count.
template <class T>
concept op_takes_its_operands = node_traits<std::remove_cvref_t<T>>::family == node_family::layer ||
                                scalar_op_takes_its_operands<node_traits<std::remove_cvref_t<T>>>;
}  // namespace detail

/// A type that declares itself a node, and, if an operation, one whose op takes its operand count.
template <class T>
concept Node = detail::declares_node<T> && (!detail::declares_operation<T> || detail::op_takes_its_operands<T>);

/// A leaf node: reads `rows`×`cols` doubles at `offset` of array `array`.
template <class T>
concept LeafNode = Node<T> && node_traits<std::remove_cvref_t<T>>::kind == node_kind::leaf;

/// A node that holds a run-time double of its own.
template <class T>
concept ScalarOperationNode = Node<T> && node_traits<std::remove_cvref_t<T>>::kind == node_kind::scalar_operation;

/// An operation node, with or without a run-time double.
template <class T>
concept OperationNode = Node<T> && (node_traits<std::remove_cvref_t<T>>::kind == node_kind::operation ||
                                    ScalarOperationNode<T>);

namespace detail {

/// Operand `Slot` of a node, held only when it has state. An operand of an empty type is rebuilt from
/// its type when read, so a node over empty operands is empty itself, at any depth: a member of an empty
/// type would still take a byte, and `h * h` would hold two (two subobjects of one type never share an
/// address), making a node that reads its operand three times three times as large, step after step.
/// `Slot` keeps the two operands of `binary<Op, A, A>` distinct bases, which may then share an address.
/// Nodes are aggregates built from `operand_slot::of(operand)`, with no constructor of their own: GCC 12
/// mangles the name of every constructor it clones, and the names of the slots of a recurrence T steps
/// long made building it grow as T^2.7 (13.2 s at 100 steps, 87.8 s at 200; 2.3 s at 200 without them).
template <std::size_t Slot, class T, bool Stateless = std::is_empty_v<T>>
struct operand_slot {
    T stored{};  ///< the operand, which holds run-time numbers
    [[nodiscard]] constexpr const T& get() const { return stored; }
    /// The slot holding `operand`.
    [[nodiscard]] static constexpr operand_slot of(const T& operand) { return {operand}; }
};
template <std::size_t Slot, class T>
struct operand_slot<Slot, T, true> {
    [[nodiscard]] static constexpr T get() { return T{}; }
    [[nodiscard]] static constexpr operand_slot of(const T& /*stateless*/) { return {}; }
};
/// Operand `Slot` of a node built on operand_slot bases: a reference to it, or a fresh copy when stateless.
template <std::size_t Slot, class T, bool Stateless>
constexpr decltype(auto) read_operand(const operand_slot<Slot, T, Stateless>& slot) {
    return slot.get();
}

template <class T>
using traits_of = node_traits<std::remove_cvref_t<T>>;

/// Operand S of an operand_list (operations have one or two operands).
template <std::size_t S, class List>
struct operand_at {
    static_assert(always_false<S>, "memograd: an operation node has one or two operands.");
};
template <class First, class... Rest>
struct operand_at<0, operand_list<First, Rest...>> {
    using type = First;
};
template <class First, class Second, class... Rest>
struct operand_at<1, operand_list<First, Second, Rest...>> {
    using type = Second;
};

/// The type of operand S of operation node T, read from its traits' operand list (no overload
/// resolution: this is looked up once per node type and operand).
template <class T, std::size_t S>
using operand_type = typename operand_at<S, typename traits_of<T>::operands>::type;

/// Number of operands (0 for leaves and constants).
template <class T>
constexpr std::size_t arity_of() {
    if constexpr (OperationNode<T>) {
        return traits_of<T>::operands::size;
    } else {
        return 0;
    }
}
}  // namespace detail

}  // namespace memograd
