#pragma once
/// @file
/// @brief Scalar dense networks written neuron by neuron with `var<I>` weights: the lecture's networks,
/// and the compile-time workload of the benchmarks.
///
/// Variable layout: the inputs are var<0>..var<In-1>; then, layer by layer, each neuron's weights followed
/// by its bias; the last var is the regression target. The loss is (output − target)², with one linear
/// output neuron. Every weight reaches the loss along Width^(layers above it) paths, which is what makes
/// these networks the lecture's example of the path sum against memoized backpropagation.

#include "ops.hpp"

#include <cstddef>
#include <tuple>
#include <utility>

namespace memograd {

/// The hidden-layer activation tanh, as a function object on expressions.
struct tanh_activation {
    /// tanh(e).
    template <class E>
    constexpr auto operator()(const E& e) const { return memograd::tanh(e); }
};
/// The hidden-layer activation sigmoid, as a function object on expressions.
struct sigmoid_activation {
    /// sigmoid(e).
    template <class E>
    constexpr auto operator()(const E& e) const { return memograd::sigmoid(e); }
};

namespace detail {

// w_0 * in_0 + ... + w_{n-1} * in_{n-1} + bias, weights var<First>..., bias var<First + n>.
template <std::size_t First, class Inputs, std::size_t... I>
constexpr auto weighted_sum(const Inputs& in, std::index_sequence<I...>) {
    return (... + (var<First + I>{} * std::get<I>(in))) + var<First + sizeof...(I)>{};
}

// Width neurons over `in`; returns the tuple of activations.
template <std::size_t First, std::size_t Width, class Activation, class Inputs>
constexpr auto dense_layer(const Inputs& in) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    return [&]<std::size_t... O>(std::index_sequence<O...>) {
        return std::tuple{Activation{}(weighted_sum<First + O * (fan_in + 1)>(in, std::make_index_sequence<fan_in>{}))...};
    }(std::make_index_sequence<Width>{});
}

// Depth hidden layers of Width neurons, then one linear output neuron; First is the first weight's index.
template <std::size_t First, std::size_t Width, std::size_t Depth, class Activation, class Inputs>
constexpr auto dense_stack(const Inputs& in) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    if constexpr (Depth == 0) {
        return weighted_sum<First>(in, std::make_index_sequence<fan_in>{});
    } else {
        const auto layer = dense_layer<First, Width, Activation>(in);
        return dense_stack<First + Width * (fan_in + 1), Width, Depth - 1, Activation>(layer);
    }
}

template <std::size_t In, std::size_t Width, std::size_t Depth>
constexpr std::size_t target_index() {
    std::size_t first = In;
    std::size_t fan_in = In;
    for (std::size_t d = 0; d < Depth; ++d) {
        first += Width * (fan_in + 1);
        fan_in = Width;
    }
    return first + fan_in + 1;
}

}  // namespace detail

/// Number of variables of `dense_network_loss<In, Width, Depth>`: inputs, weights and biases, target.
template <std::size_t In, std::size_t Width, std::size_t Depth>
inline constexpr std::size_t dense_network_vars = detail::target_index<In, Width, Depth>() + 1;

/// The squared error of an In-Width-...-Width-1 network (Depth hidden layers), as one expression.
/// @snippet examples/path_growth.cpp network
template <std::size_t In, std::size_t Width, std::size_t Depth, class Activation = tanh_activation>
constexpr auto dense_network_loss() {
    const auto inputs = []<std::size_t... I>(std::index_sequence<I...>) {
        return std::tuple{var<I>{}...};
    }(std::make_index_sequence<In>{});
    const auto out = detail::dense_stack<In, Width, Depth, Activation>(inputs);
    return square(out - var<detail::target_index<In, Width, Depth>()>{});
}

}  // namespace memograd
