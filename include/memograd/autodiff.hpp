#pragma once
/// @file
/// @brief Backpropagation = chain rule + memoization: expressions whose backward pass the compiler generates.

// The headers that hold misuse static_asserts come first: a header's first inclusion fixes the
// "In file included from" chain GCC prints above each error, and first here keeps that chain two lines.
#include "autodiff/ops.hpp"
#include "autodiff/path_sum.hpp"
#include "autodiff/value_and_grad.hpp"

#include "autodiff/backward.hpp"
#include "autodiff/dense_network.hpp"
#include "autodiff/expression.hpp"
#include "autodiff/graph.hpp"
#include "autodiff/math.hpp"
#include "autodiff/print.hpp"
#include "autodiff/static_for.hpp"
