// A scalar tanh network written the way a new user writes it: one `var<I>` per weight and bias, each neuron
// a left fold `b + w0*x0 + w1*x1 + ...`, each layer a std::make_tuple of neurons, a linear output neuron and
// the loss (out - target)^2 written out as a product. Used by benchmark/compile_time_engine.sh.
//   NETWORK_WIDTHS   hidden widths (default 16,16: the 2-16-16-1 network)
//   NETWORK_TARGET   0: target as var<I> (the last variable); 1: run-time double 0.25 (micrograd style);
//                    2: memograd::constant<0.25>; 3: data<0>
//   NETWORK_PHASE    1: build the expression type only; 2: also the graph analysis and storage plan;
//                    3: also the gradient (value_and_grad); 4: main prints cpp_source of the expression
#include <memograd/autodiff.hpp>

#include <array>
#include <cstddef>
#include <cstdio>
#include <initializer_list>
#include <tuple>
#include <utility>

#ifndef NETWORK_WIDTHS
#define NETWORK_WIDTHS 16, 16
#endif
#ifndef NETWORK_TARGET
#define NETWORK_TARGET 1
#endif
#ifndef NETWORK_PHASE
#define NETWORK_PHASE 3
#endif

using namespace memograd;

namespace {
constexpr std::array<std::size_t, std::initializer_list<int>{NETWORK_WIDTHS}.size()> hidden_widths{NETWORK_WIDTHS};
constexpr std::size_t inputs = 2;

// Index of the first weight of layer L (the inputs are var<0>, var<1>).
constexpr std::size_t first_weight(std::size_t layer) {
    std::size_t first = inputs, fan_in = inputs;
    for (std::size_t l = 0; l < layer; ++l) {
        first += hidden_widths[l] * (fan_in + 1);
        fan_in = hidden_widths[l];
    }
    return first;
}

template <std::size_t First, class Inputs, std::size_t... I>
auto neuron(const Inputs& in, std::index_sequence<I...>) {
    return (var<First + std::tuple_size_v<Inputs>>{} + ... + (var<First + I>{} * std::get<I>(in)));
}

template <std::size_t Layer, class Inputs, std::size_t... O>
auto tanh_layer(const Inputs& in, std::index_sequence<O...>) {
    constexpr std::size_t fan_in = std::tuple_size_v<Inputs>;
    return std::make_tuple(tanh(neuron<first_weight(Layer) + O * (fan_in + 1)>(in, std::make_index_sequence<fan_in>{}))...);
}

template <std::size_t Layer, class Inputs>
auto layers(const Inputs& in) {
    if constexpr (Layer == hidden_widths.size()) {
        return neuron<first_weight(Layer)>(in, std::make_index_sequence<std::tuple_size_v<Inputs>>{});
    } else {
        return layers<Layer + 1>(tanh_layer<Layer>(in, std::make_index_sequence<hidden_widths[Layer]>{}));
    }
}

constexpr std::size_t parameters_end = first_weight(hidden_widths.size()) + hidden_widths.back() + 1;

auto network_loss() {
    const auto out = layers<0>(std::make_tuple(var<0>{}, var<1>{}));
#if NETWORK_TARGET == 0
    return (out - var<parameters_end>{}) * (out - var<parameters_end>{});
#elif NETWORK_TARGET == 1
    return (out - 0.25) * (out - 0.25);
#elif NETWORK_TARGET == 2
    return (out - constant<0.25>{}) * (out - constant<0.25>{});
#else
    return (out - data<0>{}) * (out - data<0>{});
#endif
}

using loss_type = decltype(network_loss());
constexpr std::size_t variables = parameters_end + (NETWORK_TARGET == 0 ? 1 : 0);
}  // namespace

#if NETWORK_PHASE >= 2
static_assert(stats<loss_type>::nodes > 0 && detail::plan_of<loss_type>.values > 0);
#endif

#if NETWORK_PHASE == 3
double network_gradient(const std::array<double, variables>& x, std::array<double, 1> target) {
#if NETWORK_TARGET == 3
    return value_and_grad(network_loss(), x, target).grad[2];
#else
    (void)target;
    return value_and_grad(network_loss(), x).grad[2];
#endif
}
#endif

int main() {
#if NETWORK_PHASE == 4
    std::fputs(cpp_source(network_loss(), "network_gradient").c_str(), stdout);
    std::printf("// nodes %zu, per-occurrence nodes %zu, variables %zu, edges %zu\n", stats<loss_type>::nodes,
                stats<loss_type>::occurrence_nodes, variables, stats<loss_type>::edges);
#endif
}
