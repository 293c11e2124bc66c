// expect: COMPILES
// The passing twins of the named-node compile-fail cases (autodiff_named_*.cpp, autodiff_duplicate_node_name.cpp).
#include <memograd/autodiff.hpp>

#include <string>

using memograd::var;

int main() {
    // autodiff_named_keyword, autodiff_named_printed_function: names that only contain such words.
    constexpr auto h = memograd::named<"int_count">(var<0>{} * var<1>{});
    constexpr auto t = memograd::named<"tanh_out">(memograd::tanh(h));
    const std::string code = memograd::backward_code(t + h);
    // autodiff_duplicate_node_name: one node named h wherever it is written, another named g.
    const std::string shared = memograd::backward_code(memograd::named<"h">(var<0>{} * var<1>{}) * memograd::named<"h">(var<0>{} * var<1>{}) +
                                                       memograd::named<"g">(var<0>{} + var<1>{}));
    return code.empty() || shared.empty() ? 1 : 0;
}
