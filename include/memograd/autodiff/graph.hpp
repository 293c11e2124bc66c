#pragma once
/// @file
/// @brief From an expression's type to its computation graph: distinct nodes in topological order.
///
/// Sharing is found by *type*: a subexpression used twice appears twice in the expression's type, and
/// both occurrences become one node. The analysis is an iterative constexpr depth-first walk over the node
/// protocol (node.hpp) with a hash table keyed by a structural hash of each node type (computed once per type,
/// memoized by the compiler), so it costs O(distinct types) steps, never O(occurrences). Nodes come out in
/// post-order: every operand before its users.
///
/// Node types with a run-time double at or below them (`x + 1.0`, and everything above it) are not graph
/// nodes: two objects of one such type may hold different numbers, so they are evaluated once per
/// occurrence in the object (occurrences.hpp). Their operands that hold no run-time double are graph
/// nodes like any other, marked `fed_by_occurrences`.

#include "node.hpp"
#include "node_record.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <vector>

namespace memograd::detail {

// ---- the lecture's three ways to apply the chain rule, for one leaf (asked for one leaf at a time) ----
// Convention: a multiplication is one local derivative times the product so far, starting from the seed
// dL/dL = 1, and every factor counts (a sum's factor 1 too), so the three counts compare like with like.

/// Does leaf type Leaf occur at or below T? (A named spelling of a node counts as that node.)
template <class T, class Leaf>
inline constexpr bool reaches = [] {
    if constexpr (identity_of<T>() == identity_of<Leaf>()) {  // NOLINT(bugprone-branch-clone): if constexpr branches on different types
        return true;
    } else if constexpr (OperationNode<T>) {
        return []<std::size_t... S>(std::index_sequence<S...>) {
            return (false || ... || reaches<operand_type<T, S>, Leaf>);
        }(std::make_index_sequence<arity_of<T>()>{});
    } else {
        return false;
    }
}();

/// Paths from T down to Leaf.
template <class T, class Leaf>
inline constexpr double paths_to = [] {
    if constexpr (identity_of<T>() == identity_of<Leaf>()) {  // NOLINT(bugprone-branch-clone): if constexpr branches on different types
        return 1.0;
    } else if constexpr (OperationNode<T>) {
        return []<std::size_t... S>(std::index_sequence<S...>) {
            return (0.0 + ... + paths_to<operand_type<T, S>, Leaf>);
        }(std::make_index_sequence<arity_of<T>()>{});
    } else {
        return 0.0;
    }
}();

/// Edges summed over the paths from T down to Leaf (path enumeration's multiplications for dT/dLeaf).
template <class T, class Leaf>
inline constexpr double path_edges_to = [] {
    if constexpr (OperationNode<T> && identity_of<T>() != identity_of<Leaf>()) {
        return []<std::size_t... S>(std::index_sequence<S...>) {
            return (0.0 + ... + (path_edges_to<operand_type<T, S>, Leaf> + paths_to<operand_type<T, S>, Leaf>));
        }(std::make_index_sequence<arity_of<T>()>{});
    } else {
        return 0.0;
    }
}();

/// Edges of T written out as a tree that lie on a path down to Leaf (the tree walk's multiplications for
/// dT/dLeaf: one per tree edge, the running product passed down).
template <class T, class Leaf>
inline constexpr double tree_edges_to = [] {
    if constexpr (OperationNode<T> && identity_of<T>() != identity_of<Leaf>()) {
        return []<std::size_t... S>(std::index_sequence<S...>) {
            return (0.0 + ... + (reaches<operand_type<T, S>, Leaf> ? 1.0 + tree_edges_to<operand_type<T, S>, Leaf> : 0.0));
        }(std::make_index_sequence<arity_of<T>()>{});
    } else {
        return 0.0;
    }
}();

// ---- the graph -----------------------------------------------------------------------------------------
inline constexpr std::size_t no_node = static_cast<std::size_t>(-1);

/// One node of the analysed graph, as the passes and printers read it.
struct graph_node {
    node_kind kind = node_kind::leaf;
    std::size_t arity = 0;
    std::size_t child[2] = {0, 0};  ///< operands; a unary node repeats its operand in slot 1
    std::size_t array = 0;          ///< leaves: which array (0: the differentiated variables)
    std::size_t offset = 0;         ///< leaves: where the block starts in it
    std::size_t rows = 1;           ///< shape of the node's value
    std::size_t cols = 1;
    double constant = 0.0;          ///< constants: the value
    std::string_view op_name;       ///< operations: the op's name
    std::string_view name;          ///< the printed name a named node gave it (named.hpp), or empty
    const op_kernels* op = nullptr;  ///< the node's kernels (passes.hpp): its op's, a constant's, or a leaf's
    const type_facts* identity = nullptr;  ///< the node type's record (identity_of)
    /// A per-occurrence node uses this one: its adjoint is zeroed before the per-occurrence walk adds to it.
    bool fed_by_occurrences = false;
    /// Whether edge `slot` is the first, in backward order, to reach its operand: the generated backward
    /// pass then assigns the operand's adjoint instead of adding to it, so adjoints need no zeroing.
    bool first_use[2] = {false, false};
};


// ---- the walk ------------------------------------------------------------------------------------------
/// A depth-first walk over the records of an expression's node types that meets each type once (a hash
/// table keyed by type_facts::hash, confirmed by the record's address) and numbers the graph nodes in
/// post-order, with a stack of its own. `out` null: it only counts them; else it writes each node at its
/// number. It is one function for every expression: the types were read once each, into their records.
class graph_builder {
public:
    constexpr graph_builder(graph_node* out, std::size_t expected_nodes)
        : out_(out), capacity_(std::bit_ceil(2 * expected_nodes + 2)), table_(new entry[capacity_]) {}
    graph_builder(const graph_builder&) = delete;
    graph_builder& operator=(const graph_builder&) = delete;
    constexpr ~graph_builder() { delete[] table_; }

    std::size_t count = 0;  ///< graph nodes met so far

    /// Adds the node type of record `root` (and everything below it) once; returns its index, or no_node
    /// for a type evaluated per occurrence. Iterative, with an explicit stack: a recursive walk would meet
    /// the compilers' constexpr depth limit (512) at a graph 512 deep, and a recurrence unrolled 100 steps
    /// is 600 deep.
    constexpr std::size_t visit(const type_facts& root) {
        // The stack holds one path from the root, never more than the root's depth: one allocation, indexed
        // directly (a std::vector's calls cost Clang's constexpr step budget several times as much).
        auto* const stack = new frame[root.depth];
        std::size_t height = 0;
        std::size_t result = no_node;
        // Enters record t: its index into `result` if it was met before, else a new frame on the stack.
        const auto enter = [&](const type_facts* t) {
            std::string_view name{};
            while (t->same_as != nullptr) {  // another spelling of a node: that node, under the outermost name
                name = name.empty() ? t->name : name;
                t = t->same_as;
            }
            const std::size_t found = find(t->hash, t);
            if (found == not_found) {
                stack[height++] = {.t = t, .name = name};
                return false;
            }
            result = name_node(found, name);
            return true;
        };
        if (!enter(&root)) {
            while (height > 0) {
                frame& top = stack[height - 1];
                if (top.slot < top.t->arity) {
                    if (enter(top.t->operand[top.slot])) {
                        top.child[top.slot++] = result;
                    }
                    continue;
                }
                result = finish(top);
                if (--height > 0) {
                    frame& user = stack[height - 1];
                    user.child[user.slot++] = result;
                }
            }
        }
        delete[] stack;
        return result;
    }

private:
    static constexpr std::size_t not_found = static_cast<std::size_t>(-2);
    /// A node type being walked: its record, the name it was met under, the next operand slot to walk,
    /// and the operands' indices so far.
    struct frame {
        const type_facts* t = nullptr;
        std::string_view name{};  // NOLINT(readability-redundant-member-init): see type_facts::op_name
        std::size_t slot = 0;
        std::size_t child[2] = {0, 0};
    };

    /// Numbers the node of frame f, whose operands are all numbered (none for a per-occurrence node: its
    /// graph-node operands are marked as used by one).
    constexpr std::size_t finish(const frame& f) {
        const type_facts& t = *f.t;
        std::size_t index = no_node;
        if (t.holds_run_time_scalar) {
            for (std::size_t s = 0; s < t.arity; ++s) {
                mark_fed(f.child[s]);
            }
        } else {
            const std::size_t child[2] = {f.child[0], t.arity == 1 ? f.child[0] : f.child[1]};
            index = count++;
            if (out_ != nullptr) {
                write(out_[index], t, child);
            }
        }
        insert(t.hash, &t, index);
        return name_node(index, f.name);
    }
    /// Gives node `index` the printed name a named spelling of it gave (named.hpp), if any.
    constexpr std::size_t name_node(std::size_t index, std::string_view name) {
        if (index != no_node && out_ != nullptr && !name.empty()) {
            out_[index].name = name;
        }
        return index;
    }
    struct entry {
        std::uint64_t hash = 0;
        const type_facts* identity = nullptr;
        std::size_t index = no_node;
    };
    // The table is a plain array, indexed directly: a std::vector's calls cost Clang's constexpr step
    // budget several times as much.
    graph_node* out_;
    std::size_t capacity_;
    entry* table_;
    std::size_t used_ = 0;

    static constexpr void write(graph_node& node, const type_facts& t, const std::size_t (&child)[2]) {
        node.kind = t.kind;
        node.rows = t.rows;
        node.cols = t.cols;
        node.identity = &t;
        node.array = t.array;
        node.offset = t.offset;
        node.constant = t.constant;
        node.op = t.op;
        node.arity = t.arity;
        node.op_name = t.op_name;
        node.child[0] = child[0];
        node.child[1] = child[1];
    }
    constexpr void mark_fed(std::size_t index) {
        if (index != no_node && out_ != nullptr) {
            out_[index].fed_by_occurrences = true;
        }
    }
    constexpr std::size_t find(std::uint64_t hash, const type_facts* identity) const {
        const std::size_t mask = capacity_ - 1;
        for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
            const entry& e = table_[i];
            if (e.identity == nullptr) {
                return not_found;
            }
            if (e.hash == hash && e.identity == identity) {
                return e.index;
            }
        }
    }
    constexpr void insert(std::uint64_t hash, const type_facts* identity, std::size_t index) {
        if (2 * (used_ + 1) > capacity_) {  // only while counting: the fill walk knows its size
            auto* const old = table_;
            const std::size_t old_capacity = capacity_;
            capacity_ *= 2;
            table_ = new entry[capacity_];
            used_ = 0;
            for (std::size_t k = 0; k < old_capacity; ++k) {
                if (old[k].identity != nullptr) {
                    insert(old[k].hash, old[k].identity, old[k].index);
                }
            }
            delete[] old;
        }
        const std::size_t mask = capacity_ - 1;
        std::size_t i = hash & mask;
        while (table_[i].identity != nullptr) {
            i = (i + 1) & mask;
        }
        table_[i] = {.hash = hash, .identity = identity, .index = index};
        ++used_;
    }
};

/// The analysed graph of an expression type: its distinct nodes, and the lecture's counts.
template <std::size_t N>
struct graph {
    std::array<graph_node, N> nodes{};
    std::size_t leaves = 0;        ///< distinct leaves (variables and data)
    std::size_t variables = 0;     ///< distinct leaves of array 0 (what the gradient is taken for)
    std::size_t constants = 0;     ///< distinct constants
    std::size_t variable_extent = 0;  ///< end of the furthest block of array 0 that a leaf reads
    std::size_t data_extent[2] = {0, 0};  ///< the same for arrays 1 and 2
    std::size_t edges = 0;         ///< operand slots of all nodes (x * x counts two)
    bool root_is_node = true;      ///< false when the root is evaluated per occurrence
    /// The variable leaves' blocks cover [0, variable_extent) once each and no per-occurrence node adds
    /// to one: every gradient entry is then assigned by its first use.
    bool variables_tile = false;

    static constexpr std::size_t size() { return N; }
};

/// Graph nodes of E: the first of the analysis's two evaluations of one walk (the second fills an
/// array of exactly this size; a constant expression cannot keep the vector-sized result of one).
template <class E>
consteval std::size_t count_nodes() {
    graph_builder builder(nullptr, 32);
    builder.visit(facts<E>);
    return builder.count;
}

template <class E>
consteval auto analyse() {
    constexpr std::size_t n = count_nodes<E>();
    graph<n> g;
    graph_builder builder(g.nodes.data(), n);
    builder.visit(facts<E>);
    g.root_is_node = !facts<E>.holds_run_time_scalar;
    std::size_t variable_cells = 0;
    bool variable_fed = false;
    for (std::size_t i = 0; i < n; ++i) {
        const graph_node& node = g.nodes[i];
        g.edges += node.arity;
        if (node.kind == node_kind::leaf) {
            ++g.leaves;
            const std::size_t end = node.offset + node.rows * node.cols;
            if (node.array == 0) {
                ++g.variables;
                g.variable_extent = std::max(g.variable_extent, end);
                variable_cells += node.rows * node.cols;
                variable_fed = variable_fed || node.fed_by_occurrences;
            } else {
                g.data_extent[node.array - 1] = std::max(g.data_extent[node.array - 1], end);
            }
        } else if (node.kind == node_kind::constant) {
            ++g.constants;
        }
    }
    // Blocks that fill [0, extent) with exactly extent cells tile it unless two overlap: sorted by
    // start, each must begin where the previous one ends.
    if (!variable_fed && variable_cells == g.variable_extent) {
        std::vector<std::size_t> starts;
        for (std::size_t i = 0; i < n; ++i) {
            if (g.nodes[i].kind == node_kind::leaf && g.nodes[i].array == 0) {
                starts.push_back(i);
            }
        }
        std::sort(starts.begin(), starts.end(),
                  [&](std::size_t a, std::size_t b) { return g.nodes[a].offset < g.nodes[b].offset; });
        std::size_t covered = 0;
        g.variables_tile = true;
        for (const std::size_t i : starts) {
            g.variables_tile = g.variables_tile && g.nodes[i].offset == covered;
            covered = g.nodes[i].offset + g.nodes[i].rows * g.nodes[i].cols;
        }
    }
    // Backward order is reverse post-order; the first edge met into an operand assigns its adjoint,
    // unless a per-occurrence node adds to it first.
    std::array<bool, n> reached{};
    for (std::size_t i = 0; i < n; ++i) {
        reached[i] = g.nodes[i].fed_by_occurrences;
    }
    for (std::size_t i = n; i-- > 0;) {
        graph_node& node = g.nodes[i];
        for (std::size_t s = 0; s < node.arity; ++s) {
            node.first_use[s] = !reached[node.child[s]];
            reached[node.child[s]] = true;
        }
    }
    return g;
}

/// The graph of expression type E, computed once per type.
template <class E>
inline constexpr auto graph_of = analyse<E>();

/// Do the leaves of E read inside arrays of Sizes[0] variables and Sizes[1], Sizes[2] data? The one
/// extent check of every front end (scalar value_and_grad, path sum, layer graphs).
template <class E, std::size_t Variables, std::size_t Data, std::size_t SecondData>
concept leaves_fit = graph_of<E>.variable_extent <= Variables && graph_of<E>.data_extent[0] <= Data &&
                     graph_of<E>.data_extent[1] <= SecondData;

/// The index of node type T in the graph of E (T must be a graph node of E).
template <class E, class T>
inline constexpr std::size_t index_of = [] {
    for (std::size_t i = 0; i < graph_of<E>.size(); ++i) {
        if (graph_of<E>.nodes[i].identity == identity_of<T>()) {
            return i;
        }
    }
    return no_node;
}();

/// Distinct edges of the graph of E whose operand lies on a path down to leaf type Leaf: the memoized
/// backward pass's multiplications for dE/dLeaf alone (each adjoint on the way computed once).
template <class E, class Leaf>
inline constexpr std::size_t graph_edges_to = [] {
    constexpr auto& g = graph_of<E>;
    std::array<bool, g.size()> reach{};
    std::size_t edges = 0;
    for (std::size_t i = 0; i < g.size(); ++i) {  // post-order: operands before users
        const graph_node& node = g.nodes[i];
        reach[i] = node.identity == identity_of<Leaf>();
        for (std::size_t s = 0; s < node.arity; ++s) {
            if (reach[node.child[s]]) {
                reach[i] = true;
                ++edges;
            }
        }
    }
    return edges;
}();

}  // namespace memograd::detail
