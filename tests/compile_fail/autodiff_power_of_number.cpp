// expect: pow_argument_is_not_a_memograd_expression_fix_use_var_I
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = memograd::pow<2>(3.0);
}
