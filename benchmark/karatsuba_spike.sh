#!/usr/bin/env bash
# One product of F(10^6)'s operand size (5,424 limbs: F(500,000) and F(500,002)) computed by the compiler,
# per compiler: benchmark/compile/karatsuba_probe.cpp with memograd_raise_constexpr_limits()'s flags, one
# build per point (a product takes minutes). CPU time (user + sys) and peak memory, minus the same file
# with the product switched off. Boost's own operator* (schoolbook in constant evaluation) is measured at
# 678 limbs next to Karatsuba at the same size: at 5,424 limbs it would take about 64 times as long (n²).
# At 5,424 limbs multiply and square take the number-theoretic transform (ntt.hpp); "Karatsuba alone" is
# detail::karatsuba_multiply at that size, what multiply did before.
# Usage: benchmark/karatsuba_spike.sh [compiler...]   Output: a Markdown table.
set -euo pipefail
source "$(dirname "$0")/common.sh"

once() {  # compiler op limbs -> "cpu_seconds kilobytes"
    local flags
    read -ra flags < <(raised_limits "$1")
    cpu_compile "$here/compile/karatsuba_probe.cpp" "$1" "${flags[@]}" -DPROBE_OP="$2" -DPROBE_LIMBS="$3"
}

echo "| compiler | product | limbs | CPU s | peak MB | added CPU s | added MB |"
echo "|---|---|---:|---:|---:|---:|---:|"
for c in "${compilers[@]}"; do
    version=$("$c" --version | head -1)
    read -r base_s base_kb < <(once "$c" 0 5424)
    for point in "3 678 Boost operator*" "1 678 memograd::multiply" "6 5424 Karatsuba alone" "1 5424 memograd::multiply" \
                 "2 5424 memograd::square"; do
        read -r op limbs name <<<"$point"
        read -r s kb < <(once "$c" "$op" "$limbs")
        echo "| $version | \`$name\` | $limbs | $s | $((kb / 1024)) | $(difference "$s" "$base_s") | $(((kb - base_kb) / 1024)) |"
    done
done
