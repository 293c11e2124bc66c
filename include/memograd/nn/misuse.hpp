#pragma once
/// @file
/// @brief The diagnostics of misuse of the layer-graph entry points, as type names.
///
/// As for the scalar engine (autodiff/misuse.hpp): each misuse selects a deleted overload, so a
/// `requires` expression over the call is false, and a call names the problem and its fix through the
/// tag in the deleted signature (`... [with ...; Problem = memograd::nn::misuse::<problem>_fix_<fix>]`).

/// @cond MEMOGRAD_INTERNAL
namespace memograd::nn::misuse {

// ---- building a layer graph ----
/// `W * h` with h not a vector of W's column count.
struct W_times_h_needs_h_a_vector_with_one_entry_per_column_of_W_fix_weight_matrix_Offset_Out_In_takes_the_In_outputs_below {};
/// `a + b` of a matrix, or of vectors of two lengths.
struct a_plus_b_needs_two_vectors_of_one_length_fix_bias_vector_Offset_Out_for_the_Out_entries_of_W_h {};
/// `activate<Act>(z)` of a matrix.
struct activate_needs_a_vector_fix_apply_it_to_W_h_plus_b_not_to_a_weight_matrix {};
/// `loss<Loss>(out, target)` of a matrix, or of vectors of two lengths.
struct loss_needs_out_and_target_vectors_of_one_length_fix_one_target_entry_per_output {};

// ---- evaluating one ----
/// The first argument of an nn entry point is not a layer graph.
struct first_argument_is_not_a_layer_graph_fix_build_it_from_input_vector_weight_matrix_bias_vector_and_the_layer_operators {};
/// `p`, `x` or `y` is not a `std::array<double, N>` (an array of float or int, a vector, ...).
struct p_x_and_y_must_be_std_array_of_double_fix_pass_std_array_double_N_for_each {};
/// `p` of a batch is not a `std::array<double, N>`, or its samples or targets are not contiguous ranges of
/// `std::array<double, N>`.
struct a_batch_is_p_then_ranges_of_std_array_of_double_fix_pass_a_vector_or_span_of_std_array_double_N {};
/// `value_and_grad` of a vector-valued layer graph.
struct expression_is_a_vector_not_a_scalar_fix_take_the_gradient_of_loss_Loss_of_it_and_a_target_vector_N {};
/// A parameter block reads past the end of `p`.
struct a_parameter_block_reads_past_the_end_of_p_fix_pass_p_with_Offset_plus_Rows_times_Cols_entries_for_the_last_block {};
/// The input vector reads past the end of `x` (of each sample of a batch).
struct the_input_vector_reads_past_the_end_of_x_fix_pass_x_with_N_entries_for_input_vector_N {};
/// The target vector reads past the end of `y` (of each target of a batch).
struct the_target_vector_reads_past_the_end_of_y_fix_pass_y_with_N_entries_for_target_vector_N {};
/// `evaluate` of a graph that reads a target (a loss): evaluate takes no target.
struct evaluate_takes_no_target_but_the_expression_reads_one_fix_evaluate_the_outputs_or_call_value_and_grad {};
/// A parameter reaches an operand slot that has no backward kernel (the target of a loss without
/// `derivative<N, 1>`): its gradient would be missing.
struct a_parameter_reaches_an_operand_that_is_not_differentiated_fix_give_the_loss_derivative_N_1_or_make_the_target_a_target_vector {};

// ---- nn::mlp ----
/// `mlp::value_and_grad` or `mlp::predict` with `p` of another length than `parameter_count`.
struct p_does_not_have_parameter_count_entries_fix_pass_mlp_parameters {};
/// `mlp::value_and_grad` or `mlp::predict` with an input of another length than `input_size`.
struct x_does_not_have_input_size_entries_fix_pass_mlp_input_the_first_of_Sizes {};
/// `mlp::value_and_grad` with a target of another length than `output_size`.
struct the_target_y_does_not_have_output_size_entries_fix_pass_mlp_output_the_last_of_Sizes {};
/// `mlp::value_and_grad` or `mlp::predict` with an array whose elements are not doubles.
struct mlp_arguments_must_be_std_array_of_double_fix_pass_mlp_parameters_input_and_output {};

}  // namespace memograd::nn::misuse
/// @endcond
