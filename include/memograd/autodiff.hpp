#pragma once
/// @file
/// @brief Backpropagation = chain rule + memoization: expressions whose backward pass the compiler generates.

#include "autodiff/backward.hpp"
#include "autodiff/expression.hpp"
#include "autodiff/graph.hpp"
#include "autodiff/math.hpp"
#include "autodiff/ops.hpp"
#include "autodiff/path_sum.hpp"
#include "autodiff/print.hpp"
#include "autodiff/static_for.hpp"
#include "autodiff/value_and_grad.hpp"
