// expect: operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = "one" - memograd::var<0>{};
}
