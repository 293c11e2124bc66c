#!/usr/bin/env bash
# One run-time benchmark (benchmark/runtime/<name>.cpp, target bench_<name>) built with GCC 12 and with
# Clang 19 (-O2, the bench preset) and run with its benchmarks interleaved at random, so that every
# variant sees the same load on a shared machine: compare CPU times within one file. Writes
# docs/data/runtime_<name>_<gcc|clang>.txt, machine and compiler first; docs/generate.py reads them.
# Usage: benchmark/runtime_benchmark.sh <chain_rule|forward_reverse|checkpointing> [repetitions, default 9]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=${1:?usage: benchmark/runtime_benchmark.sh <name> [repetitions]}
repetitions=${2:-9}
[ -f "$root/benchmark/runtime/$name.cpp" ] || { echo "no benchmark/runtime/$name.cpp" >&2; exit 2; }
for compiler in g++ clang++-19; do
    case $compiler in g++) label=gcc build=$root/build/bench ;; *) label=clang build=$root/build/bench-clang ;; esac
    cmake -S "$root" -B "$build" --preset bench -DCMAKE_CXX_COMPILER=$compiler >/dev/null
    cmake --build "$build" --target "bench_$name" -j2 >/dev/null
    data=$root/docs/data/runtime_${name}_$label.txt
    {
        echo "# benchmark/runtime/$name.cpp, $compiler -O2 (bench preset), --benchmark_repetitions=$repetitions" \
             "--benchmark_enable_random_interleaving=true; the machine was shared: compare CPU times within one file"
        echo "Model name: $(lscpu | sed -n 's/^Model name: *//p')"
        echo "Compiler: $($compiler --version | head -1)"
        "$build/benchmark/bench_$name" --benchmark_repetitions="$repetitions" \
            --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true 2>&1
    } > "$data"
    echo "wrote $data"
done
