// expect: expression_uses_data_J_past_the_end_of_data_fix_pass_one_entry_per_data_leaf
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    // data<1> reads the second entry; the data array has one.
    const auto r = memograd::value_and_grad(memograd::var<0>{} * memograd::data<1>{}, std::array{1.0}, std::array{2.0});
    return static_cast<int>(r.value);
}
