// expect: node_name_or_its_adjoint_d_name_is_a_cpp_keyword_or_reserved_or_used_by_the_printed_code_like_int_or_tanh_fix_choose_another_name
#include <memograd/autodiff.hpp>

int main() {
    using memograd::var;
    // cpp_source would declare `double int = x[0] * x[1];`.
    constexpr auto n = memograd::named<"int">(var<0>{} * var<1>{});
    return static_cast<int>(sizeof(n));
}
