// F(1,000,000), computed by the compiler in fibonacci_million.cpp: the one translation unit of a build that
// pays for it (about a minute of compile time on Clang 19, two on GCC 12), shared by examples/fibonacci.cpp
// and tests/fibonacci_million.cpp.
#pragma once

#include <memograd/fibonacci/fixed_uint.hpp>

#include <cstddef>

namespace memograd_examples {

/// The width of fib_uint<1'000'000>: F(10^6) has 694,241 bits, which round up to 10,848 limbs.  Spelled out
/// so that this declaration does not make every includer compute F(10^6) (fib_uint<N> is the type of
/// fib_v<N>); fibonacci_million.cpp asserts that it is that type.
inline constexpr std::size_t million_bits = 694'272;

/// F(1,000,000) as computed by the compiler.
const memograd::fixed_uint<million_bits>& fibonacci_million();

}  // namespace memograd_examples
