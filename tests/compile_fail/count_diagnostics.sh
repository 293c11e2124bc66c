#!/usr/bin/env bash
# For every compile-fail case: how many lines of diagnostics each compiler prints, and on which line the
# expected message (the case's `// expect:` regex) first appears. Prints a Markdown table.
# Usage: tests/compile_fail/count_diagnostics.sh [compiler...]   (default: g++ clang++-19)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
printf '| case |'
for c in "${compilers[@]}"; do printf ' %s lines | %s message on line |' "$c" "$c"; done
printf '\n|---|'
for _ in "${compilers[@]}"; do printf -- '---:|---:|'; done
printf '\n'
for case in "$here"/*.cpp; do
    expected=$(sed -n 's|^// expect: ||p' "$case" | head -1)
    [ "$expected" = "COMPILES" ] && continue
    printf '| %s |' "$(basename "$case" .cpp)"
    for c in "${compilers[@]}"; do
        output=$("$c" -std=c++20 -fsyntax-only -fno-diagnostics-color -I"$root/include" "$case" 2>&1 || true)
        lines=$(printf '%s\n' "$output" | grep -c '' || true)
        first=$(printf '%s\n' "$output" | grep -n -E -m1 -- "$expected" | cut -d: -f1 || true)
        printf ' %s | %s |' "$lines" "${first:-missing}"
    done
    printf '\n'
done
