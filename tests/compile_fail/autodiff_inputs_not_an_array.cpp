// expect: x must be a std::array<double, K>
#include <memograd/autodiff.hpp>

#include <vector>

int main() {
    const std::vector<double> x{1.0, 2.0};
    return static_cast<int>(memograd::value_and_grad(memograd::var<0>{} * 2.0, x).value);
}
