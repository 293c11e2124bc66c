#pragma once
/// @file
/// @brief Backpropagation = chain rule + memoization: expressions whose backward pass the compiler generates.

#include "autodiff/dense_network.hpp"
#include "autodiff/expression.hpp"
#include "autodiff/forward_mode.hpp"
#include "autodiff/graph.hpp"
#include "autodiff/math.hpp"
#include "autodiff/named.hpp"
#include "autodiff/misuse.hpp"
#include "autodiff/node.hpp"
#include "autodiff/occurrences.hpp"
#include "autodiff/ops.hpp"
#include "autodiff/passes.hpp"
#include "autodiff/path_sum.hpp"
#include "autodiff/print.hpp"
#include "autodiff/rule.hpp"
#include "autodiff/value_and_grad.hpp"
