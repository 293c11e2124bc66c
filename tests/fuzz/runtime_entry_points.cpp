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
// and at ordinary magnitudes, wherever forward mode's gradient entry is finite, the memoized pass and the
// path sum give it too, within 1e-10 of the chain rule's rounding scale (tests/dual_numbers.hpp).
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
    if (!ordinary || !finite(forward.value)) {
        return;
    }
    for (std::size_t i = 0; i < 3; ++i) {
        if (finite(forward.tangent[i]) && finite(forward.scale[i])) {
            expect(memograd_tests::near_gradient(memo.grad[i], forward.tangent[i], forward.scale[i], 1e-10),
                   "memoized != forward mode");
            expect(memograd_tests::near_gradient(paths.grad[i], forward.tangent[i], forward.scale[i], 1e-10),
                   "path sum != forward mode");
        }
    }
}

using fuzzed_net = memograd::nn::mlp<memograd::nn::tanh_t, memograd::nn::sigmoid_t, 2, 3, 1>;

/// The mean mse loss of fuzzed_net over a batch, and its gradient, by backpropagation written out here
/// (std::tanh, std::exp, sech^2 from cosh; nothing from memograd), with beside each entry the rounding
/// scale of its terms (library's tanh' = 1 - h^2 rounds with 1 + h^2, sigmoid' = a(1 - a) with a(1 + a)).
struct hand_mlp {
    std::array<double, fuzzed_net::parameter_count> grad{};
    std::array<double, fuzzed_net::parameter_count> scale{};
    double value = 0;

    hand_mlp(const fuzzed_net::parameters& p, const std::vector<fuzzed_net::input>& xs,
             const std::vector<fuzzed_net::output>& ys) {
        const double n = static_cast<double>(xs.size());
        for (std::size_t s = 0; s < xs.size(); ++s) {
            std::array<double, 3> z{};
            std::array<double, 3> h{};
            double u = p[12];
            for (std::size_t i = 0; i < 3; ++i) {
                z[i] = p[2 * i] * xs[s][0] + p[2 * i + 1] * xs[s][1] + p[6 + i];
                h[i] = std::tanh(z[i]);
                u += p[9 + i] * h[i];
            }
            const double a = 1.0 / (1.0 + std::exp(-u));
            value += (a - ys[s][0]) * (a - ys[s][0]) / n;
            const double e = std::exp(-std::abs(u));
            const double d_u = 2 * (a - ys[s][0]) * e / ((1 + e) * (1 + e)) / n;
            const double s_u = 2 * (std::abs(a) + std::abs(ys[s][0])) * a * (1 + a) / n;
            grad[12] += d_u;
            scale[12] += s_u;
            for (std::size_t i = 0; i < 3; ++i) {
                grad[9 + i] += d_u * h[i];
                scale[9 + i] += s_u * std::abs(h[i]);
                const double d_z = d_u * p[9 + i] / (std::cosh(z[i]) * std::cosh(z[i]));
                const double s_z = s_u * std::abs(p[9 + i]) * (1 + h[i] * h[i]);
                for (std::size_t j = 0; j < 2; ++j) {
                    grad[2 * i + j] += d_z * xs[s][j];
                    scale[2 * i + j] += s_z * std::abs(xs[s][j]);
                }
                grad[6 + i] += d_z;
                scale[6 + i] += s_z;
            }
        }
    }
};

bool ordinary_values(std::span<const double> values) {
    return std::ranges::all_of(values, [](double v) { return std::abs(v) < 1e3; });
}

// nn::mlp's batch overload with fuzzed parameters and batch lengths: invalid_argument exactly when the
// batch is empty or the two spans differ in length; otherwise, at ordinary magnitudes, the value and
// gradient of the backpropagation written out in hand_mlp.
void fuzz_mlp(byte_reader& in) {
    using net = fuzzed_net;
    // Half the inputs are arbitrary bit patterns (NaN, infinities, huge values: nothing may crash), half
    // are numbers in [-8, 8) (16-bit fixed point), so that the comparison with hand_mlp runs often.
    const bool bit_patterns = in.read<std::uint8_t>() % 2 == 0;
    const auto number = [&] { return bit_patterns ? in.read<double>() : in.read<std::int16_t>() / 4096.0; };
    typename net::parameters p{};
    for (double& w : p) {
        w = number();
    }
    const std::size_t inputs = in.read<std::uint8_t>() % 5;
    const std::size_t targets = in.read<std::uint8_t>() % 5;
    std::vector<typename net::input> xs(inputs);
    std::vector<typename net::output> ys(targets);
    for (auto& x : xs) {
        x = {number(), number()};
    }
    for (auto& t : ys) {
        t = {number()};
    }
    try {
        const auto result = net::value_and_grad(p, std::span<const typename net::input>(xs),
                                                std::span<const typename net::output>(ys));
        expect(inputs == targets && inputs > 0, "mlp accepted a mismatched or empty batch");
        bool ordinary = ordinary_values(p);
        for (std::size_t s = 0; s < inputs; ++s) {
            ordinary = ordinary && ordinary_values(xs[s]) && ordinary_values(ys[s]);
        }
        if (!ordinary) {
            return;
        }
        const hand_mlp hand(p, xs, ys);
        expect(std::abs(result.value - hand.value) <= 1e-12 * (1 + std::abs(hand.value)), "mlp value != by hand");
        for (std::size_t i = 0; i < net::parameter_count; ++i) {
            expect(memograd_tests::near_gradient(result.grad[i], hand.grad[i], hand.scale[i], 1e-10),
                   "mlp gradient != backpropagation by hand");
        }
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
