// Writes the emitted C++ of tests/cpp_source_expressions.hpp to standard output: the build compiles it
// into tests/cpp_source.cpp as its own code (no memograd dependency in the emitted functions).
#include "cpp_source_expressions.hpp"

#include <iostream>

int main() {
    namespace e = memograd_tests::emitted;
    std::cout << memograd::cpp_source(e::every_rule, "every_rule") << '\n'
              << memograd::cpp_source(e::run_time_numbers, "run_time_numbers") << '\n'
              << memograd::cpp_source(e::with_data, "with_data") << '\n'
              << memograd::cpp_source(e::network, "network");
}
