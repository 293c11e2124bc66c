// expect: a_plus_b_needs_two_vectors_of_one_length_fix_bias_vector_Offset_Out_for_the_Out_entries_of_W_h
#include <memograd/nn.hpp>

int main() {
    // W x has 3 entries; the bias has 2.
    const auto z = memograd::nn::weight_matrix<0, 3, 2>{} * memograd::nn::input_vector<2>{} +
                   memograd::nn::bias_vector<6, 2>{};
    return sizeof(z) > 0 ? 0 : 1;
}
