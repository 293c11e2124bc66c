// Run-time F(n): memograd::fibonacci (GMP's mpz_int backend, and cpp_int) against GMP's own mpz_fib_ui,
// and reading the constant the compiler computed.
#include <memograd/fibonacci.hpp>

#include <benchmark/benchmark.h>
#include <boost/multiprecision/cpp_int.hpp>

#include <cstdint>

#if !(defined(MEMOGRAD_USE_GMP) && MEMOGRAD_USE_GMP)
#error "bench_fibonacci compares against GMP: configure with GMP available"
#endif

namespace {

void memograd_mpz_int(benchmark::State& state) {
    const auto n = static_cast<std::uint64_t>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(memograd::basic_fibonacci<boost::multiprecision::mpz_int>(n));
    }
}

void memograd_cpp_int(benchmark::State& state) {
    const auto n = static_cast<std::uint64_t>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(memograd::basic_fibonacci<boost::multiprecision::cpp_int>(n));
    }
}

void gmp_mpz_fib_ui(benchmark::State& state) {
    const auto n = static_cast<unsigned long>(state.range(0));
    for (auto _ : state) {
        mpz_t f;
        mpz_init(f);
        mpz_fib_ui(f, n);
        benchmark::DoNotOptimize(f[0]._mp_d);
        mpz_clear(f);
    }
}

void constant_fib_v_2000(benchmark::State& state) {
    for (auto _ : state) {
        memograd::fib_uint<2000> copy = memograd::fib_v<2000>;
        benchmark::DoNotOptimize(copy);
    }
}

}  // namespace

BENCHMARK(memograd_mpz_int)->Arg(2000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(gmp_mpz_fib_ui)->Arg(2000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(memograd_cpp_int)->Arg(2000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);
BENCHMARK(constant_fib_v_2000)->Unit(benchmark::kNanosecond);

BENCHMARK_MAIN();
