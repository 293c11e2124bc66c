// expect: COMPILES
// The passing twins of the named-node compile-fail cases (autodiff_named_*.cpp).
#include <memograd/autodiff.hpp>

#include <string>

using memograd::var;

int main() {
    // autodiff_named_keyword, autodiff_named_printed_function: names that only contain such words.
    constexpr auto h = memograd::named<"int_count">(var<0>{} * var<1>{});
    constexpr auto t = memograd::named<"tanh_out">(memograd::tanh(h));
    const std::string code = memograd::backward_code(t + h);
    return code.empty() ? 1 : 0;
}
