#!/usr/bin/env bash
# Compile-time growth of the engine with compounding reuse: benchmark/compile/recurrence_probe.cpp (the
# recurrence of tests/recurrence.hpp, each step reading the last one three times) at several lengths, on
# each compiler, under default limits: "gradient" builds the expression and computes its value and gradient
# as a constant, "build" only builds the (empty) expression object. A tree would grow as 3^T; the graph
# grows by 6 nodes a step. "chain": tanh applied D times (benchmark/compile/chain_probe.cpp, D + 1 nodes);
# "sum": a dot product of N terms var<i> * data<i> summed as a balanced tree (benchmark/compile/sum_probe.cpp,
# 4N - 1 nodes), both with their value and gradient as a constant, under memograd_raise_constexpr_limits()'s
# flags (Clang 19's default step budget stops the sum before 1,000 terms). Figures: the least CPU time of
# RUNS builds (common.sh) and peak resident memory.
# Usage: benchmark/compile_time_growth.sh [compiler...] > docs/data/compile_time_growth.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
probe="$here/compile/recurrence_probe.cpp"
echo "compiler,case,steps,graph_nodes,seconds,peak_mb"
for c in "${compilers[@]}"; do
    for steps in ${GRADIENT_STEPS:-1 12 25 50 100}; do
        read -r s kb < <(least_compile "$probe" "$c" -DSTEPS="$steps")
        echo "$c,gradient,$steps,$((4 + 6 * steps)),$s,$((kb / 1024))"
    done
    for steps in ${BUILD_STEPS:-50 100 200}; do
        read -r s kb < <(least_compile "$probe" "$c" -DSTEPS="$steps" -DBUILD_ONLY)
        echo "$c,build,$steps,$((4 + 6 * steps)),$s,$((kb / 1024))"
    done
    # shellcheck disable=SC2046 # raised_limits prints several flags
    for depth in ${CHAIN_DEPTHS:-250 500 1000 2000}; do
        read -r s kb < <(least_compile "$here/compile/chain_probe.cpp" "$c" $(raised_limits "$c") -DDEPTH="$depth")
        echo "$c,chain,$depth,$((depth + 1)),$s,$((kb / 1024))"
    done
    # shellcheck disable=SC2046
    for terms in ${SUM_TERMS:-125 250 500 1000}; do
        read -r s kb < <(least_compile "$here/compile/sum_probe.cpp" "$c" $(raised_limits "$c") -DTERMS="$terms")
        echo "$c,sum,$terms,$((4 * terms - 1)),$s,$((kb / 1024))"
    done
done
