// expect: first_argument_is_not_a_memograd_expression_fix_build_it_from_var_I
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    return static_cast<int>(memograd::value_and_grad(3.0, std::array{1.0}).value);
}
