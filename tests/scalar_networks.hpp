#pragma once
// Scalar networks written neuron by neuron with var<I> weights, for tests and compile-time benchmarks.
// Inputs are var<0>..var<In-1>; then, layer by layer, each neuron's weights and its bias; the last var is
// the regression target. Loss: (output - target)^2.

#include <memograd/autodiff.hpp>

#include <cstddef>
#include <tuple>
#include <utility>

namespace memograd_tests {

struct tanh_activation {
    template <class E>
    constexpr auto operator()(const E& e) const { return memograd::tanh(e); }
};
struct sigmoid_activation {
    template <class E>
    constexpr auto operator()(const E& e) const { return memograd::sigmoid(e); }
};

/// w_0 * in_0 + ... + w_{n-1} * in_{n-1} + bias, weights var<First>..., bias var<First + n>.
template <std::size_t First, class Inputs, std::size_t... I>
constexpr auto weighted_sum(const Inputs& in, std::index_sequence<I...>) {
    return (... + (memograd::var<First + I>{} * std::get<I>(in))) + memograd::var<First + sizeof...(I)>{};
}

/// Width neurons over `in`; returns the tuple of activations.
template <std::size_t First, std::size_t Width, class Activation, class Inputs>
constexpr auto dense_layer(const Inputs& in) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    return [&]<std::size_t... O>(std::index_sequence<O...>) {
        return std::tuple{Activation{}(weighted_sum<First + O * (fan_in + 1)>(in, std::make_index_sequence<fan_in>{}))...};
    }(std::make_index_sequence<Width>{});
}

/// Depth hidden layers of Width neurons, then one linear output neuron; First is the first weight's index.
template <std::size_t First, std::size_t Width, std::size_t Depth, class Activation, class Inputs>
constexpr auto dense_stack(const Inputs& in) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    if constexpr (Depth == 0) {
        return std::pair{weighted_sum<First>(in, std::make_index_sequence<fan_in>{}), First + fan_in + 1};
    } else {
        const auto layer = dense_layer<First, Width, Activation>(in);
        return dense_stack<First + Width * (fan_in + 1), Width, Depth - 1, Activation>(layer);
    }
}

template <std::size_t In, std::size_t Width, std::size_t Depth, class Activation>
constexpr std::size_t parameter_end() {
    std::size_t first = In;
    std::size_t fan_in = In;
    for (std::size_t d = 0; d < Depth; ++d) {
        first += Width * (fan_in + 1);
        fan_in = Width;
    }
    return first + fan_in + 1;
}

/// Squared error of an In-Width^Depth-1 network; inputs + parameters + target = parameter_end + 1 vars.
template <std::size_t In, std::size_t Width, std::size_t Depth, class Activation = tanh_activation>
constexpr auto network_loss() {
    const auto inputs = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::tuple{memograd::var<I>{}...};
    }(std::make_index_sequence<In>{});
    const auto out = dense_stack<In, Width, Depth, Activation>(inputs).first;
    return memograd::square(out - memograd::var<parameter_end<In, Width, Depth, Activation>()>{});
}

template <std::size_t In, std::size_t Width, std::size_t Depth, class Activation = tanh_activation>
inline constexpr std::size_t network_vars = parameter_end<In, Width, Depth, Activation>() + 1;

}  // namespace memograd_tests
