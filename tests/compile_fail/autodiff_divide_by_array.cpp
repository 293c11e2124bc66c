// expect: operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    [[maybe_unused]] const auto e = memograd::var<0>{} / std::array{1.0, 2.0};
}
