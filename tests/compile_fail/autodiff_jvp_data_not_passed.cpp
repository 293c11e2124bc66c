// expect: expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var, memograd::data;
    // The expression reads data<0>, but no data array is passed after the direction.
    return static_cast<int>(memograd::jvp(var<0>{} * data<0>{}, std::array{1.0}, std::array{1.0}).value);
}
