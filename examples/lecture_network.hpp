#pragma once
// The lecture's network, shared by examples/lecture_network.cpp and the tests that check every number of
// it (tests/tutorial_lecture.cpp): 2 inputs, two hidden layers of 2 sigmoid neurons, 1 sigmoid output,
// squared error. Every intermediate carries the lecture's name (memograd::named), so the generated code
// and the graphs print z1_1, O1_1, ..., ŷ, L.
#include <memograd/autodiff.hpp>

#include <array>
#include <string_view>

namespace lecture {

using memograd::named;
using memograd::var;

//! [network]
// Inputs x1, x2 and weights are variables (differentiated); the target y is data (not differentiated).
// Weight wL_ji: layer L, neuron j, input i; bias bL_j. Names of the variables, in the order of x:
constexpr std::array<std::string_view, 17> names = {
    "x1",    "x2",                                            //
    "w1_11", "w1_12", "b1_1", "w1_21", "w1_22", "b1_2",       // first hidden layer
    "w2_11", "w2_12", "b2_1", "w2_21", "w2_22", "b2_2",       // second hidden layer
    "w3_11", "w3_12", "b3_1"};                                // output neuron

constexpr auto x1 = var<0>{};
constexpr auto x2 = var<1>{};
constexpr auto y = named<"y">(memograd::data<0>{});  // the target: data, printed as y
// First hidden layer: z = w·x + b, O = sigmoid(z).
constexpr auto z1_1 = named<"z1_1">(var<2>{} * x1 + var<3>{} * x2 + var<4>{});
constexpr auto O1_1 = named<"O1_1">(memograd::sigmoid(z1_1));
constexpr auto z1_2 = named<"z1_2">(var<5>{} * x1 + var<6>{} * x2 + var<7>{});
constexpr auto O1_2 = named<"O1_2">(memograd::sigmoid(z1_2));
// Second hidden layer: each neuron uses both O1_1 and O1_2, so w1_11 reaches the loss along two paths.
constexpr auto z2_1 = named<"z2_1">(var<8>{} * O1_1 + var<9>{} * O1_2 + var<10>{});
constexpr auto O2_1 = named<"O2_1">(memograd::sigmoid(z2_1));
constexpr auto z2_2 = named<"z2_2">(var<11>{} * O1_1 + var<12>{} * O1_2 + var<13>{});
constexpr auto O2_2 = named<"O2_2">(memograd::sigmoid(z2_2));
// Output neuron and loss.
constexpr auto z3_1 = named<"z3_1">(var<14>{} * O2_1 + var<15>{} * O2_2 + var<16>{});
constexpr auto y_hat = named<"ŷ">(memograd::sigmoid(z3_1));
constexpr auto loss = named<"L">(memograd::square(y - y_hat));
//! [network]

//! [point]
constexpr std::array<double, 17> point = {0.5, -1.2,                      // x1, x2
                                          0.1, 0.2, 0.0, -0.3, 0.4, 0.1,  // layer 1
                                          0.5, -0.6, 0.05, 0.7, 0.8, -0.1,  // layer 2
                                          0.9, -1.0, 0.2};                 // output
constexpr std::array<double, 1> target = {1.0};                            // y
//! [point]

}  // namespace lecture
