#pragma once
/// @file
/// @brief Umbrella header: everything memograd offers.

#include "config.hpp"
#include "autodiff.hpp"
#include "fibonacci.hpp"
#include "nn.hpp"
