// The lecture's notebook, in C++: F(2000) computed by the compiler, what it costs to get it at run time,
// and how many calls the naive and the memoized recursions make.
#include <memograd/fibonacci.hpp>

#include <boost/hana/for_each.hpp>
#include <boost/hana/range.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>

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

int main() {
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

    std::printf("%4s %16s %16s %14s %14s\n", "n", "naive calls", "memoized calls", "naive time", "memo time");
    // Memoized call counts are computed by the compiler, one instantiation per n; naive ones at run time.
    boost::hana::for_each(boost::hana::make_range(boost::hana::size_c<2>, boost::hana::size_c<9>), [](auto step) {
        constexpr std::size_t n = decltype(step)::value * 5;
        constexpr auto memoized = memograd::memoized_fibonacci<n>();
        memograd::counted<std::uint64_t> naive{};
        const double naive_ns = nanoseconds_per_call([&] { naive = memograd::naive_fibonacci(n); keep(naive); }, 1);
        const double memo_ns = nanoseconds_per_call([] {
            const auto result = memograd::memoized_fibonacci<n>();
            keep(result);
        }, 100);
        std::printf("%4zu %16llu %16llu %11.3f ms %11.3f ms\n", n, static_cast<unsigned long long>(naive.work),
                    static_cast<unsigned long long>(memoized.work), naive_ns / 1e6, memo_ns / 1e6);
    });
    std::printf("\nnaive calls = 2F(n+1) - 1 (exponential); memoized calls = 2n - 1 (linear)\n");
}
