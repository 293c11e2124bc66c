// expect: inputs_are_not_a_std_array_of_double_fix_pass_one_value_per_var
#include <memograd/autodiff.hpp>

#include <vector>

int main() {
    const std::vector<double> x{1.0, 2.0};
    return static_cast<int>(memograd::value_and_grad(memograd::var<0>{} * 2.0, x).value);
}
