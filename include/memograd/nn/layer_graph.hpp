#pragma once
/// @file
/// @brief Layer graphs: vector-valued nodes — matrix-vector product, sum, activation, loss — for the same
/// compile-time graph analysis as the scalar engine.
///
/// A layer graph is an expression whose nodes hold vectors: `activate<tanh_t>(W * x + b)` is three
/// operation nodes over three leaves. Its type is its graph, exactly as for scalar expressions, and
/// graph.hpp analyses it with the same walk (sharing found by type, post-order, first uses); this header
/// only adds the node kinds. Each operation keeps its forward kernel beside its backward kernels, as each
/// scalar operation keeps its value rule beside its derivative rule. The passes generated from the graph
/// are in layer_passes.hpp.
/// @snippet tests/nn_static.cpp layer_graph

#include "../autodiff/node.hpp"
#include "../autodiff/node_record.hpp"
#include "../autodiff/rule.hpp"
#include "activation.hpp"
#include "loss.hpp"
#include "misuse.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

namespace memograd::nn {

/// Which array a layer-graph leaf reads.
enum class leaf_source : unsigned char {
    sample,     ///< the input vector x
    parameter,  ///< the flat parameter array (what the gradient is taken with respect to)
    target      ///< the target vector y
};

/// A leaf of a layer graph: a `Rows`×`Cols` block of one of the three arrays, starting at `Offset`,
/// row-major. Empty: where it reads is in its type.
template <leaf_source Source, std::size_t Offset, std::size_t Rows, std::size_t Cols = 1>
struct leaf {
    static_assert(Rows > 0 && Cols > 0,
                  "memograd::nn: a layer-graph leaf needs at least one row and one column (a layer of size 0?).");
    static constexpr leaf_source source = Source;  ///< which array
    static constexpr std::size_t index = Offset;   ///< where the block starts in it
    static constexpr std::size_t rows = Rows;      ///< block rows (a vector's length)
    static constexpr std::size_t cols = Cols;      ///< block columns (1 for a vector)
};

/// The sample x of `Size` inputs.
template <std::size_t Size>
using input_vector = leaf<leaf_source::sample, 0, Size>;
/// The target y of `Size` outputs.
template <std::size_t Size>
using target_vector = leaf<leaf_source::target, 0, Size>;
/// A weight matrix `[Rows][Cols]` at `Offset` in the parameter array (PyTorch's `nn.Linear` layout).
template <std::size_t Offset, std::size_t Rows, std::size_t Cols>
using weight_matrix = leaf<leaf_source::parameter, Offset, Rows, Cols>;
/// A bias vector of `Rows` entries at `Offset` in the parameter array.
template <std::size_t Offset, std::size_t Rows>
using bias_vector = leaf<leaf_source::parameter, Offset, Rows>;

/// @cond MEMOGRAD_INTERNAL
/// A one-operand layer node `Op(arg)`, its operand named by reference as a scalar node's is
/// (memograd::detail::operand_ref); spelled `layer_unary<Op, A>`.
template <class Op, class ARef>
struct layer_unary_node : memograd::detail::operand_slot<0, typename ARef::node> {};
/// A two-operand layer node `Op(left, right)`; spelled `layer_binary<Op, L, R>`.
template <class Op, class LRef, class RRef>
struct layer_binary_node : memograd::detail::operand_slot<0, typename LRef::node>,
                           memograd::detail::operand_slot<1, typename RRef::node> {};
/// @endcond
/// `Op(arg)`: the type of `activate<Act>(z)`.
template <class Op, class A>
using layer_unary = layer_unary_node<Op, memograd::detail::operand_ref<A>>;
/// `Op(left, right)`: the type of `w * h`, `a + b` and `loss<Loss>(out, target)`.
template <class Op, class L, class R>
using layer_binary = layer_binary_node<Op, memograd::detail::operand_ref<L>, memograd::detail::operand_ref<R>>;

/// The layer operations. Each has its output shape (`rows`, `cols`), a forward kernel writing the node's
/// value `y` from its operands' values, and per operand a backward kernel writing (`Assign`) or adding
/// the operand's adjoint from the node's adjoint `dy`. The backward kernels read the memoized values of
/// the forward pass, never recompute them.
namespace layer_ops {

/// y = W h, W `[Rows][Cols]`.
template <std::size_t Rows, std::size_t Cols>
struct matvec {
    static constexpr std::string_view name = "matvec";      ///< its name
    static constexpr std::size_t differentiable_operands = 2;  ///< W and h
    static constexpr bool passes_adjoint_through = false;   ///< dW and dh are products
    /// The value, printed: `W h`.
    static std::string print_value(const rule::spelling& s) { return s.a + " " + s.b; }
    /// What each operand's adjoint receives, printed: `d hᵀ` and `Wᵀ d`.
    template <std::size_t Slot>
    static std::string print_adjoint(const rule::spelling& s) {
        return Slot == 0 ? s.d + " " + s.b + "ᵀ" : s.a + "ᵀ " + s.d;
    }
    static constexpr std::size_t rows = Rows;          ///< output length
    static constexpr std::size_t cols = 1;             ///< a vector
    /// y = W h.
    // Each row's pointer and dy[o] are taken once per row, not per entry: inside a constant evaluation
    // every index computation and load is a step of the interpreter.
    static constexpr void forward(double* __restrict y, const double* __restrict w, const double* __restrict h) {
        for (std::size_t o = 0; o < Rows; ++o) {
            const double* __restrict row = w + o * Cols;
            double sum = 0.0;
            for (std::size_t i = 0; i < Cols; ++i) {
                sum += row[i] * h[i];
            }
            y[o] = sum;
        }
    }
    /// Slot 0: dW = dy hᵀ. Slot 1: dh = Wᵀ dy.
    template <std::size_t Slot, bool Assign>
    static constexpr void backward(const double* __restrict dy, const double* __restrict, const double* __restrict w,
                                   const double* __restrict h, double* __restrict d_operand) {
        if constexpr (Slot == 0) {
            for (std::size_t o = 0; o < Rows; ++o) {
                double* __restrict d_row = d_operand + o * Cols;
                const double dy_o = dy[o];
                for (std::size_t i = 0; i < Cols; ++i) {
                    if constexpr (Assign) {
                        d_row[i] = dy_o * h[i];
                    } else {
                        d_row[i] += dy_o * h[i];
                    }
                }
            }
        } else {
            // Row by row, so both loops run over contiguous memory.
            if constexpr (Assign) {
                for (std::size_t i = 0; i < Cols; ++i) {
                    d_operand[i] = 0.0;
                }
            }
            for (std::size_t o = 0; o < Rows; ++o) {
                const double* __restrict row = w + o * Cols;
                const double dy_o = dy[o];
                for (std::size_t i = 0; i < Cols; ++i) {
                    d_operand[i] += row[i] * dy_o;
                }
            }
        }
    }
};

/// y = a + b, elementwise (a bias added to a product).
template <std::size_t Rows>
struct plus {
    static constexpr std::string_view name = "plus";        ///< its name
    static constexpr std::size_t differentiable_operands = 2;  ///< both
    /// The value, printed.
    static std::string print_value(const rule::spelling& s) { return s.a + " + " + s.b; }
    /// What each operand's adjoint receives, printed: the node's own.
    template <std::size_t>
    static std::string print_adjoint(const rule::spelling& s) { return s.d; }
    static constexpr std::size_t rows = Rows;           ///< output length
    static constexpr std::size_t cols = 1;              ///< a vector
    /// Its adjoint passes to each operand unchanged: an operand used only here can share its storage.
    static constexpr bool passes_adjoint_through = true;
    /// y = a + b.
    static constexpr void forward(double* __restrict y, const double* __restrict a, const double* __restrict b) {
        for (std::size_t o = 0; o < Rows; ++o) {
            y[o] = a[o] + b[o];
        }
    }
    /// da = dy, db = dy.
    template <std::size_t, bool Assign>
    static constexpr void backward(const double* __restrict dy, const double* __restrict, const double* __restrict,
                                   const double* __restrict, double* __restrict d_operand) {
        for (std::size_t o = 0; o < Rows; ++o) {
            if constexpr (Assign) {
                d_operand[o] = dy[o];
            } else {
                d_operand[o] += dy[o];
            }
        }
    }
};

/// y = act(z), elementwise.
template <Activation Act, std::size_t Rows>
struct activate {
    static constexpr std::string_view name = Act::name;        ///< the activation's name
    static constexpr std::size_t differentiable_operands = 1;  ///< z
    /// The value, printed: `tanh(z)`.
    static std::string print_value(const rule::spelling& s) { return std::string(name) + "(" + s.a + ")"; }
    /// What z's adjoint receives, printed: `d ⊙ tanh'(v)`, the slope from the stored value v.
    template <std::size_t>
    static std::string print_adjoint(const rule::spelling& s) {
        return s.d + " ⊙ " + std::string(name) + "'(" + s.v + ")";
    }
    static constexpr std::size_t rows = Rows;        ///< output length
    static constexpr std::size_t cols = 1;           ///< a vector
    /// The identity passes its adjoint through unchanged.
    static constexpr bool passes_adjoint_through = std::is_same_v<Act, identity_t>;
    /// y = act(z).
    static constexpr void forward(double* __restrict y, const double* __restrict z, const double* __restrict) {
        for (std::size_t o = 0; o < Rows; ++o) {
            y[o] = Act::value(z[o]);
        }
    }
    /// dz = dy ⊙ act'(z), act' written in terms of the stored output y.
    template <std::size_t, bool Assign>
    static constexpr void backward(const double* __restrict dy, const double* __restrict y, const double* __restrict,
                                   const double* __restrict, double* __restrict d_operand) {
        for (std::size_t o = 0; o < Rows; ++o) {
            if constexpr (Assign) {
                d_operand[o] = dy[o] * Act::derivative_from_output(y[o]);
            } else {
                d_operand[o] += dy[o] * Act::derivative_from_output(y[o]);
            }
        }
    }
};

/// The scalar loss of outputs a against targets t.
template <class Loss, std::size_t Rows>
struct loss {
    static constexpr std::string_view name = Loss::name;  ///< the loss's name
    /// The outputs, and the target where the loss gives its derivative in the target (`derivative<N, 1>`,
    /// as every loss of loss.hpp does): a target computed from parameters then gets its gradient. A loss
    /// without it differentiates its outputs only, and the entry points take it over data targets only.
    static constexpr std::size_t differentiable_operands = detail::differentiable_in_target<Loss, Rows> ? 2 : 1;
    static constexpr bool passes_adjoint_through = false;  ///< each operand gets d · ∂loss/∂operand
    /// The value, printed: `mse(v5, y)`.
    static std::string print_value(const rule::spelling& s) {
        return std::string(name) + "(" + s.a + ", " + s.b + ")";
    }
    /// What the outputs' (slot 0) or the target's (slot 1) adjoint receives, printed: `d ∂mse/∂v5`.
    template <std::size_t Slot>
    static std::string print_adjoint(const rule::spelling& s) {
        return s.d + " ∂" + std::string(name) + "/∂" + (Slot == 0 ? s.a : s.b);
    }
    static constexpr std::size_t rows = 1;           ///< a scalar
    static constexpr std::size_t cols = 1;           ///< a scalar
    /// y = Loss(a, t).
    static constexpr void forward(double* __restrict y, const double* __restrict a, const double* __restrict t) {
        std::array<double, Rows> outputs{};
        std::array<double, Rows> targets{};
        for (std::size_t o = 0; o < Rows; ++o) {
            outputs[o] = a[o];
            targets[o] = t[o];
        }
        y[0] = Loss::value(outputs, targets);
    }
    /// da = dy · dLoss/da (slot 0), dt = dy · dLoss/dt (slot 1).
    template <std::size_t Slot, bool Assign>
        requires(Slot < differentiable_operands)
    static constexpr void backward(const double* __restrict dy, const double* __restrict, const double* __restrict a,
                                   const double* __restrict t, double* __restrict d_operand) {
        for (std::size_t o = 0; o < Rows; ++o) {
            if constexpr (Assign) {
                d_operand[o] = dy[0] * detail::loss_slope<Loss, Rows, Slot>(a[o], t[o]);
            } else {
                d_operand[o] += dy[0] * detail::loss_slope<Loss, Rows, Slot>(a[o], t[o]);
            }
        }
    }
};

}  // namespace layer_ops

namespace detail {
/// Rows and columns of a layer node's value, from its protocol entry.
template <class T>
inline constexpr std::size_t rows_of = node_traits<std::remove_cvref_t<T>>::rows;
template <class T>
inline constexpr std::size_t cols_of = node_traits<std::remove_cvref_t<T>>::cols;
template <class T>
inline constexpr bool is_vector = cols_of<T> == 1;
}  // namespace detail

/// A layer-graph expression: a leaf, or a layer operation over layer-graph expressions.
template <class T>
concept LayerExpression = Node<T> && node_traits<std::remove_cvref_t<T>>::family == node_family::layer;

namespace detail {
/// The shape rules of the layer operations, as constraints: a call that breaks one selects a deleted
/// overload whose `Problem` names the rule (misuse.hpp).
template <class W, class H>
concept multipliable = is_vector<H> && cols_of<W> == rows_of<H>;
template <class A, class B>
concept same_length_vectors = is_vector<A> && is_vector<B> && rows_of<A> == rows_of<B>;
}  // namespace detail

/// `W * h`: a `[R][C]` matrix times a vector of C entries (a layer's `weight_matrix<Offset, Out, In>`
/// takes the In outputs of the layer below).
template <LayerExpression W, LayerExpression H>
    requires detail::multipliable<W, H>
constexpr auto operator*(const W& w, const H& h) {
    using node = layer_binary<layer_ops::matvec<detail::rows_of<W>, detail::cols_of<W>>, W, H>;
    return node{memograd::detail::operand_slot<0, W>::of(w), memograd::detail::operand_slot<1, H>::of(h)};
}

/// `a + b`, elementwise, for two vectors of one length (e.g. `W * h + b`).
template <LayerExpression A, LayerExpression B>
    requires detail::same_length_vectors<A, B>
constexpr auto operator+(const A& a, const B& b) {
    using node = layer_binary<layer_ops::plus<detail::rows_of<A>>, A, B>;
    return node{memograd::detail::operand_slot<0, A>::of(a), memograd::detail::operand_slot<1, B>::of(b)};
}

/// `Act` applied to every entry of a vector: `activate<tanh_t>(W * h + b)`.
template <Activation Act, LayerExpression Z>
    requires detail::is_vector<Z>
constexpr auto activate(const Z& z) {
    using node = layer_unary<layer_ops::activate<Act, detail::rows_of<Z>>, Z>;
    return node{memograd::detail::operand_slot<0, Z>::of(z)};
}

/// The scalar loss of a network's outputs against the target: `loss<mse_t>(out, target_vector<N>{})`, out
/// and target vectors of one length. The target may be computed from parameters (a parameter block,
/// another layer's outputs) when the loss gives `derivative<N, 1>`, as the losses of loss.hpp do.
template <class Loss, LayerExpression Out, LayerExpression Target>
    requires detail::same_length_vectors<Out, Target>
constexpr auto loss(const Out& out, const Target& target) {
    using node = layer_binary<layer_ops::loss<Loss, detail::rows_of<Out>>, Out, Target>;
    return node{memograd::detail::operand_slot<0, Out>::of(out), memograd::detail::operand_slot<1, Target>::of(target)};
}

/// @cond MEMOGRAD_INTERNAL
template <LayerExpression W, LayerExpression H, class Problem = misuse::W_times_h_needs_h_a_vector_with_one_entry_per_column_of_W_fix_weight_matrix_Offset_Out_In_takes_the_In_outputs_below>
    requires(!detail::multipliable<W, H>)
void operator*(const W&, const H&) = delete;
template <LayerExpression A, LayerExpression B, class Problem = misuse::a_plus_b_needs_two_vectors_of_one_length_fix_bias_vector_Offset_Out_for_the_Out_entries_of_W_h>
    requires(!detail::same_length_vectors<A, B>)
void operator+(const A&, const B&) = delete;
template <Activation Act, LayerExpression Z, class Problem = misuse::activate_needs_a_vector_fix_apply_it_to_W_h_plus_b_not_to_a_weight_matrix>
    requires(!detail::is_vector<Z>)
void activate(const Z&) = delete;
template <class Loss, LayerExpression Out, LayerExpression Target, class Problem = misuse::loss_needs_out_and_target_vectors_of_one_length_fix_one_target_entry_per_output>
    requires(!detail::same_length_vectors<Out, Target>)
void loss(const Out&, const Target&) = delete;
/// @endcond

}  // namespace memograd::nn

// ---- the layer nodes in the node protocol (autodiff/node.hpp) ---------------------------------------------
/// @cond MEMOGRAD_INTERNAL
namespace memograd {

template <nn::leaf_source S, std::size_t O, std::size_t R, std::size_t C>
struct node_traits<nn::leaf<S, O, R, C>> {
    static constexpr node_kind kind = node_kind::leaf;
    static constexpr node_family family = node_family::layer;
    // The parameters are what the gradient is taken for (array 0); the sample and target are data.
    static constexpr std::size_t array = S == nn::leaf_source::parameter ? 0 : S == nn::leaf_source::sample ? 1 : 2;
    static constexpr std::size_t offset = O;
    static constexpr std::size_t rows = R;
    static constexpr std::size_t cols = C;
};
template <class Op, class ARef>
struct node_traits<nn::layer_unary_node<Op, ARef>> {
    static constexpr node_kind kind = node_kind::operation;
    static constexpr node_family family = node_family::layer;
    static constexpr std::size_t rows = Op::rows;
    static constexpr std::size_t cols = Op::cols;
    using op = Op;
    using operands = operand_list<typename ARef::node>;
    template <std::size_t S>
    static constexpr decltype(auto) operand(const nn::layer_unary_node<Op, ARef>& node) {
        return detail::read_operand<S>(node);
    }
};
template <class Op, class LRef, class RRef>
struct node_traits<nn::layer_binary_node<Op, LRef, RRef>> {
    static constexpr node_kind kind = node_kind::operation;
    static constexpr node_family family = node_family::layer;
    static constexpr std::size_t rows = Op::rows;
    static constexpr std::size_t cols = Op::cols;
    using op = Op;
    using operands = operand_list<typename LRef::node, typename RRef::node>;
    template <std::size_t S>
    static constexpr decltype(auto) operand(const nn::layer_binary_node<Op, LRef, RRef>& node) {
        return detail::read_operand<S>(node);
    }
};

}  // namespace memograd
/// @endcond
