#pragma once
/// @file
/// @brief Umbrella header: everything memograd offers.

#include "config.hpp"
#include "fibonacci.hpp"
