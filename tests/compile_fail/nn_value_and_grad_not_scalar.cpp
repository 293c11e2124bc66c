// expect: expression_is_a_vector_not_a_scalar_fix_take_the_gradient_of_loss_Loss_of_it_and_a_target_vector_N
#include <memograd/nn.hpp>

#include <array>

int main() {
    // W x is a vector of two entries: there is no loss to differentiate.
    constexpr auto out = memograd::nn::weight_matrix<0, 2, 2>{} * memograd::nn::input_vector<2>{};
    const auto r = memograd::nn::value_and_grad(out, std::array<double, 4>{}, std::array{1.0, 2.0}, std::array{0.0});
    return static_cast<int>(r.value);
}
