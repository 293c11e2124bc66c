#pragma once
/// @file
/// @brief Fibonacci five ways: the first half of the lecture, memoization, with the compiler as memo table.

#include "fibonacci/counted.hpp"
#include "fibonacci/decimal.hpp"
#include "fibonacci/fast_doubling.hpp"
#include "fibonacci/fixed_uint.hpp"
#include "fibonacci/karatsuba.hpp"
#include "fibonacci/limits.hpp"
#include "fibonacci/memoized_recursion.hpp"
#include "fibonacci/naive.hpp"
#include "fibonacci/runtime.hpp"
#include "fibonacci/table.hpp"
#include "fibonacci/template_memo.hpp"
