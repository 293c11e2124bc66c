#!/usr/bin/env bash
# Memoization against recomputation at run time (benchmark/runtime/checkpointing.cpp): builds the benchmark
# with each compiler (-O2, as the bench preset) and runs it with interleaved repetitions, so that both
# strategies see the same load on a shared machine; compare CPU times within one file.
# Writes docs/data/runtime_checkpointing_<gcc|clang>.txt (machine and compiler in the header), which
# docs/generate.py turns into the table of tutorial chapter 7.
# Usage: benchmark/runtime_checkpointing.sh [compilers..., default g++ clang++-19]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
for c in "${compilers[@]}"; do
    case "$c" in *clang*) name=clang ;; *) name=gcc ;; esac
    "$c" -std=c++20 -O2 -DNDEBUG -Wall -Wextra -Wpedantic -Werror -I"$root/include" -I"$root/examples" \
        "$here/runtime/checkpointing.cpp" -o "$build/bench_$name" -lbenchmark -lpthread
    file="$root/docs/data/runtime_checkpointing_$name.txt"
    {
        echo "# benchmark/runtime_checkpointing.sh: benchmark/runtime/checkpointing.cpp, -O2, one thread;" \
             "--benchmark_repetitions=15 --benchmark_enable_random_interleaving=true; compare CPU times (the machine is shared)"
        echo "Model name: $(lscpu | sed -n 's/^Model name: *//p')"
        echo "Compiler: $("$c" --version | head -1)"
        "$build/bench_$name" --benchmark_repetitions=15 --benchmark_enable_random_interleaving=true \
            --benchmark_report_aggregates_only=true 2>&1
    } > "$file"
    echo "wrote $file"
done
