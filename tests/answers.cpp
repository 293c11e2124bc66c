// Your answers to the tutorial's exercises (docs/tutorial/09_exercises.md). Copy this file, write each
// answer where its exercise number is, and build it from the repository's root:
//
//     cp tests/answers.cpp my_answers.cpp
//     g++ -std=c++20 -Wall -Wextra -Iinclude -Iexamples my_answers.cpp -o my_answers && ./my_answers
//
// Most answers are static_asserts: the file compiles only if they hold. Exercises 5 and 6 are run-time
// programs: main() prints whether your numbers agree. The tests build this skeleton as it is (the test
// "tutorial: answers.cpp skeleton"), so it always compiles against the library; our own solutions are in
// tests/tutorial_exercises.cpp.
#include "checkpointing.hpp"    // chapter 8: the recurrence and its checkpointing counts
#include "lecture_network.hpp"  // chapter 4: lecture::loss, lecture::point, lecture::target, lecture::names
#include "one_neuron.hpp"       // chapter 3: neuron::loss, neuron::by_hand, neuron::loss_at

#include <memograd/memograd.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>

namespace {

using memograd::data;
using memograd::var;

// Chapter 1: memoization.
// Exercise 1: static_assert(memograd::naive_fibonacci<10>().work == ...);
// Exercise 2:
// Exercise 3:
// Exercise 4:

// Chapter 3: one neuron by hand.
// Exercise 5: L = (tanh(w1 x1 + w2 x2 + b) - y)^2, forward and backward by hand.
struct two_input_result {
    double L, dw1, dx1, dw2, dx2, db;
};
two_input_result two_input_backward([[maybe_unused]] double w1, [[maybe_unused]] double x1,
                                    [[maybe_unused]] double w2, [[maybe_unused]] double x2,
                                    [[maybe_unused]] double b, [[maybe_unused]] double y) {
    two_input_result r{};
    // forward: one line per node (p1 = w1 * x1, ...)
    // backward: one line per edge (de = 2 * e, ...)
    return r;
}
// Exercise 6: central and forward differences of neuron::loss_at for h = 1e-2 and 1e-3 (in main below).
// Exercise 7:

// Chapter 4: the lecture's network. The trace keeps every named node's value and adjoint.
[[maybe_unused]] constexpr auto traced = memograd::trace(lecture::loss, lecture::point, lecture::target);
// Exercise 8:  static_assert(... traced.value_of("z1_1") ...);
// Exercise 9:
// Exercise 10:
// Exercise 11:

// Chapter 5: counting.
using lecture_stats = memograd::stats<decltype(lecture::loss)>;
// Exercise 12: static_assert(lecture_stats::toward<var<0>>::paths == ...);
// Exercise 13:
// Exercise 14:
// Exercise 15:
// Exercise 16:
// Exercise 17:
// Exercise 18:

// Chapter 6: the MLP.
// Exercise 19:
// Exercise 20:

// Chapter 7: forward mode and reverse mode.
// Exercise 21:
// Exercise 22:
// Exercise 23:

// Chapter 8: what memoization costs.
// Exercise 24:
// Exercise 25:
// Exercise 26:

}  // namespace

int main() {
    // Exercise 5: compare your backward pass with memograd at a point of your choice.
    const std::array<double, 5> v = {0.4, 1.5, -0.7, 0.5, 0.1};  // w1, x1, w2, x2, b
    const double y = 0.25;
    constexpr auto expression =
        memograd::square(memograd::tanh(var<0>{} * var<1>{} + var<2>{} * var<3>{} + var<4>{}) - data<0>{});
    const auto expected = memograd::value_and_grad(expression, v, std::array{y});
    const auto mine = two_input_backward(v[0], v[1], v[2], v[3], v[4], y);
    const std::array<double, 5> gradient = {mine.dw1, mine.dx1, mine.dw2, mine.dx2, mine.db};
    bool agree = std::abs(mine.L - expected.value) < 1e-12;
    for (std::size_t i = 0; i < v.size(); ++i) {
        agree = agree && std::abs(gradient[i] - expected.grad[i]) < 1e-12;
    }
    std::printf("exercise 5: %s\n", agree ? "your backward pass agrees with value_and_grad" : "not yet");

    // Exercise 6: print the errors of both differences against the hand derivation's dw.
    const auto [w, x, b] = neuron::point;
    const double exact = neuron::by_hand(w, x, b, neuron::target[0]).dw;
    std::printf("exercise 6: exact dL/dw = %.12f; your differences' errors here\n", exact);
}
