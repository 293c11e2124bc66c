// The lecture's notebook, in C++: F(2000) computed by the compiler, what it costs to get it at run time,
// and how many calls the naive and the memoized recursions make; in builds with MEMOGRAD_BUILD_F_MILLION,
// also F(1,000,000) computed by the compiler (fibonacci_million.cpp). With a directory argument it also
// writes the call counts and times as fibonacci_calls.dat there (the docs plot them).
#include <memograd/fibonacci.hpp>
#if defined(MEMOGRAD_EXAMPLE_F_MILLION)
#include "fibonacci_million.hpp"
#endif

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

// Nanoseconds per call of f, averaged over enough calls to read a steady clock meaningfully.
template <class F>
double nanoseconds_per_call(F&& f, int repetitions) {
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < repetitions; ++i) {
        f();
    }
    const std::chrono::duration<double, std::nano> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count() / repetitions;
}

// Keeps a result alive so the optimizer cannot drop the work that produced it.
template <class T>
void keep(const T& value) {
    asm volatile("" : : "g"(&value) : "memory");
}

}  // namespace

int main(int argc, char** argv) {
    //! [lecture]
    // print(fib(2000)): the compiler computed this number; the program only prints it.
    constexpr auto& f2000 = memograd::fib_v<2000>;
    std::cout << "fib(2000) = " << f2000 << "\n\n";
    //! [lecture]

    const double read_ns = nanoseconds_per_call([] { keep(memograd::fib_v<2000>); }, 1'000'000);
    const double copy_ns = nanoseconds_per_call([] {
        memograd::fib_uint<2000> copy = memograd::fib_v<2000>;
        keep(copy);
    }, 1'000'000);
    const double runtime_ns = nanoseconds_per_call([] { keep(memograd::fibonacci(2000)); }, 20'000);
    std::printf("cost of getting F(2000) at run time:\n");
    std::printf("  constant computed by the compiler, referenced  %10.1f ns\n", read_ns);
    std::printf("  constant copied (%zu bytes)                    %10.1f ns\n", sizeof(f2000), copy_ns);
    std::printf("  memograd::fibonacci(2000), computed now        %10.1f ns\n", runtime_ns);
    std::printf("  the lecture's Python dictionary                ~2200000 ns (as printed in the lecture)\n\n");

    std::printf("space-time trade-off: fib_table<2000> holds F(0..2000) in %zu bytes; fib_v<2000> alone is %zu\n\n",
                sizeof(memograd::fib_table<2000>), sizeof(f2000));

#if defined(MEMOGRAD_EXAMPLE_F_MILLION)
    // F(1,000,000): the compiler computed it while building fibonacci_million.cpp. Referencing it is free;
    // reading it as decimal text costs a base conversion, which is slower than computing it again with GMP.
    const auto& f_million = memograd_examples::fibonacci_million();
    std::string digits;
    const double decimal_ns = nanoseconds_per_call([&] { digits = f_million.str(); }, 1);
    const double million_read_ns = nanoseconds_per_call([] { keep(memograd_examples::fibonacci_million()); }, 1'000'000);
    const double million_runtime_ns = nanoseconds_per_call([] { keep(memograd::fibonacci(1'000'000)); }, 10);
    std::printf("F(1000000), computed by the compiler: %zu bits, %zu decimal digits\n",
                memograd::detail::bit_length(f_million), digits.size());
    std::printf("  first digits %s..., last digits ...%s\n", digits.substr(0, 20).c_str(),
                digits.substr(digits.size() - 20).c_str());
    std::printf("  constant computed by the compiler, referenced  %10.1f ns\n", million_read_ns);
    std::printf("  constant converted to decimal (str())          %10.1f ms\n", decimal_ns / 1e6);
    std::printf("  memograd::fibonacci(1000000), computed now     %10.1f ms\n\n", million_runtime_ns / 1e6);
#endif

    std::ofstream data;
    if (argc > 1) {
        data.open(std::string(argv[1]) + "/fibonacci_calls.dat");
        data << "# n naive_calls memoized_calls naive_ms memoized_ns\n";
    }
    std::printf("%4s %16s %16s %14s %14s\n", "n", "naive calls", "memoized calls", "naive time", "memoized time");
    for (std::uint64_t n = 5; n <= 40; n += 5) {
        // Read n through a volatile so the optimizer cannot compute the recursion ahead of time.
        volatile std::uint64_t opaque_n = n;
        memograd::counted<std::uint64_t> naive{};
        memograd::counted<std::uint64_t> memoized{};
        const double naive_ns = nanoseconds_per_call([&] { naive = memograd::naive_fibonacci(opaque_n); }, 1);
        const double memo_ns = nanoseconds_per_call([&] { memoized = memograd::memoized_fibonacci(opaque_n); }, 1000);
        std::printf("%4llu %16llu %16llu %11.3f ms %11.1f ns\n", static_cast<unsigned long long>(n),
                    static_cast<unsigned long long>(naive.work), static_cast<unsigned long long>(memoized.work),
                    naive_ns / 1e6, memo_ns);
        data << n << ' ' << naive.work << ' ' << memoized.work << ' ' << naive_ns / 1e6 << ' ' << memo_ns << '\n';
    }
    // The same counts, computed by the compiler: the lecture's claims as static_asserts.
    static_assert(memograd::naive_fibonacci<20>().work == 21891);
    static_assert(memograd::memoized_fibonacci<20>().work == 39);
    std::printf("\nnaive calls = 2F(n+1) - 1 (exponential); memoized calls = 2n - 1 (linear)\n");
}
