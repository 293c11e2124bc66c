// expect: h must be a vector with as many entries as W has columns
#include <memograd/nn.hpp>

int main() {
    // W is [3][2]; the input has 3 entries.
    const auto z = memograd::nn::weight_matrix<0, 3, 2>{} * memograd::nn::input_vector<3>{};
    return sizeof(z) > 0 ? 0 : 1;
}
