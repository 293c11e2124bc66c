#pragma once
/// @file
/// @brief `counted<T>`: a result together with the work it took, so that cost claims become static_asserts.

#include <cstdint>

namespace memograd {

/// A value and the work a strategy spent on it (calls, additions or multiplications: each strategy
/// documents which).
template <class T>
struct counted {
    T value;             ///< the result
    std::uint64_t work;  ///< what it cost, in the strategy's unit
};

}  // namespace memograd
