#!/usr/bin/env bash
# Renders the measured compile-time curves in docs/data/*.csv as SVG plots in docs/images/ (gnuplot), with
# the same plotting code the docs build uses (docs/generate.py).
# Usage: benchmark/plot.sh   (after compile_time.sh / compile_time_autodiff.sh have written their CSVs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/docs/generate.py" --plots-only --out "$work"
cp "$work"/compile_time_autodiff.svg "$work"/compile_time_fibonacci.svg "$root/docs/images/"
echo "wrote docs/images/compile_time_autodiff.svg docs/images/compile_time_fibonacci.svg"
