// A scalar tanh MLP written neuron by neuron with var<I> weights: inputs x0..x{In-1}, then every layer's
// weights [out][in] and biases, then the target. PROBE_HIDDEN = hidden width (two hidden layers), 1 output.
// Used by benchmark/compile_time_autodiff.sh; -DPROBE_GRAD=0 builds the expression only.
#include <memograd/autodiff.hpp>

#include <array>
#include <tuple>
#include <cstddef>
#include <utility>

#ifndef PROBE_HIDDEN
#define PROBE_HIDDEN 16
#endif
#ifndef PROBE_GRAD
#define PROBE_GRAD 1
#endif

using namespace memograd;

template <std::size_t First, class Inputs, std::size_t... I>
constexpr auto neuron_sum(const Inputs& in, std::index_sequence<I...>) {
    // w_0 * in_0 + w_1 * in_1 + ... + bias, left to right.
    return (... + (var<First + I>{} * std::get<I>(in))) + var<First + sizeof...(I)>{};
}

template <std::size_t First, std::size_t Out, class Inputs, std::size_t... O>
constexpr auto dense_tanh(const Inputs& in, std::index_sequence<O...>) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    return std::tuple{tanh(neuron_sum<First + O * (fan_in + 1)>(in, std::make_index_sequence<fan_in>{}))...};
}

constexpr std::size_t in = 2, hidden = PROBE_HIDDEN;
constexpr std::size_t layer1 = in, layer2 = layer1 + hidden * (in + 1), layer3 = layer2 + hidden * (hidden + 1);
constexpr std::size_t target = layer3 + hidden + 1;

constexpr auto network() {
    const auto inputs = std::tuple{var<0>{}, var<1>{}};
    const auto h1 = dense_tanh<layer1, hidden>(inputs, std::make_index_sequence<hidden>{});
    const auto h2 = dense_tanh<layer2, hidden>(h1, std::make_index_sequence<hidden>{});
    const auto out = neuron_sum<layer3>(h2, std::make_index_sequence<hidden>{});
    return square(out - var<target>{});
}

using net_t = decltype(network());

#if PROBE_GRAD
double gradient_at(const std::array<double, target + 1>& x) {
    return value_and_grad(network(), x).grad[2];
}
#endif

int main() {}  // compiled, not run: the cost measured is the compiler's
