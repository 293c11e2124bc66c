#pragma once
// Relative closeness usable in static_asserts (std::abs is not constexpr in C++20).

namespace memograd_tests {

constexpr bool close(double a, double b, double tolerance = 1e-14) {
    const double d = a - b;
    const double scale = (a < 0 ? -a : a) + (b < 0 ? -b : b) + 1.0;
    return (d < 0 ? -d : d) <= tolerance * scale;
}

}  // namespace memograd_tests
