// expect: the expression uses var<I> with I >= x.size\(\)
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    using memograd::var;
    // var<3> needs x to hold at least 4 inputs; this x has 2.
    return static_cast<int>(memograd::value_and_grad(var<3>{} * var<0>{}, std::array{1.0, 2.0}).value);
}
