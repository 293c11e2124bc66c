// Probe for benchmark/compile_time_moons.sh: PROBE_STEPS (0, 10 or 20) steps of micrograd's two-moons demo
// as constants, evaluated as examples/compile_time_moons.cpp evaluates them (ten to a function).
#include "micrograd_moons.hpp"

#ifndef PROBE_STEPS
#define PROBE_STEPS 0
#endif

namespace {
#if PROBE_STEPS >= 10
[[maybe_unused]] void steps_to_10() { static_cast<void>(micrograd_moons::after_steps<10>); }
#endif
constexpr double loss = micrograd_moons::after_steps<PROBE_STEPS>.loss;
}  // namespace

int main() { return loss > 1e9 ? 1 : 0; }
