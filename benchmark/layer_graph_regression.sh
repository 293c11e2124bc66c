#!/usr/bin/env bash
# The nn layer graphs before and after a change of the engine, measured in one run: compile time and peak
# memory of benchmark/compile/mnist_probe.cpp (784-128-10) and of the same probe for 2-16-16-1 (least CPU
# time of RUNS builds, both trees interleaved, on each compiler), and bench_mlp's gradients built from each
# tree with g++ -O2 (medians of interleaved repetitions, each tree's mlp against its own hand loops).
# Usage: benchmark/layer_graph_regression.sh <git revision before> > docs/data/layer_graph_regression.txt
set -euo pipefail
source "$(dirname "$0")/common.sh"
before=${1:?usage: layer_graph_regression.sh <git revision before>}
compilers=(g++ clang++-19)  # this script's arguments are the revision, not compilers

mkdir -p "$out/old"
git -C "$root" archive "$before" include benchmark/compile/mnist_probe.cpp benchmark/runtime/mlp.cpp tests/hand_backprop.hpp |
    tar -x -C "$out/old"
sed 's/784, 128, 10>/2, 16, 16, 1>/' "$root/benchmark/compile/mnist_probe.cpp" >"$out/small_probe.cpp"
tree_include() { [ "$1" = old ] && echo "$out/old/include" || echo "$root/include"; }
tree_tests() { [ "$1" = old ] && echo "$out/old/tests" || echo "$root/tests"; }

echo "# nn layer graphs: memograd at $(git -C "$root" rev-parse --short "$before") (old) and the working tree (new),"
echo "# one run, $(nproc) cores; $(g++ --version | head -1), $(clang++-19 --version | head -1)."
echo "# Compile: -O2 -c, least CPU time (user+sys) of ${RUNS:-3} builds, peak memory. Run time: bench_mlp built with"
echo "# g++ -O2 from each tree, medians of ${REPETITIONS:-5} interleaved repetitions (CPU time)."
for round in 1 2; do
    for c in "${compilers[@]}"; do
        for tree in old new; do
            for probe in mnist small; do
                source_file="$root/benchmark/compile/mnist_probe.cpp"
                [ "$probe" = small ] && source_file="$out/small_probe.cpp"
                read -r s kb < <(least_compile "$source_file" "$c" -I"$(tree_include "$tree")")
                echo "round $round $c $tree $probe $s s $((kb / 1024)) MB"
            done
        done
    done
done
for tree in old new; do
    src="$root/benchmark/runtime/mlp.cpp"
    [ "$tree" = old ] && src="$out/old/benchmark/runtime/mlp.cpp"
    g++ -std=c++20 -O2 -DNDEBUG -I"$(tree_include "$tree")" -I"$(tree_tests "$tree")" "$src" -o "$out/bench_$tree" -lbenchmark -lpthread
done
for round in 1 2; do
    for tree in old new; do
        "$out/bench_$tree" --benchmark_filter='^(mlp|hand)_(2_16_16_1|784_128_10)$' \
            --benchmark_repetitions="${REPETITIONS:-5}" --benchmark_enable_random_interleaving=true \
            --benchmark_report_aggregates_only=true 2>/dev/null |
            awk -v r="$round" -v t="$tree" '/_median/ { print "round " r " " t " " $1 " " $4 " " $5 }'
    done
done
