// One compile-time Fibonacci strategy at one N, for benchmark/compile_time.sh and compile_limits.sh.
// -DPROBE_STRATEGY=0 measures the headers alone; 6 is a whole program: F(N) as a constant, printed.
#include <memograd/fibonacci.hpp>

#include <iostream>

#ifndef PROBE_N
#define PROBE_N 2000
#endif

[[maybe_unused]] constexpr std::size_t n = PROBE_N;

#if PROBE_STRATEGY == 1
static_assert(memograd::naive_fibonacci<n>().work > 0);
#elif PROBE_STRATEGY == 2
static_assert(memograd::memoized_fibonacci<n>().work > 0);
#elif PROBE_STRATEGY == 3
static_assert(memograd::fib_table<n>.size() == n + 1);
#elif PROBE_STRATEGY == 4
static_assert(memograd::instantiated_fibonacci<n>().work > 0);
#elif PROBE_STRATEGY == 5
static_assert(memograd::fib_v<n> > 0u);
#endif

#if PROBE_STRATEGY == 6
constexpr auto v = memograd::fib_v<n>;
int main() { std::cout << v << '\n'; }
#else
int main() {}
#endif
