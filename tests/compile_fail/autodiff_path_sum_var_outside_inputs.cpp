// expect: expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var;
    return static_cast<int>(memograd::path_sum_value_and_grad(var<2>{} + 1.0, std::array{1.0}).value);
}
