// expect: node_names_clash_two_nodes_named_alike_or_one_named_d_plus_another_or_one_node_named_twice_fix_give_each_node_one_name_of_its_own
#include <memograd/autodiff.hpp>

#include <string>

int main() {
    using memograd::named;
    using memograd::var;
    // Two different nodes named h: the listing would print `h = ...` for both.
    const std::string code = memograd::backward_code(named<"h">(var<0>{} * var<1>{}) + named<"h">(var<0>{} + var<1>{}));
    return code.empty() ? 1 : 0;
}
