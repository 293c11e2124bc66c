// expect: a_parameter_block_reads_past_the_end_of_p_fix_pass_p_with_Offset_plus_Rows_times_Cols_entries_for_the_last_block
#include <memograd/nn.hpp>

#include <array>

int main() {
    // W reads parameters 0-5 and b 6-8: nine, not eight.
    constexpr auto h = memograd::nn::weight_matrix<0, 3, 2>{} * memograd::nn::input_vector<2>{} +
                       memograd::nn::bias_vector<6, 3>{};
    const auto out = memograd::nn::evaluate(h, std::array<double, 8>{}, std::array{1.0, 2.0});
    return static_cast<int>(out[0]);
}
