#pragma once
// One sigmoid neuron and its squared error, L = (sigmoid(w x + b) - y)^2: the first backward pass of the
// tutorial, written out by hand (by_hand) and as a memograd expression (loss). Shared by
// examples/one_neuron.cpp, which prints and writes every number of the chapter, and
// tests/tutorial_neuron.cpp, which checks the hand derivation against memograd and finite differences.
#include <memograd/autodiff.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

namespace neuron {

//! [point]
// w, x and b are variables (differentiated); the target y is data.
constexpr std::array<std::string_view, 3> names = {"w", "x", "b"};
constexpr std::array<double, 3> point = {0.5, 2.0, -0.5};  // w, x, b
constexpr std::array<double, 1> target = {1.0};            // y
//! [point]

//! [expression]
constexpr auto w = memograd::var<0>{};
constexpr auto x = memograd::var<1>{};
constexpr auto b = memograd::var<2>{};
constexpr auto y = memograd::named<"y">(memograd::data<0>{});
constexpr auto p = memograd::named<"p">(w * x);
constexpr auto z = memograd::named<"z">(p + b);
constexpr auto a = memograd::named<"a">(memograd::sigmoid(z));
constexpr auto e = memograd::named<"e">(a - y);
constexpr auto loss = memograd::named<"L">(memograd::square(e));
//! [expression]

//! [fork]
// The same loss with the square written as a product: e is used twice, by one multiplication.
constexpr auto loss_as_product = memograd::named<"L">(e * e);
//! [fork]

// Every value and adjoint of the hand computation, by the names of the graph's nodes.
struct values_and_adjoints {
    double p, z, a, e, L;
    double dL, de, da, dz, dp, dw, dx, db;
};

// The forward and the backward pass by hand: plain arithmetic, no memograd.
inline values_and_adjoints by_hand(double w, double x, double b, double y) {
    //! [by hand]
    // forward: each node's value from its operands', from the leaves up
    const double p = w * x;
    const double z = p + b;
    const double a = 1.0 / (1.0 + std::exp(-z));
    const double e = a - y;
    const double L = e * e;
    // backward: each node's adjoint dL/d(node) from its user's, from the root down
    const double dL = 1.0;                   // the seed: dL/dL = 1
    const double de = dL * (2.0 * e);        // L = e²:     dL/de = 2e
    const double da = de * 1.0;              // e = a − y:  de/da = 1
    const double dz = da * (a * (1.0 - a));  // a = σ(z):   da/dz = σ(z)(1 − σ(z)) = a(1 − a)
    const double dp = dz * 1.0;              // z = p + b:  dz/dp = 1 ...
    const double db = dz * 1.0;              //             ... and dz/db = 1
    const double dw = dp * x;                // p = w · x:  dp/dw = x ...
    const double dx = dp * w;                //             ... and dp/dx = w
    //! [by hand]
    return {.p = p, .z = z, .a = a, .e = e, .L = L, .dL = dL, .de = de, .da = da, .dz = dz, .dp = dp, .dw = dw,
            .dx = dx, .db = db};
}

// The operations' values and adjoints of a hand computation, by node name, in the order of the forward pass.
struct node_numbers {
    std::string_view name;
    double value, adjoint;
};
inline std::array<node_numbers, 5> operations(const values_and_adjoints& h) {
    return {{{.name = "p", .value = h.p, .adjoint = h.dp},
             {.name = "z", .value = h.z, .adjoint = h.dz},
             {.name = "a", .value = h.a, .adjoint = h.da},
             {.name = "e", .value = h.e, .adjoint = h.de},
             {.name = "L", .value = h.L, .adjoint = h.dL}}};
}

// The loss alone, for finite differences: the forward pass in one line.
inline double loss_at(double w, double x, double b, double y) {
    const double a = 1.0 / (1.0 + std::exp(-(w * x + b)));
    return (a - y) * (a - y);
}

//! [finite differences]
// Central difference: (L(v + h) − L(v − h)) / 2h, off from dL/dv by about h² L'''(v) / 6.
constexpr double step = 1e-5;
inline std::array<double, 3> finite_differences(std::array<double, 3> v, double y) {
    std::array<double, 3> slope{};
    for (std::size_t i = 0; i < v.size(); ++i) {
        std::array<double, 3> up = v, down = v;
        up[i] += step;
        down[i] -= step;
        const double above = loss_at(up[0], up[1], up[2], y);
        const double below = loss_at(down[0], down[1], down[2], y);
        slope[i] = (above - below) / (2 * step);
    }
    return slope;
}
//! [finite differences]

}  // namespace neuron
