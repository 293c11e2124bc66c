// expect: value_and_grad\(expr, x\): expr is not a memograd expression
#include <memograd/autodiff.hpp>

#include <array>

int main() {
    return static_cast<int>(memograd::value_and_grad(3.0, std::array{1.0}).value);
}
