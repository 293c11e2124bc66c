#!/usr/bin/env bash
# Forward mode against reverse mode at run time (benchmark/runtime/forward_reverse.cpp), built with GCC 12
# and with Clang 19 (-O2, the bench preset), run with the benchmarks interleaved at random (the machine is
# shared: compare CPU times within one run), written to docs/data/runtime_forward_reverse_<gcc|clang>.txt
# with the machine and the compiler. docs/generate.py makes the tutorial's table from those files.
# Usage: benchmark/runtime_forward_reverse.sh [repetitions, default 9]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
repetitions=${1:-9}
for compiler in g++ clang++-19; do
    case $compiler in g++) name=gcc build=$root/build/bench ;; *) name=clang build=$root/build/bench-clang ;; esac
    cmake -S "$root" -B "$build" --preset bench -DCMAKE_CXX_COMPILER=$compiler >/dev/null
    cmake --build "$build" --target bench_forward_reverse -j2 >/dev/null
    data=$root/docs/data/runtime_forward_reverse_$name.txt
    {
        echo "# benchmark/runtime/forward_reverse.cpp, $compiler -O2 (bench preset), --benchmark_repetitions=$repetitions" \
             "--benchmark_enable_random_interleaving=true; the machine was shared: compare CPU times within one file"
        lscpu | grep '^Model name'
        $compiler --version | head -1
        "$build/benchmark/bench_forward_reverse" --benchmark_repetitions="$repetitions" \
            --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true 2>&1
    } > "$data"
    echo "wrote $data"
done
