// expect: pow_exponent_is_negative_fix_write_1_over_pow_of_minus_N
#include <memograd/autodiff.hpp>

int main() {
    [[maybe_unused]] const auto e = memograd::pow<-1>(memograd::var<0>{});
}
