#!/usr/bin/env bash
# Renders the measured compile-time curves in docs/data/*.csv as SVG plots in docs/images/ (gnuplot).
# Usage: benchmark/plot.sh   (after compile_time.sh / compile_time_autodiff.sh have written their CSVs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=$root/docs/data
images=$root/docs/images
mkdir -p "$images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Backward-pass generation: added seconds against distinct graph nodes, one line per compiler.
for c in g++ clang++-19; do
    awk -F, -v c="$c" 'NR > 1 && $1 == c { print $3, $9, $8 }' "$data/compile_time_autodiff.csv" > "$work/$c.dat"
done
gnuplot <<GNUPLOT
set terminal svg size 720,420 font "Helvetica,13" background "white"
set output "$images/compile_time_autodiff.svg"
set title "Compile time of the generated backward pass (scalar 2-H-H-1 tanh MLP, -O2)"
set xlabel "distinct graph nodes"
set ylabel "seconds added over building the expression"
set key top left
set grid
plot "$work/g++.dat" using 1:2 with linespoints lw 2 pt 7 title "GCC 12", \
     "$work/clang++-19.dat" using 1:2 with linespoints lw 2 pt 5 title "Clang 19"
GNUPLOT

# Fast-doubling F(N) as a constant: added seconds against N.
for c in g++ clang; do
    awk -F, -v c="$c" 'NR > 1 && index($1, c) > 0 && $2 == "fib_v" { print $3, $7 }' \
        "$data/compile_time_fibonacci.csv" > "$work/fib_$c.dat"
done
gnuplot <<GNUPLOT
set terminal svg size 720,420 font "Helvetica,13" background "white"
set output "$images/compile_time_fibonacci.svg"
set title "Compile time of F(N) as a constant (fast doubling, fixed-width cpp_int)"
set xlabel "N"
set ylabel "seconds added over the headers"
set logscale xy
set key top left
set grid
plot "$work/fib_g++.dat" using 1:2 with linespoints lw 2 pt 7 title "GCC 12", \
     "$work/fib_clang.dat" using 1:2 with linespoints lw 2 pt 5 title "Clang 19"
GNUPLOT
echo "wrote $images/compile_time_autodiff.svg $images/compile_time_fibonacci.svg"
