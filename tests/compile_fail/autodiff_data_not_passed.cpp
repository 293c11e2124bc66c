// expect: expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument
#include <memograd/autodiff.hpp>

#include <array>

// The loss reads a target data<0>, but no data array is passed.
const auto r = memograd::value_and_grad(memograd::square(memograd::var<0>{} - memograd::data<0>{}), std::array{1.0});
