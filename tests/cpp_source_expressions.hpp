#pragma once
// The expressions whose emitted C++ (memograd::cpp_source) tests/cpp_source.cpp compiles and compares
// with value_and_grad. Between them they use every operation, so every rule's printed form is compiled
// and evaluated against the rule that runs.
#include <memograd/autodiff.hpp>
#include <memograd/autodiff/dense_network.hpp>

namespace memograd_tests::emitted {
using namespace memograd;
inline constexpr var<0> x;
inline constexpr var<1> y;

// Every operation on graph nodes (no run-time number): one shared node h.
inline constexpr auto h = tanh(x * y + constant<0.5>{});
inline constexpr auto every_rule = h * h + h - x / (constant<1.5>{} + square(y)) + exp(-y) * log(constant<2.0>{} + x * x) +
                                   sigmoid(x - y) + relu(y - x) + pow<3>(h) + pow<0>(x);
// Every operation with a run-time number, evaluated per occurrence, above shared nodes.
inline constexpr auto run_time_numbers = (x + 1.0) * (y - 2.0) + 3.0 * tanh(x * 0.5) - 4.0 / (1.0 + square(y)) +
                                         (2.0 - x / 3.0) + h * 0.25;
// A target as data, and a dense network with a run-time target below the loss.
inline constexpr auto with_data = square(tanh(x * y) - data<0>{}) + data<1>{} * x;
inline constexpr auto network = dense_network_loss<2, 4, 2>();

inline constexpr std::array<double, 2> at{0.3, -0.7};
inline constexpr std::array<double, 2> data_at{0.25, 2.0};
}  // namespace memograd_tests::emitted
