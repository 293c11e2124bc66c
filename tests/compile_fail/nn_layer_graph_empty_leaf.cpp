// expect: a layer-graph leaf needs at least one row and one column
#include <memograd/nn.hpp>

int main() {
    // A layer of 0 units: its weight matrix has no rows.
    const auto z = memograd::nn::weight_matrix<0, 0, 2>{} * memograd::nn::input_vector<2>{};
    return sizeof(z) > 0 ? 0 : 1;
}
