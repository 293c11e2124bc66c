// The recursion trees of fib(5), naive and memoized, as Graphviz DOT (the docs draw them), with the
// number of calls per argument checked by the compiler. The lecture: "fib(3) is calculated twice for
// fib(5), and fib(2) multiple times".
#include <array>
#include <cstddef>
#include <cstdio>
#include <fstream>
#include <string>

namespace {

//! [calls per argument]
// How often naive fib(n) is called with each argument k (a constexpr walk of the same recursion).
template <std::size_t N>
constexpr std::array<int, N + 1> naive_calls_per_argument() {
    std::array<int, N + 1> calls{};
    const auto fib = [&](auto& self, std::size_t n) -> unsigned long long {
        ++calls[n];
        return n < 2 ? n : self(self, n - 1) + self(self, n - 2);
    };
    fib(fib, N);
    return calls;
}
// The tree of fib(5) counted by hand: fib(5) once, fib(4) once, fib(3) twice, fib(2) three times,
// fib(1) five times, fib(0) three times; 15 calls = 2 F(6) − 1.
static_assert(naive_calls_per_argument<5>() == std::array{3, 5, 3, 2, 1, 1});

// Memoized (check the memo, compute, store): every argument is computed once; the calls that find it
// stored return at once. fib(5) makes 2 · 5 − 1 = 9 calls: fib(5), fib(4), fib(3), fib(2) computed,
// fib(1) twice and fib(0) once as base cases, and fib(3), fib(2) once more each, found in the memo.
template <std::size_t N>
constexpr std::array<int, N + 1> memoized_calls_per_argument() {
    std::array<int, N + 1> calls{};
    std::array<bool, N + 1> known{};
    std::array<unsigned long long, N + 1> memo{};
    const auto fib = [&](auto& self, std::size_t n) -> unsigned long long {
        ++calls[n];
        if (n < 2) {
            return n;
        }
        if (!known[n]) {                                      // 1. check
            memo[n] = self(self, n - 1) + self(self, n - 2);  // 2. compute
            known[n] = true;                                  // 3. store
        }
        return memo[n];
    };
    fib(fib, N);
    return calls;
}
static_assert(memoized_calls_per_argument<5>() == std::array{1, 2, 2, 2, 1, 1});
//! [calls per argument]

// Writes one node per call, children below it; `memo` marks the arguments already stored.
struct tree_writer {
    std::string out;
    int next = 0;
    bool memoized = false;
    std::array<bool, 64> known{};

    int call(std::size_t n) {
        const int me = next++;
        const bool hit = memoized && n >= 2 && known[n];
        // A stored value is said inside its node (an xlabel would sit on the arrows).
        const std::string label = "fib(" + std::to_string(n) + ")" + (hit ? "\\nstored" : "");
        out += "  c" + std::to_string(me) + " [label=\"" + label + "\"" +
               (hit ? R"(, style=filled, fillcolor="#cfe2f3")" :
                n == 3 && !memoized ? R"(, style=filled, fillcolor="#ffd27f")" : "") + "];\n";
        if (n >= 2 && !hit) {
            for (const std::size_t k : {n - 1, n - 2}) {
                const int child = call(k);
                out += "  c" + std::to_string(me) + " -> c" + std::to_string(child) + ";\n";
            }
            known[n] = true;
        }
        return me;
    }
};

std::string recursion_tree(std::size_t n, bool memoized) {
    tree_writer w;
    w.memoized = memoized;
    w.out = "digraph fib {\n  node [fontname=\"Helvetica\", shape=box];\n";
    w.call(n);
    return w.out + "}\n";
}

}  // namespace

int main(int argc, char** argv) {
    constexpr auto naive = naive_calls_per_argument<5>();
    constexpr auto memoized = memoized_calls_per_argument<5>();
    std::printf("calls of fib(k) while computing fib(5):\n  k      naive  memoized\n");
    for (std::size_t k = 0; k < naive.size(); ++k) {
        std::printf("  %zu %10d %9d\n", k, naive[k], memoized[k]);
    }
    if (argc > 1) {
        std::ofstream(std::string(argv[1]) + "/fib5_naive.dot") << recursion_tree(5, false);
        std::ofstream(std::string(argv[1]) + "/fib5_memoized.dot") << recursion_tree(5, true);
        std::printf("wrote %s/fib5_naive.dot, fib5_memoized.dot\n", argv[1]);
    }
}
