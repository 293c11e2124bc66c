// expect: an operand of \+ - \* / is neither a memograd expression nor a number
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = memograd::var<0>{} * "two";
}
