// expect: expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var;
    // var<3> needs x (and the direction) to hold at least 4 entries; these hold 2.
    return static_cast<int>(memograd::jvp(var<3>{} * var<0>{}, std::array{1.0, 2.0}, std::array{1.0, 0.0}).value);
}
