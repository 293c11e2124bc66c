#!/usr/bin/env bash
# Compile time and peak memory of examples/compile_time_moons.cpp (micrograd's two-moons demo, 100 SGD steps
# as constants) with memograd_raise_constexpr_limits()'s flags, and the cost of one step: the probe
# benchmark/compile/moons_steps_probe.cpp with 20 steps minus 0 steps, divided by 20. CPU time (user + sys)
# and peak resident memory, median of RUNS (default 3) -O2 -c builds; compilers interleaved run by run.
# Usage: [RUNS=n] benchmark/compile_time_moons.sh [compiler...] > docs/data/compile_time_moons.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
limits() { if [[ "$1" == *clang* ]]; then echo -fconstexpr-steps=2147483647; else
    echo -fconstexpr-ops-limit=68719476736 -fconstexpr-loop-limit=1073741824; fi; }
# cpu <source> <compiler> [flags...] -> "cpu_seconds kilobytes"
cpu() {
    local source=$1 c=$2; shift 2
    # shellcheck disable=SC2046
    /usr/bin/time -f "%U %S %M" -o "$out/t" "$c" -std=c++20 -O2 -c -o "$out/probe.o" -I"$root/include" \
        -I"$root/examples" $(limits "$c") -DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1 "$@" "$source" >/dev/null \
        2>"$out/err" || { head -c 2000 "$out/err" >&2; return 1; }
    awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$out/t"
}
declare -A runs
runs_wanted=${RUNS:-3}
for _ in $(seq "$runs_wanted"); do
    for c in "${compilers[@]}"; do
        runs[$c,example]+="$(cpu "$root/examples/compile_time_moons.cpp" "$c")"$'\n'
        for steps in 0 20; do
            runs[$c,$steps]+="$(cpu "$here/compile/moons_steps_probe.cpp" "$c" -DPROBE_STEPS=$steps)"$'\n'
        done
    done
done
median() { printf '%s' "$1" | sort -n | sed -n "$(( (runs_wanted + 1) / 2 ))p"; }
echo "compiler,example_cpu_s,example_peak_mb,probe_0_cpu_s,probe_20_cpu_s,probe_0_peak_mb,probe_20_peak_mb,cpu_s_per_step"
for c in "${compilers[@]}"; do
    read -r es ekb < <(median "${runs[$c,example]}")
    read -r s0 kb0 < <(median "${runs[$c,0]}")
    read -r s20 kb20 < <(median "${runs[$c,20]}")
    per=$(echo "($s20 - $s0) / 20" | bc -l | sed 's/^\./0./')
    printf '%s,%s,%d,%s,%s,%d,%d,%.3f\n' "$c" "$es" $((ekb / 1024)) "$s0" "$s20" $((kb0 / 1024)) $((kb20 / 1024)) "$per"
done
