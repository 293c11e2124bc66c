// expect: path_sum_value_and_grad: the expression uses var<I> with I >= x.size\(\)
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var;
    return static_cast<int>(memograd::path_sum_value_and_grad(var<2>{} + 1.0, std::array{1.0}).value);
}
