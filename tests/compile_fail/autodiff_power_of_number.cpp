// expect: pow<N>\(e\): e must be a memograd expression
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = memograd::pow<2>(3.0);
}
