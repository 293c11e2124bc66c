// expect: W_times_h_needs_h_a_vector_with_one_entry_per_column_of_W_fix_weight_matrix_Offset_Out_In_takes_the_In_outputs_below
#include <memograd/nn.hpp>

int main() {
    // W is [3][2]; the input has 3 entries.
    const auto z = memograd::nn::weight_matrix<0, 3, 2>{} * memograd::nn::input_vector<3>{};
    return sizeof(z) > 0 ? 0 : 1;
}
