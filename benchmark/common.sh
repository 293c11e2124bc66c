# Shared by the compile-time benchmark scripts (sourced, not run).
# Sets: here (benchmark/), root (the project), compilers (the arguments, or g++ and clang++-19), out (a
# scratch directory removed on exit). Defines measure_compile.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# measure_compile <source> <compiler> [flags...] -> "seconds kilobytes": median of three -c -O2 builds.
measure_compile() {
    local source=$1 c=$2; shift 2
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$out/t" "$c" -std=c++20 -O2 -c -o "$out/probe.o" -I"$root/include" "$@" \
            "$source" >/dev/null 2>"$out/err" || { head -c 2000 "$out/err" >&2; return 1; }
        cat "$out/t"
    done | sort -n | sed -n 2p
}

# difference <a> <b> -> a - b with a leading zero (bc prints .5)
difference() {
    echo "$1 - $2" | bc -l | sed 's/^\./0./;s/^-\./-0./'
}
