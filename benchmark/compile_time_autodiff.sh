#!/usr/bin/env bash
# Compile time and peak memory of generating the backward pass of a scalar 2-H-H-1 tanh network written
# neuron by neuron (benchmark/compile/scalar_mlp_probe.cpp), against the graph size, on each compiler.
# Each point: the probe with the gradient (-c -O2) minus the same probe building only the expression.
# Clang's default -fconstexpr-steps covers graphs up to ~1,800 nodes; larger points use raised limits.
# Usage: benchmark/compile_time_autodiff.sh [compiler...] > results.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
measure() { measure_compile "$here/compile/scalar_mlp_probe.cpp" "$@"; }

echo "compiler,hidden,nodes,edges,tree_nodes,limits,seconds,peak_mb,added_seconds,added_mb"
for hidden in 4 6 8 11 14 16 19 22 24; do
    g++ -std=c++20 -I"$root/include" -DPROBE_HIDDEN=$hidden "$here/compile/scalar_mlp_nodes.cpp" -o "$out/nodes"
    read -r nodes edges tree _ < <("$out/nodes")
    for c in "${compilers[@]}"; do
        extra=() limits=default
        if [ "$hidden" -ge 24 ] && [[ "$c" == *clang* ]]; then extra=(-fconstexpr-steps=2147483647); limits=raised; fi
        read -r base_s base_kb < <(measure "$c" -DPROBE_HIDDEN=$hidden -DPROBE_GRAD=0 "${extra[@]}")
        read -r s kb < <(measure "$c" -DPROBE_HIDDEN=$hidden "${extra[@]}")
        added=$(difference "$s" "$base_s")
        echo "$c,$hidden,$nodes,$edges,$tree,$limits,$s,$((kb / 1024)),$added,$(((kb - base_kb) / 1024))"
    done
done
