#pragma once
/// @file
/// @brief From an expression's type to its computation graph: distinct nodes in topological order.
///
/// Sharing is found by *type*: a subexpression object used twice appears twice in the expression's type,
/// and both occurrences become one node. The analysis is a constexpr depth-first walk with a hash table
/// keyed by a structural hash of each node type (computed once per type, memoized by the compiler), so
/// it costs O(edges) steps, not the O(n²) of searching type lists. Nodes come out in post-order: every
/// child before its parents, the root last.

#include "expression.hpp"
#include "ops.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace memograd::detail {

/// How a node connects: a leaf (`input`), one operand, two operands, or one operand and a run-time scalar.
enum class node_shape : unsigned char { input, unary, binary, scalar };

inline constexpr std::size_t no_parent = static_cast<std::size_t>(-1);

/// One node of the analysed graph. `parent`/`slot` record the edge by which the walk first reached the
/// node: following them from the root finds the node's object (and its scalar, if any) at run time.
struct graph_node {
    node_shape shape = node_shape::input;
    op_code code = op_code::input;
    int exponent = 0;              ///< of `pow<N>`
    std::size_t scalar_slot = 0;   ///< index into the gathered run-time scalars (scalar nodes)
    std::size_t input_index = 0;
    std::size_t arity = 0;
    std::size_t rows = 1;  ///< shape of the node's value: 1×1 for scalar nodes; layer nodes say theirs
    std::size_t cols = 1;
    std::size_t child[2] = {0, 0};
    std::size_t parent = no_parent;
    std::size_t slot = 0;
    bool scalar_below = false;  ///< the subtree holds a run-time scalar (`x + 1.0`)
    /// Whether this node's edge `slot` is the first, in backward order, to reach its operand: the
    /// generated backward pass then assigns the operand's adjoint instead of adding to it, so the
    /// adjoints need no zeroing.
    bool first_use[2] = {false, false};
};

// ---- per-type facts, each computed once per type --------------------------------------------------------
/// Shape, operation and leaf facts of node type T. Scalar nodes are specialized here; other node kinds
/// (the layer nodes of nn/layer_graph.hpp) add their own specializations and are walked alike.
template <class T>
struct node_info;

template <class Op>
constexpr int exponent_of() {
    if constexpr (requires { Op::exponent; }) {
        return Op::exponent;
    } else {
        return 0;
    }
}
template <std::size_t I>
struct node_info<var<I>> {
    static constexpr node_shape shape = node_shape::input;
    static constexpr op_code code = op_code::input;
    static constexpr int exponent = 0;
    static constexpr bool scalar_below = false;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};
template <class Op, class A>
struct node_info<unary<Op, A>> {
    static constexpr node_shape shape = node_shape::unary;
    static constexpr op_code code = Op::code;
    static constexpr int exponent = exponent_of<Op>();
    static constexpr bool scalar_below = node_info<A>::scalar_below;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};
template <class Op, class L, class R>
struct node_info<binary<Op, L, R>> {
    static constexpr node_shape shape = node_shape::binary;
    static constexpr op_code code = Op::code;
    static constexpr int exponent = 0;
    static constexpr bool scalar_below = node_info<L>::scalar_below || node_info<R>::scalar_below;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};
template <class Op, class A>
struct node_info<with_scalar<Op, A>> {
    static constexpr node_shape shape = node_shape::scalar;
    static constexpr op_code code = Op::code;
    static constexpr int exponent = 0;
    static constexpr bool scalar_below = true;
    static constexpr std::size_t rows = 1;
    static constexpr std::size_t cols = 1;
};

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
template <class Op>
constexpr std::uint64_t op_hash() {
    if constexpr (requires { Op::exponent; }) {
        return mix(hash_text(Op::format), static_cast<std::uint64_t>(Op::exponent));
    } else {
        return hash_text(Op::format);
    }
}

/// Structural hash of a node type: equal types, equal hashes; unequal hashes, unequal types.
template <class T>
inline constexpr std::uint64_t structural_hash = 0;
template <std::size_t I>
inline constexpr std::uint64_t structural_hash<var<I>> = mix(1, I);
template <class Op, class A>
inline constexpr std::uint64_t structural_hash<unary<Op, A>> = mix(mix(2, op_hash<Op>()), structural_hash<A>);
template <class Op, class L, class R>
inline constexpr std::uint64_t structural_hash<binary<Op, L, R>> =
    mix(mix(mix(3, op_hash<Op>()), structural_hash<L>), structural_hash<R>);
template <class Op, class A>
inline constexpr std::uint64_t structural_hash<with_scalar<Op, A>> = mix(mix(4, op_hash<Op>()), structural_hash<A>);

/// A distinct address per type: confirms that equal hashes really are the same type.
template <class T>
inline constexpr char identity_tag = 0;

// ---- the walk -------------------------------------------------------------------------------------------
class graph_builder {
public:
    std::vector<graph_node> nodes;

    template <class T>
    constexpr std::size_t visit() {
        constexpr std::uint64_t hash = structural_hash<T>;
        const std::size_t found = find(hash, &identity_tag<T>);
        if (found != no_parent) {
            return found;
        }
        graph_node node;
        node.shape = node_info<T>::shape;
        node.code = node_info<T>::code;
        node.exponent = node_info<T>::exponent;
        node.scalar_below = node_info<T>::scalar_below;
        node.rows = node_info<T>::rows;
        node.cols = node_info<T>::cols;
        if constexpr (requires { T::index; }) {
            node.input_index = T::index;
        } else if constexpr (requires(T t) { t.left; }) {
            node.arity = 2;
            node.child[0] = visit<decltype(T::left)>();
            node.child[1] = visit<decltype(T::right)>();
        } else {
            node.arity = 1;
            node.child[0] = visit<decltype(T::arg)>();
        }
        const std::size_t index = nodes.size();
        for (std::size_t slot = 0; slot < node.arity; ++slot) {
            graph_node& child = nodes[node.child[slot]];
            if (child.parent == no_parent) {
                child.parent = index;
                child.slot = slot;
            }
        }
        nodes.push_back(node);
        insert(hash, &identity_tag<T>, index);
        return index;
    }

private:
    struct entry {
        std::uint64_t hash = 0;
        const char* identity = nullptr;
        std::size_t index = no_parent;
    };
    std::vector<entry> table_ = std::vector<entry>(64);
    std::size_t used_ = 0;

    constexpr std::size_t find(std::uint64_t hash, const char* identity) const {
        const std::size_t mask = table_.size() - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const entry& e = table_[i];
            if (e.identity == nullptr) {
                return no_parent;
            }
            if (e.hash == hash && e.identity == identity) {
                return e.index;
            }
        }
    }
    constexpr void insert(std::uint64_t hash, const char* identity, std::size_t index) {
        if (2 * (used_ + 1) > table_.size()) {
            std::vector<entry> old(table_.size() * 2);
            old.swap(table_);
            used_ = 0;
            for (const entry& e : old) {
                if (e.identity != nullptr) {
                    insert(e.hash, e.identity, e.index);
                }
            }
        }
        const std::size_t mask = table_.size() - 1;
        std::size_t i = hash & mask;
        while (table_[i].identity != nullptr) {
            i = (i + 1) & mask;
        }
        table_[i] = {.hash = hash, .identity = identity, .index = index};
        ++used_;
    }
};

template <class E>
consteval std::size_t count_nodes() {
    graph_builder builder;
    builder.visit<E>();
    return builder.nodes.size();
}

/// The analysed graph of expression type E, with the counts the lecture talks about.
template <std::size_t N>
struct graph {
    std::array<graph_node, N> nodes{};
    std::size_t inputs = 0;          ///< distinct var<I> leaves
    std::size_t input_extent = 0;    ///< 1 + the largest I of any var<I>
    std::size_t edges = 0;           ///< operand slots of all nodes (x * x counts two)
    std::size_t scalar_nodes = 0;    ///< nodes with a run-time scalar
    double tree_size = 0;            ///< nodes of the expression written out as a tree (no sharing)
    double path_terms = 0;           ///< root-to-input paths: terms of the chain rule's path sum

    static constexpr std::size_t size() { return N; }
};

template <class E>
consteval auto analyse() {
    constexpr std::size_t n = count_nodes<E>();
    graph_builder builder;
    builder.visit<E>();
    graph<n> g;
    std::array<double, n> tree{};
    std::array<double, n> paths{};
    for (std::size_t i = 0; i < n; ++i) {
        const graph_node& node = builder.nodes[i];
        g.nodes[i] = node;
        tree[i] = 1;
        for (std::size_t s = 0; s < node.arity; ++s) {
            tree[i] += tree[node.child[s]];
        }
        g.edges += node.arity;
        if (node.shape == node_shape::input) {
            ++g.inputs;
            g.input_extent = std::max(g.input_extent, node.input_index + 1);
        }
        if (node.shape == node_shape::scalar) {
            g.nodes[i].scalar_slot = g.scalar_nodes++;
        }
    }
    paths[n - 1] = 1;
    std::array<bool, n> reached{};
    for (std::size_t i = n; i-- > 0;) {
        graph_node& node = g.nodes[i];
        for (std::size_t s = 0; s < node.arity; ++s) {
            paths[node.child[s]] += paths[i];
            node.first_use[s] = !reached[node.child[s]];
            reached[node.child[s]] = true;
        }
        if (node.shape == node_shape::input) {
            g.path_terms += paths[i];
        }
    }
    g.tree_size = tree[n - 1];
    return g;
}

/// The graph of expression type E, computed once per type.
template <class E>
inline constexpr auto graph_of = analyse<E>();

}  // namespace memograd::detail
