#pragma once
/// @file
/// @brief The diagnostics of misuse, as type names.
///
/// Misuse is answered by a deleted overload: `requires { var<0>{} * "two"; }` is then false, as generic
/// code needs, and a call names the problem and its fix through the tag type in the deleted signature
/// (`... [with ...; Problem = memograd::misuse::operand_is_neither_...]`).

namespace memograd::misuse {
/// An operand of + − · / is neither an expression nor a number.
struct operand_is_neither_a_memograd_expression_nor_a_number_fix_build_from_var_I_and_doubles {};
/// `pow<N>` with N < 0.
struct pow_exponent_is_negative_fix_write_1_over_pow_of_minus_N {};
/// `pow<N>(e)` with e not an expression.
struct pow_argument_is_not_a_memograd_expression_fix_use_var_I {};
/// `value_and_grad(expr, x)` with an expr that is not a memograd expression.
struct first_argument_is_not_a_memograd_expression_fix_build_it_from_var_I_operators_and_functions {};
/// `value_and_grad(expr, x)` with an x that is not a std::array<double, K>.
struct inputs_are_not_a_std_array_of_double_fix_pass_one_value_per_var_like_std_array_1_0_2_0 {};
/// A `var<I>` with I >= `x.size()`.
struct expression_uses_var_I_past_the_end_of_x_fix_pass_one_entry_per_var_largest_I_plus_one {};
/// A `data<J>` leaf with no data array passed.
struct expression_reads_data_J_leaves_fix_pass_the_data_array_as_third_argument {};
/// A `data<J>` with J >= `data.size()`.
struct expression_uses_data_J_past_the_end_of_data_fix_pass_one_entry_per_data_leaf {};
/// `jvp(expr, x, direction)` with a direction whose length is not x's.
struct direction_and_x_differ_in_length_fix_pass_one_direction_entry_per_entry_of_x {};
/// `named<"...">(expr)` with a name that is not an identifier, or one the printers make (`v3`, `x`, ...).
struct node_name_is_not_an_identifier_or_is_a_printer_name_like_v3_fix_use_letters_digits_and_underscores {};
/// `trace(expr, x, data)` with an expr that holds a run-time double: its nodes are evaluated per occurrence,
/// not in the memo table the trace reads.
struct trace_of_expression_with_run_time_doubles_fix_write_them_as_constant_V_or_data_J {};
}  // namespace memograd::misuse
