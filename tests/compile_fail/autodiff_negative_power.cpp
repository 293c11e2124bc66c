// expect: pow<N>: the exponent must be >= 0
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = memograd::pow<-1>(memograd::var<0>{});
}
