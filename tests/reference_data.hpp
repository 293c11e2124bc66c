#pragma once
// Reads the checked-in Fibonacci reference data (tests/data/make_reference.py, Python integers).

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace memograd_tests {

/// F(0..1000) as decimal strings, from tests/data/fibonacci_0_1000.txt.
inline const std::vector<std::string>& fibonacci_decimal_0_1000() {
    static const std::vector<std::string> values = [] {
        std::ifstream in(MEMOGRAD_TEST_DATA_DIR "/fibonacci_0_1000.txt");
        if (!in) {
            throw std::runtime_error("cannot open fibonacci_0_1000.txt");
        }
        std::vector<std::string> result;
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line.front() == '#') {
                continue;
            }
            std::istringstream fields(line);
            std::size_t n = 0;
            std::string value;
            fields >> n >> value;
            if (n != result.size()) {
                throw std::runtime_error("fibonacci_0_1000.txt: rows out of order");
            }
            result.push_back(value);
        }
        if (result.size() != 1001) {  // a truncated or empty file must not shrink the loops that read it
            throw std::runtime_error("fibonacci_0_1000.txt: expected 1001 rows");
        }
        return result;
    }();
    return values;
}

/// How many rows tests/data/fibonacci_digests.txt holds.
inline constexpr std::size_t digest_rows = 6;

/// One row of tests/data/fibonacci_digests.txt.
struct fibonacci_digest {
    std::uint64_t n;
    std::uint64_t bit_length;
    std::uint64_t mod_mersenne61;  // F(n) mod 2^61 - 1
    std::uint64_t mod_1e18;        // F(n) mod 10^18: its last 18 digits
};

/// The rows of tests/data/fibonacci_digests.txt, n = 2000, 10^4, 2^16, 10^5, 123457, 10^6 (throws on any
/// other row count, so an empty or truncated file cannot make a loop over the rows check nothing).
inline std::vector<fibonacci_digest> fibonacci_digests() {
    std::ifstream in(MEMOGRAD_TEST_DATA_DIR "/fibonacci_digests.txt");
    if (!in) {
        throw std::runtime_error("cannot open fibonacci_digests.txt");
    }
    std::vector<fibonacci_digest> result;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::istringstream fields(line);
        fibonacci_digest row{};
        fields >> row.n >> row.bit_length >> row.mod_mersenne61 >> row.mod_1e18;
        if (!fields) {
            throw std::runtime_error("fibonacci_digests.txt: malformed row: " + line);
        }
        result.push_back(row);
    }
    if (result.size() != digest_rows) {
        throw std::runtime_error("fibonacci_digests.txt: expected " + std::to_string(digest_rows) + " rows");
    }
    return result;
}

inline constexpr std::uint64_t mersenne61 = (std::uint64_t{1} << 61) - 1;
inline constexpr std::uint64_t ten_to_18 = 1'000'000'000'000'000'000;

}  // namespace memograd_tests
