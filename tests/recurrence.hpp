#pragma once
// Backpropagation through time: T explicit Euler steps of h' = tanh(w h + b) - h with step 0.1,
//   h_{t+1} = h_t + 0.1 (tanh(w h_t + b) - h_t),   w = var<0>, b = var<1>, h_0 = var<2>,
// unrolled into one expression. w and b are shared by every step and each step reads h_t three times, so
// the expression written out as a tree has 3^T copies of h_0 while its graph has 6 nodes per step.

#include <memograd/autodiff.hpp>

#include <cstddef>

namespace memograd_tests {

/// One step of the recurrence.
struct euler_step {
    template <class H>
    constexpr auto operator()(const H& h) const {
        using memograd::var, memograd::constant;
        return h + constant<0.1>{} * (memograd::tanh(var<0>{} * h + var<1>{}) - h);
    }
};

/// One tanh.
struct tanh_step {
    template <class H>
    constexpr auto operator()(const H& h) const {
        return memograd::tanh(h);
    }
};

/// `Steps` applications of Step after h, split in halves: the instantiation depth is log2(Steps), not Steps.
template <std::size_t Steps, class Step, class H>
constexpr auto repeated(Step step, const H& h) {
    if constexpr (Steps == 0) {
        return h;
    } else if constexpr (Steps == 1) {
        return step(h);
    } else {
        return repeated<Steps - Steps / 2>(step, repeated<Steps / 2>(step, h));
    }
}

/// h_T as an expression in w, b and h_0.
template <std::size_t Steps>
using recurrence = decltype(repeated<Steps>(euler_step{}, memograd::var<2>{}));

/// tanh applied Depth times to x: a graph as deep as it is long.
template <std::size_t Depth>
using tanh_chain = decltype(repeated<Depth>(tanh_step{}, memograd::var<0>{}));

}  // namespace memograd_tests
