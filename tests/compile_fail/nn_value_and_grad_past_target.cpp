// expect: the_target_vector_reads_past_the_end_of_y_fix_pass_y_with_N_entries_for_target_vector_N
#include <memograd/nn.hpp>

#include <array>

int main() {
    // The loss reads two targets; y holds one.
    constexpr auto out = memograd::nn::weight_matrix<0, 2, 2>{} * memograd::nn::input_vector<2>{};
    constexpr auto l = memograd::nn::loss<memograd::nn::mse_t>(out, memograd::nn::target_vector<2>{});
    const auto r = memograd::nn::value_and_grad(l, std::array<double, 4>{}, std::array{1.0, 2.0}, std::array{0.0});
    return static_cast<int>(r.value);
}
