// F(1,000,000) as the compiler computed it (examples/fibonacci_million.cpp, where static_asserts check its
// Python digests) against GMP's mpz_fib_ui, every bit. Built once per compiler: not under the sanitizers,
// not in clang-tidy (MEMOGRAD_BUILD_F_MILLION).
#include "catch.hpp"

#include "../examples/fibonacci_million.hpp"

#include <boost/multiprecision/cpp_int.hpp>
#include <gmp.h>

#include <iterator>
#include <vector>

TEST_CASE("F(1000000) computed by the compiler equals GMP's mpz_fib_ui", "[fibonacci][static][million]") {
    const auto& f = memograd_examples::fibonacci_million();
    std::vector<unsigned char> bytes;  // big-endian, through Boost's documented export_bits
    export_bits(f, std::back_inserter(bytes), 8);
    mpz_t from_compiler;
    mpz_t reference;
    mpz_init(from_compiler);
    mpz_init(reference);
    mpz_import(from_compiler, bytes.size(), 1, 1, 1, 0, bytes.data());
    mpz_fib_ui(reference, 1'000'000);
    CHECK(mpz_sizeinbase(reference, 2) == 694'241);
    CHECK(mpz_cmp(from_compiler, reference) == 0);
    CHECK(f.str().size() == 208'988);  // the digit count chapter 2 and compile_time_limits.md give
    mpz_clear(from_compiler);
    mpz_clear(reference);
}
