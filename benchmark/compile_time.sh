#!/usr/bin/env bash
# Compile time and peak compiler memory of each compile-time Fibonacci strategy, per N, per compiler.
# Each point compiles benchmark/compile/fibonacci_probe.cpp (-c -O2) and subtracts the same file with the
# strategy switched off (headers only), as metabench does; the two builds alternate, RUNS (default 3)
# times each, and the medians are taken, so that a change in the machine's load hits both alike. Points
# past the default budget use the flags of memograd_raise_constexpr_limits(); from N = 500,000 on (a minute
# or more per build) each is built once. CPU time (user + sys). "fib_v printed" is the whole translation
# unit of the F(100,000) target: `constexpr auto v = fib_v<N>;` and a main that prints it, at N = 2,000
# and 100,000 alternately (their ratio is the target's).
# Usage: [RUNS=n] benchmark/compile_time.sh [compiler...] > docs/data/compile_time_fibonacci.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
probe="$here/compile/fibonacci_probe.cpp"

# interleaved <runs> <flags of build 1> <flags of build 2> ... -> one "cpu_seconds kilobytes" line per build:
# the median of <runs> builds of each, built in turn (1, 2, ..., 1, 2, ...). Flags are space-separated.
interleaved() {
    local runs=$1; shift
    local i
    for _ in $(seq "$runs"); do
        i=0
        for flags in "$@"; do
            read -ra f <<<"$flags"
            echo "$i $(cpu_compile "$probe" "$c" "${f[@]}")"
            i=$((i + 1))
        done
    done | sort -k1,1n -k2,2n | awk -v runs="$runs" '{ n[$1]++; if (n[$1] == int((runs + 1) / 2)) print $2, $3 }'
}

echo "compiler,strategy,n,limits,seconds,peak_mb,added_seconds,added_mb"
for c in "${compilers[@]}"; do
    version=$("$c" --version | head -1 | sed 's/,/ /g')
    raised=$(raised_limits "$c")
    read -r base_s base_kb < <(interleaved "${RUNS:-3}" "-DPROBE_STRATEGY=0")
    echo "$version,headers only,0,default,$base_s,$((base_kb / 1024)),0,0"
    point() {  # strategy_id strategy_name n [raised]
        local limits=default extra="" runs=${RUNS:-3}
        if [ "${4:-}" = raised ]; then extra=$raised; limits=raised; fi
        [ "$3" -lt 500000 ] || runs=1
        { read -r b_s b_kb; read -r s kb; } < <(interleaved "$runs" "-DPROBE_STRATEGY=0 $extra" \
                                                  "-DPROBE_STRATEGY=$1 -DPROBE_N=$3 $extra")
        echo "$version,$2,$3,$limits,$s,$((kb / 1024)),$(difference "$s" "$b_s"),$(((kb - b_kb) / 1024))"
    }
    for n in 16 20 24; do point 1 naive_fibonacci $n; done
    for n in 100 250 490; do point 2 memoized_fibonacci $n; done
    for n in 500 1000 2000 4000; do point 3 fib_table $n; done
    for n in 100 400 800; do point 4 instantiated_fibonacci $n; done
    for n in 500 2000 10000 20000; do point 5 fib_v $n; done
    for n in 50000 100000 200000 500000 1000000; do point 5 fib_v $n raised; done
    for n in 500000 1000000; do point 7 "fib_v levels one per function" $n raised; done
    { read -r b_s b_kb; read -r s2 kb2; read -r s5 kb5; } < <(interleaved "${RUNS:-3}" "-DPROBE_STRATEGY=0 $raised" \
        "-DPROBE_STRATEGY=6 -DPROBE_N=2000 $raised" "-DPROBE_STRATEGY=6 -DPROBE_N=100000 $raised")
    echo "$version,fib_v printed,2000,raised,$s2,$((kb2 / 1024)),$(difference "$s2" "$b_s"),$(((kb2 - b_kb) / 1024))"
    echo "$version,fib_v printed,100000,raised,$s5,$((kb5 / 1024)),$(difference "$s5" "$b_s"),$(((kb5 - b_kb) / 1024))"
done
