// expect: node_name_is_not_an_identifier_or_is_a_printer_name_like_v3_fix_use_letters_digits_and_underscores
#include <memograd/autodiff.hpp>

int main() {
    using memograd::var;
    // "1st layer" would not read back as C++ in cpp_source's output.
    constexpr auto n = memograd::named<"1st layer">(var<0>{} * var<1>{});
    return static_cast<int>(sizeof(n));
}
