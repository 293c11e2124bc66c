#pragma once
// Recomputation (gradient checkpointing), the other side of memoization's trade-off, built from memograd's
// public pieces: a recurrence of T steps, h_{t+1} = tanh(w h_t + b) from h_0 = x, loss (h_T − y)²
// (a one-unit RNN, where the values kept for the backward pass grow with T while the parameters do not).
//
// The memoized gradient is one value_and_grad over all T steps: every value stored. The checkpointed one
// keeps only the input of each segment of K steps, and in the backward pass recomputes one segment at a
// time (memograd::evaluate forward, memoized value_and_grad per segment), chaining the segments by the
// chain rule. Shared by examples/checkpointing.cpp, tests/tutorial_memory.cpp and
// benchmark/runtime/checkpointing.cpp.
#include <memograd/autodiff.hpp>

#include <boost/hana/fold_left.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/range.hpp>

#include <array>
#include <cstddef>

namespace checkpointing {

//! [chain]
// Variables: w = x[0], b = x[1], the input h_0 = x[2]; the target y is data.
constexpr memograd::var<0> w;
constexpr memograd::var<1> b;
constexpr memograd::var<2> h0;
constexpr memograd::data<0> y;

/// `Steps` steps of the recurrence from h0: h_Steps as one expression (3 nodes per step).
template <std::size_t Steps>
constexpr auto chain = boost::hana::fold_left(boost::hana::make_range(boost::hana::size_c<0>, boost::hana::size_c<Steps>),
                                              h0, [](const auto& h, auto) { return memograd::tanh(w * h + b); });
/// ... and its loss (h_Steps − y)².
template <std::size_t Steps>
constexpr auto chain_loss = memograd::square(chain<Steps> - y);
//! [chain]

/// Memoization: one value_and_grad over all T steps. x = {w, b, h0}.
template <std::size_t T>
constexpr memograd::value_and_gradient<3> memoized(const std::array<double, 3>& x, double target) {
    return memograd::value_and_grad(chain_loss<T>, x, std::array{target});
}

//! [checkpointed]
/// Recomputation: T steps in segments of K; only each segment's input is kept. The same value and
/// gradient as `memoized<T>`, up to rounding.
template <std::size_t T, std::size_t K>
constexpr memograd::value_and_gradient<3> checkpointed(const std::array<double, 3>& x, double target) {
    static_assert(K > 0 && T % K == 0, "checkpointed<T, K>: K steps per segment must divide the T steps");
    constexpr std::size_t segments = T / K;
    // Forward: run the segments with the forward pass alone, keeping each one's input h_{sK}.
    std::array<double, segments> kept{};
    kept[0] = x[2];
    for (std::size_t s = 1; s < segments; ++s) {
        kept[s] = memograd::evaluate(chain<K>, std::array{x[0], x[1], kept[s - 1]});
    }
    // Backward, last segment first: recompute the segment with every value stored (value_and_grad), and
    // chain: the adjoint of its output (dh) times its local gradient.
    const auto last = memograd::value_and_grad(chain_loss<K>, std::array{x[0], x[1], kept[segments - 1]},
                                               std::array{target});
    memograd::value_and_gradient<3> out = last;  // ∂L/∂w, ∂L/∂b from the last segment; grad[2] = dL/dh
    for (std::size_t s = segments - 1; s-- > 0;) {
        const auto local = memograd::value_and_grad(chain<K>, std::array{x[0], x[1], kept[s]});
        const double dh = out.grad[2];  // ∂L/∂(this segment's output)
        out.grad[0] += dh * local.grad[0];
        out.grad[1] += dh * local.grad[1];
        out.grad[2] = dh * local.grad[2];
    }
    return out;
}
//! [checkpointed]

/// Doubles each strategy keeps for its backward pass, as the compiler counts them (memograd::stats).
/// Memoized: every value and adjoint of the T-step graph at once. Checkpointed: the kept segment inputs,
/// plus one segment's values and adjoints at a time (the last segment's, with the loss, is the largest:
/// what memoized<K> keeps).
template <std::size_t T>
inline constexpr std::size_t memoized_doubles =
    memograd::stats<decltype(chain_loss<T>)>::stored_values + memograd::stats<decltype(chain_loss<T>)>::stored_adjoints;
template <std::size_t T, std::size_t K>
inline constexpr std::size_t checkpointed_doubles = T / K + memoized_doubles<K>;

/// Forward operations each strategy runs (memograd::stats<E>::forward_ops of every pass it calls).
template <std::size_t T>
inline constexpr std::size_t memoized_forward_ops = memograd::stats<decltype(chain_loss<T>)>::forward_ops;
template <std::size_t T, std::size_t K>
inline constexpr std::size_t checkpointed_forward_ops =
    2 * (T / K - 1) * memograd::stats<decltype(chain<K>)>::forward_ops +  // segments but the last, twice
    memoized_forward_ops<K>;                                              // the last, once, as memoized<K>

}  // namespace checkpointing
