# Shared by the compile-time benchmark scripts (sourced, not run).
# Sets: here (benchmark/), root (the project), compilers (the arguments, or g++ and clang++-19), out (a
# scratch directory removed on exit). Defines raised_limits, cpu_compile, measure_compile, least_compile and
# difference.
# Times are CPU time (user + sys) of the compiler, not wall time: the machine is shared, and CPU time is
# what another job's load changes least.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
compilers=("$@")
[ ${#compilers[@]} -gt 0 ] || compilers=(g++ clang++-19)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# raised_limits <compiler> -> the flags of memograd_raise_constexpr_limits() (cmake/MemogradLimits.cmake)
raised_limits() {
    case "$1" in
        *clang*) echo "-fconstexpr-steps=2147483647 -DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1" ;;
        *) echo "-fconstexpr-ops-limit=68719476736 -fconstexpr-loop-limit=1073741824 -DMEMOGRAD_CONSTEXPR_STEPS_RAISED=1" ;;
    esac
}

# cpu_compile <source> <compiler> [flags...] -> "cpu_seconds kilobytes": one -c -O2 build, CPU time (user +
# sys) and peak resident memory.
cpu_compile() {
    local source=$1 c=$2; shift 2
    /usr/bin/time -f "%U %S %M" -o "$out/t" "$c" -std=c++20 -O2 -c -o "$out/probe.o" -I"$root/include" "$@" \
        "$source" >/dev/null 2>"$out/err" || { head -c 2000 "$out/err" >&2; return 1; }
    awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$out/t"
}

# compile_runs <source> <compiler> [flags...] -> RUNS (default 3) cpu_compile results, fastest first
compile_runs() {
    for _ in $(seq "${RUNS:-3}"); do
        cpu_compile "$@" || return 1
    done | sort -n
}

# measure_compile <source> <compiler> [flags...] -> "cpu_seconds kilobytes": the median of the runs.
measure_compile() {
    local runs
    runs=$(compile_runs "$@") || return 1
    sed -n "$(((${RUNS:-3} + 1) / 2))p" <<<"$runs"
}

# least_compile <source> <compiler> [flags...] -> "cpu_seconds kilobytes": the fastest of the runs.
least_compile() {
    local runs
    runs=$(compile_runs "$@") || return 1
    head -1 <<<"$runs"
}

# difference <a> <b> -> a - b with a leading zero (bc prints .5)
difference() {
    echo "$1 - $2" | bc -l | sed 's/^\./0./;s/^-\./-0./'
}
