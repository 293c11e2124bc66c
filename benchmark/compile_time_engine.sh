#!/usr/bin/env bash
# The scalar engine's compile-time cost against the code it generates, on each compiler (issue: "compile
# time near the code it generates"). benchmark/compile/natural_network.cpp is a 2-16-16-1 tanh network
# written neuron by neuron with var<I> weights; its emitted source (memograd::cpp_source, compiled as its
# own translation unit with <memograd/autodiff.hpp> included, so header parsing cancels out) is the floor.
# Every figure is CPU time (user + sys, the least of RUNS builds) and peak resident memory: other processes
# may load the machine, and CPU time is what they disturb least. Ratios compare builds of one run, the
# metaprogram's alternating with its floor's.
# Usage: benchmark/compile_time_engine.sh [compiler...] > docs/data/compile_time_engine.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
probe="$here/compile/natural_network.cpp"

# cpu <source> <compiler> <flags...> -> "seconds megabytes": the least CPU time of RUNS builds (common.sh)
cpu() {
    local s kb
    read -r s kb < <(least_compile "$@")
    echo "$s $((kb / 1024))"
}

echo "compiler,case,seconds,peak_mb"
for target in 2 0 1; do  # 1: run-time double in the loss, 0: target as var<I>, 2: constant<0.25>
    g++ -std=c++20 -O1 -I"$root/include" -DNETWORK_PHASE=4 -DNETWORK_TARGET=$target "$probe" -o "$out/emit"
    {
        echo '#include <memograd/autodiff.hpp>'
        "$out/emit"
        vars=$(grep -o 'variables [0-9]*' < <("$out/emit") | cut -d' ' -f2)
        echo "#include <array>"
        echo "double network_gradient_entry(const std::array<double, $vars>& x, const std::array<double, 1>& data) {"
        echo "    std::array<double, $vars> grad{};"
        echo "    network_gradient(x.data(), data.data(), grad.data());"
        echo "    return grad[2];"
        echo "}"
    } >"$out/floor$target.cpp"
    "$out/emit" | sed -n "s|^// nodes|# target $target: graph nodes|p"
done
for c in "${compilers[@]}"; do
    row() { echo "$c,$1,$2,$3"; }
    echo 'int main() {}' >"$out/empty.cpp"
    sed -i '1i #include <memograd/autodiff.hpp>' "$out/empty.cpp"
    row header $(cpu "$out/empty.cpp" "$c" -fsyntax-only)
    for target in 1 0 2; do
        # The floor and the metaprogram alternate, build by build, so that a change of load hits both.
        : >"$out/floor_runs"
        : >"$out/meta_runs"
        for _ in $(seq "${RUNS:-3}"); do
            cpu_compile "$out/floor$target.cpp" "$c" >>"$out/floor_runs"
            cpu_compile "$probe" "$c" -DNETWORK_TARGET=$target >>"$out/meta_runs"
        done
        read -r s kb < <(sort -n "$out/floor_runs" | head -1)
        row "emitted_target$target" "$s" "$((kb / 1024))"
        read -r s kb < <(sort -n "$out/meta_runs" | head -1)
        row "metaprogram_target$target" "$s" "$((kb / 1024))"
    done
    for phase in 1 2 3; do  # front end only: the expression; + the analysis and plan; + the passes
        row "front_end_phase$phase" $(cpu "$probe" "$c" -fsyntax-only -DNETWORK_PHASE=$phase)
    done
done
