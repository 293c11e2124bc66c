// expect: an operand of \+ - \* / is neither a memograd expression nor a number
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    [[maybe_unused]] const auto e = std::array{1.0, 2.0} + memograd::var<0>{};
}
