#!/usr/bin/env bash
# Compile time and peak compiler memory of each compile-time Fibonacci strategy, per N, per compiler.
# Each point compiles benchmark/compile/fibonacci_probe.cpp (-c -O2) and subtracts the same file with the
# strategy switched off (headers only), as metabench does. Points past the default budget use the flags
# of memograd_raise_constexpr_limits(). Usage: benchmark/compile_time.sh [compiler...] > results.csv
set -euo pipefail
source "$(dirname "$0")/common.sh"
measure() { measure_compile "$here/compile/fibonacci_probe.cpp" "$@"; }

raised() {  # flags that lift the evaluation budget on compiler $1
    case "$1" in
        *clang*) echo "-fconstexpr-steps=2147483647 -DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1" ;;
        *) echo "-fconstexpr-ops-limit=68719476736 -DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1" ;;
    esac
}

echo "compiler,strategy,n,limits,seconds,peak_mb,added_seconds,added_mb"
for c in "${compilers[@]}"; do
    version=$("$c" --version | head -1 | sed 's/,/ /g')
    read -r base_s base_kb < <(measure "$c" -DPROBE_STRATEGY=0)
    echo "$version,headers only,0,default,$base_s,$((base_kb / 1024)),0,0"
    point() {  # strategy_id strategy_name n [raised]
        local flags=(-DPROBE_STRATEGY="$1" -DPROBE_N="$3") limits=default
        if [ "${4:-}" = raised ]; then read -ra extra < <(raised "$c"); flags+=("${extra[@]}"); limits=raised; fi
        read -r s kb < <(measure "$c" "${flags[@]}")
        echo "$version,$2,$3,$limits,$s,$((kb / 1024)),$(difference "$s" "$base_s"),$(((kb - base_kb) / 1024))"
    }
    for n in 16 20 24; do point 1 naive_fibonacci $n; done
    for n in 100 250 490; do point 2 memoized_fibonacci $n; done
    for n in 500 1000 2000 4000; do point 3 fib_table $n; done
    for n in 100 400 800; do point 4 instantiated_fibonacci $n; done
    for n in 500 2000 10000 20000; do point 5 fib_v $n; done
    for n in 50000 100000; do point 5 fib_v $n raised; done
done
