// expect: z must be a vector \(W \* h \+ b\), not a matrix
#include <memograd/nn.hpp>

int main() {
    const auto a = memograd::nn::activate<memograd::nn::tanh_t>(memograd::nn::weight_matrix<0, 3, 2>{});
    return sizeof(a) > 0 ? 0 : 1;
}
