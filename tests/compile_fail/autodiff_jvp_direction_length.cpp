// expect: direction_and_x_differ_in_length_fix_pass_one_direction_entry_per_entry_of_x
#include <memograd/autodiff.hpp>

#include <array>

// Two variables, a direction of one entry.
const auto r = memograd::jvp(memograd::var<0>{} * memograd::var<1>{}, std::array{1.0, 2.0}, std::array{1.0});
