#pragma once
/// @file
/// @brief The analysis record of a node type (`detail::facts<T>`), made when a node over it is first named.
///
/// Everything the analysis (graph.hpp) reads of a node type is gathered once per type into one constexpr
/// record that points at its operands' records. A record is made the moment a node type is used as an
/// operand (`operand_ref`, below), so when `tanh(e)` is built, e's record exists and e's operands' records
/// existed before it: each record is one instantiation deep. A record made on first analysis instead would
/// nest one instantiation per level of the expression and stop at the compiler's template depth (900 on
/// GCC 12) for a chain 900 deep.

#include "kernels.hpp"
#include "node.hpp"

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace memograd::detail {

// ---- per-type facts, computed once per type ----------------------------------------------------------
constexpr std::uint64_t mix(std::uint64_t h, std::uint64_t v) {  // splitmix64 finalizer over h ^ v
    std::uint64_t z = h ^ (v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
constexpr std::uint64_t hash_text(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (const char c : s) {
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    }
    return h;
}


/// Everything the analysis reads of one node type: what the node protocol declares (node.hpp), its
/// operands' records, and the counts that follow from them. Computed once per type, as the variable
/// template `facts<T>`: the compiler memoizes it, so a whole expression costs one step per distinct type.
/// The record's address is the type's identity, and the walk that numbers the graph (graph_builder)
/// reads records only: it is one function, not one template per node type.
struct type_facts {
    /// Equal types, equal hashes. Unequal types may collide (power<2> and power<3> hash alike): the
    /// analysis confirms every hash match by the record's address, so a collision costs a probe, never a
    /// wrong merge.
    std::uint64_t hash = 0;
    node_kind kind = node_kind::leaf;
    std::size_t rows = 1;                  ///< shape of the node's value
    std::size_t cols = 1;
    std::size_t array = 0;                 ///< leaves: which array (0: the differentiated variables)
    std::size_t offset = 0;                ///< leaves: where the block starts in it
    double constant = 0.0;                 ///< constants: the value
    /// Operations: the op's name. (`{}` because GCC's -Wmissing-field-initializers asks for it where a
    /// designated initializer omits the member.)
    std::string_view op_name{};  // NOLINT(readability-redundant-member-init): see above
    const op_kernels* op = nullptr;        ///< the kernels the passes call (kernels.hpp)
    std::size_t arity = 0;                 ///< operands (operations have one or two)
    const type_facts* operand[2] = {nullptr, nullptr};  ///< their records
    /// A named node (named.hpp) is another spelling of this node; null for every other type.
    const type_facts* same_as = nullptr;
    /// The name a named node gives it.
    std::string_view name{};  // NOLINT(readability-redundant-member-init): see op_name
    /// A run-time double at or below the node: it is evaluated per occurrence, not a graph node.
    bool holds_run_time_scalar = false;
    /// Nodes of T evaluated per occurrence: T and every operand holding a run-time double, counted once
    /// per occurrence (0 if T holds none).
    std::size_t occurrence_count = 0;
    /// Nodes of T written out as a tree (no sharing): what evaluation without memoization visits.
    double tree_size = 1;
    /// Nodes on the longest root-to-leaf path below T, T included: the walk's stack never holds more.
    std::size_t depth = 1;
    /// Root-to-variable paths below T: the terms of the chain rule's path sum.
    double path_count = 0;
    /// Root-to-leaf paths below T (a leaf here is any node without operands: variables, data, constants).
    double leaf_path_count = 1;
    /// Edges summed over those paths: the multiplications of path enumeration, where every path's
    /// product is computed on its own from the seed (a path of l edges: l multiplications).
    double leaf_path_edges = 0;
};


// The records are built by plain functions from what the traits declare, and `facts<T>` picks one by
// the node's kind: one variable per node type and no function template, because every entity named after
// a node type costs the compiler a mangled name as long as the type (thousands of characters for the
// nodes of a network).
constexpr type_facts leaf_facts(node_family family, std::size_t array, std::size_t offset, std::size_t rows,
                                std::size_t cols, const op_kernels* op) {
    return {.hash = mix(mix(mix(mix(mix(static_cast<std::uint64_t>(node_kind::leaf), static_cast<std::uint64_t>(family)),
                                    array),
                                offset),
                            rows),
                        cols),
            .rows = rows,
            .cols = cols,
            .array = array,
            .offset = offset,
            .op = op,
            .path_count = array == 0 ? 1.0 : 0.0};
}
constexpr type_facts constant_facts(node_family family, double value, const op_kernels* op) {
    return {.hash = mix(mix(static_cast<std::uint64_t>(node_kind::constant), static_cast<std::uint64_t>(family)),
                        std::bit_cast<std::uint64_t>(value)),
            .kind = node_kind::constant,
            .constant = value,
            .op = op};
}
constexpr type_facts operation_facts(node_kind kind, node_family family, std::size_t rows, std::size_t cols,
                                     std::string_view op_name, const op_kernels* op, std::size_t arity,
                                     const type_facts* a, const type_facts* b) {
    const type_facts none{.tree_size = 0, .leaf_path_count = 0};
    const type_facts& second = arity == 2 ? *b : none;
    type_facts f{.kind = kind, .rows = rows, .cols = cols, .op_name = op_name, .op = op, .arity = arity, .operand = {a, b}};
    f.hash = mix(mix(mix(static_cast<std::uint64_t>(kind), static_cast<std::uint64_t>(family)), hash_text(op_name)), a->hash);
    if (arity == 2) {
        f.hash = mix(f.hash, b->hash);
    }
    f.holds_run_time_scalar = kind == node_kind::scalar_operation || a->holds_run_time_scalar || second.holds_run_time_scalar;
    f.occurrence_count = f.holds_run_time_scalar ? 1 + a->occurrence_count + second.occurrence_count : 0;
    f.tree_size = 1 + a->tree_size + second.tree_size;
    f.depth = 1 + std::max(a->depth, second.depth);
    f.path_count = a->path_count + second.path_count;
    f.leaf_path_count = a->leaf_path_count + second.leaf_path_count;
    f.leaf_path_edges = a->leaf_path_edges + a->leaf_path_count + second.leaf_path_edges + second.leaf_path_count;
    return f;
}
constexpr type_facts named_facts(const type_facts* node, std::string_view name) {
    type_facts f = *node;
    f.same_as = node;
    f.name = name;
    return f;
}

/// Is node type T another spelling of a node (named.hpp)?
template <class T>
concept spelled_as_another_node = !std::is_void_v<typename another_spelling_of<std::remove_cvref_t<T>>::type>;

template <class T>
consteval type_facts not_a_node() {
    static_assert(Node<T> || !declares_operation<T>,
                  "memograd: an operation node's op does not take as many operands as the node has: unary<Op, A> "
                  "takes a UnaryRule op (ops::tanh), binary<Op, L, R> a BinaryRule op (ops::add), with_scalar<Op, A> "
                  "a ScalarRule op (ops::add_scalar); fix: build nodes with the operators and functions of "
                  "memograd/autodiff/ops.hpp, or name an op of the node's operand count (rule.hpp).");
    static_assert(declares_node<T>, "memograd: a type in this expression is not a graph node: it has no "
                                    "memograd::node_traits specialization (see memograd/autodiff/node.hpp).");
    return {};
}

/// The record of node type T, computed once per type.
template <class T>
inline constexpr type_facts facts = not_a_node<T>();
template <class T>
    requires(LeafNode<T> && !spelled_as_another_node<T>)
inline constexpr type_facts facts<T> =
    leaf_facts(traits_of<T>::family, traits_of<T>::array, traits_of<T>::offset, traits_of<T>::rows,
               traits_of<T>::cols, &kernel_table_of<leaf_op>::value);
template <class T>
    requires(Node<T> && traits_of<T>::kind == node_kind::constant && !spelled_as_another_node<T>)
inline constexpr type_facts facts<T> = constant_facts(traits_of<T>::family, traits_of<T>::value,
                                                      &kernel_table_of<constant_op<traits_of<T>::value>>::value);
// operand_type names operand 0 or 1 only: an operation of another arity stops there, with its message.
template <class T>
    requires(OperationNode<T> && !spelled_as_another_node<T>)
inline constexpr type_facts facts<T> = operation_facts(
    traits_of<T>::kind, traits_of<T>::family, traits_of<T>::rows, traits_of<T>::cols, traits_of<T>::op::name,
    &kernel_table_of<typename traits_of<T>::op>::value, traits_of<T>::operands::size, &facts<operand_type<T, 0>>,
    &facts<operand_type<T, traits_of<T>::operands::size - 1>>);
template <class T>
    requires(Node<T> && spelled_as_another_node<T>)
inline constexpr type_facts facts<T> = named_facts(&facts<typename another_spelling_of<std::remove_cvref_t<T>>::type>, traits_of<T>::name);

// A cv- or reference-qualified node type is another spelling of the node: a record that points at it.
template <class T>
inline constexpr type_facts facts<const T> = named_facts(&facts<T>, {});
template <class T>
inline constexpr type_facts facts<volatile T> = named_facts(&facts<T>, {});
template <class T>
inline constexpr type_facts facts<const volatile T> = named_facts(&facts<T>, {});
template <class T>
inline constexpr type_facts facts<T&> = named_facts(&facts<T>, {});
template <class T>
inline constexpr type_facts facts<T&&> = named_facts(&facts<T>, {});

/// The identity of node type T: the address of its record, or, for a node type that is another spelling
/// of a node (a named node, named.hpp), that node's. Equal for types that are the same node, and for a
/// node type with and without cv- and reference qualifiers.
template <class T>
consteval const type_facts* identity_of() {
    const type_facts* f = &facts<std::remove_cvref_t<T>>;
    while (f->same_as != nullptr) {
        f = f->same_as;
    }
    return f;
}


/// Makes the record of node type A when A is named as an operand (a base of `operand_ref_of<A>`, so
/// instantiated with it). Only for nodes: a type that is not one gets its one-line error where it is
/// analysed, and a `requires` on building over it still answers false.
template <class A, bool = Node<A>>
struct record_made_for {};
template <class A>
struct record_made_for<A, true> {
    static_assert(facts<A>.arity <= 2);  // instantiates facts<A>; an operation has one or two operands
};

/// How a node's type names an operand A: `operand_ref<A>`, a class nested in a template over A, never A
/// itself. Every `a + b` looks its operator up by argument-dependent lookup, which visits the template
/// arguments of the operands' types, and theirs, as a tree, not a graph: with A itself in the type, a
/// recurrence step that reads the last step three times triples the work (Clang 19, 14 steps: 10.9 s,
/// against 1.0 s with the operators called by qualified name). A nested class brings only its enclosing
/// class and namespace. Naming A here makes its record (record_made_for). The public names `unary<Op, A>`,
/// `binary<Op, L, R>`, ... are aliases that wrap A.
template <class A>
struct operand_ref_of : record_made_for<A> {
    /// The reference to A.
    struct type {
        using node = A;  ///< the operand's node type
    };
};
template <class A>
using operand_ref = typename operand_ref_of<A>::type;

}  // namespace memograd::detail
