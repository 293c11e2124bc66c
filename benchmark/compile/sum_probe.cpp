// Compile-time growth probe: a dot product of TERMS terms, var<i> * data<i>, summed as a balanced tree of
// binary + (built by halves, so neither the expression nor a fold is TERMS deep), its value and gradient
// computed as a constant (benchmark/compile_time_growth.sh compiles it at several widths).
#include <memograd/autodiff.hpp>

#include <array>
#include <cstddef>

#ifndef TERMS
#define TERMS 10
#endif

template <std::size_t Begin, std::size_t Count>
constexpr auto dot_terms() {
    if constexpr (Count == 1) {
        return memograd::var<Begin>{} * memograd::data<Begin>{};
    } else {
        return dot_terms<Begin, Count / 2>() + dot_terms<Begin + Count / 2, Count - Count / 2>();
    }
}

constexpr std::array<double, TERMS> filled(double first, double step) {
    std::array<double, TERMS> a{};
    for (std::size_t i = 0; i < TERMS; ++i) {
        a[i] = first + step * static_cast<double>(i);
    }
    return a;
}

constexpr auto result = memograd::value_and_grad(dot_terms<0, TERMS>(), filled(0.5, 0.001), filled(-1.0, 0.002));
static_assert(result.grad[TERMS - 1] == filled(-1.0, 0.002)[TERMS - 1]);  // d(w . x)/dw_i = x_i

double dot_value() { return result.value; }
