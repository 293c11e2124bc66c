#!/usr/bin/env bash
# Compile time and peak memory of examples/compile_time_moons.cpp (micrograd's two-moons demo, 100 SGD steps
# as constants) with memograd_raise_constexpr_limits()'s flags, and the cost of one step: the probe
# benchmark/compile/moons_steps_probe.cpp with 20 steps minus 0 steps, divided by 20. CPU time (user + sys)
# and peak resident memory, median of RUNS (default 3) -O2 -c builds; compilers interleaved run by run.
# Usage: [RUNS=n] benchmark/compile_time_moons.sh [compiler...] > docs/data/compile_time_moons.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
# cpu <source> <compiler> [flags...] -> "cpu_seconds kilobytes": one cpu_compile build (common.sh) with the
# raised limits and the examples' headers
cpu() {
    local source=$1 c=$2; shift 2
    # shellcheck disable=SC2046
    cpu_compile "$source" "$c" -I"$root/examples" $(raised_limits "$c") "$@"
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
