// expect: a_parameter_block_reads_past_the_end_of_p_fix_pass_p_with_Offset_plus_Rows_times_Cols_entries_for_the_last_block
#include <memograd/nn.hpp>

#include <array>

int main() {
    // W reads parameters 0-5, b 6-8, the output layer 9-12: p needs 13 entries, not 12.
    constexpr auto h = memograd::nn::activate<memograd::nn::tanh_t>(
        memograd::nn::weight_matrix<0, 3, 2>{} * memograd::nn::input_vector<2>{} + memograd::nn::bias_vector<6, 3>{});
    constexpr auto out = memograd::nn::weight_matrix<9, 1, 3>{} * h + memograd::nn::bias_vector<12, 1>{};
    constexpr auto l = memograd::nn::loss<memograd::nn::mse_t>(out, memograd::nn::target_vector<1>{});
    const auto r = memograd::nn::value_and_grad(l, std::array<double, 12>{}, std::array{1.0, 2.0}, std::array{0.5});
    return static_cast<int>(r.value);
}
