// expect: loss_needs_out_and_target_vectors_of_one_length_fix_one_target_entry_per_output
#include <memograd/nn.hpp>

int main() {
    // Two outputs, one target.
    const auto out = memograd::nn::weight_matrix<0, 2, 2>{} * memograd::nn::input_vector<2>{};
    const auto l = memograd::nn::loss<memograd::nn::mse_t>(out, memograd::nn::target_vector<1>{});
    return sizeof(l) > 0 ? 0 : 1;
}
