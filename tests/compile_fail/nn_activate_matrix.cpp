// expect: activate_needs_a_vector_fix_apply_it_to_W_h_plus_b_not_to_a_weight_matrix
#include <memograd/nn.hpp>

int main() {
    const auto a = memograd::nn::activate<memograd::nn::tanh_t>(memograd::nn::weight_matrix<0, 3, 2>{});
    return sizeof(a) > 0 ? 0 : 1;
}
