// expect: trace_of_expression_with_run_time_doubles_fix_write_them_as_constant_V_or_data_J
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var;
    // 0.5 is a run-time double: its nodes are evaluated per occurrence, outside the memo table trace reads.
    const double scale = 0.5;
    return static_cast<int>(memograd::trace(var<0>{} * scale, std::array{1.0}, std::array<double, 0>{}).result.value);
}
