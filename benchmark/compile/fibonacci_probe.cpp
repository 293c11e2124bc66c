// One compile-time Fibonacci strategy at one N, for benchmark/compile_time.sh and compile_limits.sh.
// -DPROBE_STRATEGY=0 measures the headers alone; 6 is a whole program: F(N) as a constant, printed; 7 is
// fib_v<N> with its top four doubling levels computed one per function first (as
// examples/fibonacci_million.cpp does), so that GCC frees each level's temporaries before the next.
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
#elif PROBE_STRATEGY == 7
[[maybe_unused]] void level_16() { static_cast<void>(memograd::fib_pair_v<n / 16>); }
[[maybe_unused]] void level_8() { static_cast<void>(memograd::fib_pair_v<n / 8>); }
[[maybe_unused]] void level_4() { static_cast<void>(memograd::fib_pair_v<n / 4>); }
[[maybe_unused]] void level_2() { static_cast<void>(memograd::fib_pair_v<n / 2>); }
[[maybe_unused]] void level_1() { static_cast<void>(memograd::fib_v<n>); }
static_assert(memograd::fib_v<n> > 0u);
#endif

#if PROBE_STRATEGY == 6
constexpr auto v = memograd::fib_v<n>;
int main() { std::cout << v << '\n'; }
#else
int main() {}
#endif
