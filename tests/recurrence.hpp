#pragma once
// Backpropagation through time: T explicit Euler steps of h' = tanh(w h + b) - h with step 0.1,
//   h_{t+1} = h_t + 0.1 (tanh(w h_t + b) - h_t),   w = var<0>, b = var<1>, h_0 = var<2>,
// unrolled into one expression. w and b are shared by every step and each step reads h_t three times, so
// the expression written out as a tree has 3^T copies of h_0 while its graph has 6 nodes per step.

#include <memograd/autodiff.hpp>

#include <cstddef>

namespace memograd_tests {

/// One step of the recurrence.
template <class H>
constexpr auto euler_step(const H& h) {
    using memograd::var, memograd::constant;
    return h + constant<0.1>{} * (memograd::tanh(var<0>{} * h + var<1>{}) - h);
}

/// `Steps` steps after h, split in halves: the instantiation depth is log2(Steps), not Steps.
template <std::size_t Steps, class H>
constexpr auto euler_steps(const H& h) {
    if constexpr (Steps == 0) {
        return h;
    } else if constexpr (Steps == 1) {
        return euler_step(h);
    } else {
        return euler_steps<Steps - Steps / 2>(euler_steps<Steps / 2>(h));
    }
}

/// h_T as an expression in w, b and h_0.
template <std::size_t Steps>
using recurrence = decltype(euler_steps<Steps>(memograd::var<2>{}));

}  // namespace memograd_tests

namespace memograd_tests {

/// tanh applied `Depth` times to h, built by halves (log2(Depth) deep): a graph as deep as it is long.
template <std::size_t Depth, class H>
constexpr auto tanh_chain(const H& h) {
    if constexpr (Depth == 0) {
        return h;
    } else if constexpr (Depth == 1) {
        return memograd::tanh(h);
    } else {
        return tanh_chain<Depth - Depth / 2>(tanh_chain<Depth / 2>(h));
    }
}

}  // namespace memograd_tests
