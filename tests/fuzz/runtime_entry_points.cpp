// libFuzzer target over memograd's run-time entry points (built with Clang, -fsanitize=fuzzer plus ASan and
// UBSan; see tests/CMakeLists.txt). The first byte picks an entry point, the rest is its input. Each
// entry point must either return a result that an independent oracle confirms or throw the exception its
// documentation names; anything else (a crash, undefined behaviour, a wrong value, an undocumented
// exception) aborts the run with the input saved.
#include "../dual_numbers.hpp"

#include <memograd/memograd.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

void expect(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "runtime_entry_points: %s\n", what);
        std::abort();
    }
}

/// Reads fuzzer bytes as values of T, zero-filled once the input runs out.
class byte_reader {
public:
    byte_reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}
    template <class T>
    T read() {
        T value{};
        const std::size_t n = std::min(sizeof(T), size_);
        std::memcpy(&value, data_, n);
        data_ += n;
        size_ -= n;
        return value;
    }
    std::string_view rest() const { return {reinterpret_cast<const char*>(data_), size_}; }
    std::size_t remaining() const { return size_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
};

// cpp_int reads a leading 0 as octal: hand it the digits without leading zeros.
boost::multiprecision::cpp_int boost_decimal(std::string_view digits) {
    const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size() - 1);
    return boost::multiprecision::cpp_int(std::string(digits.substr(first)));
}

// parse_decimal against Boost's own cpp_int conversion: the same value, or overflow exactly when the
// value needs more than 128 bits, or invalid_argument exactly when the string is empty or has a non-digit.
void fuzz_parse_decimal(byte_reader& in) {
    const std::string_view text = in.rest();
    const bool digits_only = !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
    try {
        const auto value = memograd::parse_decimal<128>(text);
        expect(digits_only, "parse_decimal accepted a non-digit");
        expect(boost_decimal(text) == boost::multiprecision::cpp_int(value),
               "parse_decimal value differs from cpp_int's");
    } catch (const std::invalid_argument&) {
        expect(!digits_only, "parse_decimal rejected a digit string");
    } catch (const std::overflow_error&) {
        expect(digits_only && msb(boost_decimal(text)) >= 128,
               "parse_decimal overflowed on a value that fits");
    }
}

// Fibonacci entry points: the 64-bit strategies against a loop, throwing out_of_range past F(93);
// fibonacci(n) against Cassini's identity F(n-1) F(n+1) - F(n)^2 = (-1)^n; fibonacci_too_large past the limit.
void fuzz_fibonacci(byte_reader& in) {
    const std::uint64_t raw = in.read<std::uint64_t>();
    const std::uint64_t small = raw % 128;
    std::uint64_t a = 0;
    std::uint64_t b = 1;
    for (std::uint64_t i = 0; i < small && i < 94; ++i) {
        const std::uint64_t next = a + b;
        a = b;
        b = next;
    }
    try {
        expect(memograd::memoized_fibonacci(small).value == a, "memoized_fibonacci differs from the loop");
        expect(small <= 93, "memoized_fibonacci accepted n > 93");
    } catch (const std::out_of_range&) {
        expect(small > 93, "memoized_fibonacci rejected n <= 93");
    }
    const std::uint64_t n = 1 + raw % 20000;  // large enough for several limbs, small enough to stay fast
    const auto previous = memograd::fibonacci(n - 1);
    const auto current = memograd::fibonacci(n);
    const auto next = memograd::fibonacci(n + 1);
    expect(previous + current == next, "fibonacci breaks F(n+1) = F(n) + F(n-1)");
    const auto cassini = previous * next;
    const auto square = current * current;
    expect(n % 2 == 0 ? cassini == square + 1 : cassini + 1 == square, "fibonacci breaks Cassini's identity");
    if (raw > memograd::fibonacci_max_index) {
        try {
            (void)memograd::fibonacci(raw);
            expect(false, "fibonacci accepted n > fibonacci_max_index");
        } catch (const memograd::fibonacci_too_large&) {
        }
    }
}

bool finite(double v) { return std::isfinite(v); }

// The scalar engine on arbitrary doubles (NaN, infinities, subnormals included): no undefined behaviour,
// and wherever the memoized gradient and forward mode are both finite at ordinary magnitudes, they agree.
void fuzz_gradient(byte_reader& in) {
    using namespace memograd;
    constexpr var<0> x;
    constexpr var<1> y;
    constexpr var<2> z;
    const auto shared = tanh(x * y + 0.5);
    const auto expr = shared * sigmoid(z - shared) + log(1.0 + square(y)) / (2.0 + exp(-relu(z)))
                      - pow<3>(x) / 7.0 + 3.0 / (1.5 + shared);
    std::array<double, 3> at{};
    for (double& v : at) {
        v = in.read<double>();
    }
    const auto memo = value_and_grad(expr, at);
    const auto paths = path_sum_value_and_grad(expr, at);
    const auto forward = memograd_tests::forward_mode(expr, at);
    const bool ordinary = std::abs(at[0]) < 1e3 && std::abs(at[1]) < 1e3 && std::abs(at[2]) < 1e3;
    if (!ordinary || !finite(memo.value)) {
        return;
    }
    for (std::size_t i = 0; i < 3; ++i) {
        if (finite(memo.grad[i]) && finite(forward.tangent[i]) && finite(paths.grad[i])) {
            const double scale = 1.0 + std::abs(memo.grad[i]) + std::abs(forward.tangent[i]);
            expect(std::abs(memo.grad[i] - forward.tangent[i]) <= 1e-9 * scale, "memoized != forward mode");
            expect(std::abs(memo.grad[i] - paths.grad[i]) <= 1e-9 * scale, "memoized != path sum");
        }
    }
}

// nn::mlp's batch overload with fuzzed parameters and batch lengths: a gradient, or invalid_argument exactly
// when the batch is empty or the two spans differ in length.
void fuzz_mlp(byte_reader& in) {
    using net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::sigmoid_t, 2, 3, 1>;
    typename net::parameters p{};
    for (double& w : p) {
        w = in.read<double>();
    }
    const std::size_t inputs = in.read<std::uint8_t>() % 5;
    const std::size_t targets = in.read<std::uint8_t>() % 5;
    std::vector<typename net::input> xs(inputs);
    std::vector<typename net::output> ys(targets);
    for (auto& x : xs) {
        x = {in.read<double>(), in.read<double>()};
    }
    for (auto& t : ys) {
        t = {in.read<double>()};
    }
    try {
        const auto result = net::value_and_grad(p, std::span<const typename net::input>(xs),
                                                std::span<const typename net::output>(ys));
        expect(inputs == targets && inputs > 0, "mlp accepted a mismatched or empty batch");
        (void)result;
    } catch (const std::invalid_argument&) {
        expect(inputs != targets || inputs == 0, "mlp rejected a valid batch");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    byte_reader in(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0: fuzz_parse_decimal(in); break;
    case 1: fuzz_fibonacci(in); break;
    case 2: fuzz_gradient(in); break;
    default: fuzz_mlp(in); break;
    }
    return 0;
}
