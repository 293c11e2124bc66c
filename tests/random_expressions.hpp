#pragma once
// Random expression DAGs generated at compile time from a seed: every operation, shared subexpressions,
// compile-time constants (memograd::constant<c>, shared by type) and run-time scalars (evaluated per
// occurrence). Kinked operations (relu) only when `Kinks` is true, since finite differences
// cannot be trusted at a kink. Arguments of log and divisions are kept away from 0 and exp's argument
// bounded, so every value and derivative is finite.

#include <memograd/autodiff.hpp>
#include <memograd/detail/splitmix.hpp>

#include <cstddef>
#include <cstdint>

namespace memograd_tests {

inline constexpr std::size_t random_inputs = 3;

constexpr std::uint64_t next_seed(std::uint64_t s) {
    return memograd::detail::splitmix64(s);
}

template <std::uint64_t Seed, int Depth, bool Kinks>
constexpr auto random_expression() {
    using namespace memograd;
    constexpr std::uint64_t s = next_seed(Seed);
    if constexpr (Depth == 0) {
        return var<s % random_inputs>{};
    } else {
        const auto a = random_expression<next_seed(s + 1), Depth - 1, Kinks>();
        const auto b = random_expression<next_seed(s + 2), Depth - 1, Kinks>();
        constexpr double c = 0.25 + static_cast<double>((s >> 40) % 8) * 0.25;  // a run-time scalar in 0.25..2
        constexpr int op = static_cast<int>((s >> 8) % (Kinks ? 17 : 16));
        if constexpr (op == 0) {
            return a + b;
        } else if constexpr (op == 1) {
            return a - b;
        } else if constexpr (op == 2) {
            return a * b;
        } else if constexpr (op == 3) {
            return a / (1.0 + square(b));
        } else if constexpr (op == 4) {
            return a * a;  // the same object twice: one node, two edges
        } else if constexpr (op == 5) {
            const auto h = tanh(a * constant<c>{});
            return h * b + h;  // h shared by two parents (a constant in the type keeps it one node)
        } else if constexpr (op == 6) {
            return -a;
        } else if constexpr (op == 7) {
            return exp(tanh(a));
        } else if constexpr (op == 8) {
            return log(constant<c>{} + square(a));
        } else if constexpr (op == 9) {
            return tanh(a + b);
        } else if constexpr (op == 10) {
            return sigmoid(a - constant<c>{});
        } else if constexpr (op == 11) {
            return square(a) * 0.5;
        } else if constexpr (op == 12) {
            return pow<3>(tanh(a));
        } else if constexpr (op == 13) {
            return c - a / c;
        } else if constexpr (op == 14) {
            return constant<c>{} / (constant<1.0>{} + square(a));
        } else if constexpr (op == 15) {
            return (a + c) * (b + c);  // run-time numbers: both sums evaluated per occurrence
        } else {
            return relu(a) + b;
        }
    }
}

}  // namespace memograd_tests
