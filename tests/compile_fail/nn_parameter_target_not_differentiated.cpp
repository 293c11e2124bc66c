// expect: a_parameter_reaches_an_operand_that_is_not_differentiated_fix_give_the_loss_derivative_N_1_or_make_the_target_a_target_vector
#include <memograd/nn.hpp>

#include <array>
#include <cstddef>
#include <string_view>

// A loss that gives its derivative in the outputs only (no derivative<N, 1>), its target a parameter block:
// the target's gradient would be missing.
struct outputs_only_t {
    static constexpr std::string_view name = "half_squares";
    template <std::size_t N>
    static constexpr double value(const std::array<double, N>& a, const std::array<double, N>& y) {
        return (a[0] - y[0]) * (a[0] - y[0]) / 2;
    }
    template <std::size_t N>
    static constexpr double derivative(double a, double y) { return a - y; }
};

int main() {
    constexpr auto out = memograd::nn::weight_matrix<0, 1, 1>{} * memograd::nn::input_vector<1>{};
    constexpr auto l = memograd::nn::loss<outputs_only_t>(out, memograd::nn::bias_vector<1, 1>{});
    const auto r = memograd::nn::value_and_grad(l, std::array{2.0, 0.5}, std::array{1.0}, std::array<double, 0>{});
    return static_cast<int>(r.value);
}
