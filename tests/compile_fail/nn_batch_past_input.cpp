// expect: the_input_vector_reads_past_the_end_of_x_fix_pass_x_with_N_entries_for_input_vector_N
#include <memograd/nn.hpp>

#include <array>
#include <span>
#include <vector>

int main() {
    // The graph reads three inputs per sample; the samples hold two.
    constexpr auto out = memograd::nn::weight_matrix<0, 1, 3>{} * memograd::nn::input_vector<3>{};
    constexpr auto l = memograd::nn::loss<memograd::nn::mse_t>(out, memograd::nn::target_vector<1>{});
    const std::vector<std::array<double, 2>> xs{{1.0, 2.0}};
    const std::vector<std::array<double, 1>> ys{{0.0}};
    const auto r = memograd::nn::batch_value_and_grad(l, std::array<double, 3>{}, std::span(xs), std::span(ys));
    return static_cast<int>(r.value);
}
