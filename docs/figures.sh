#!/usr/bin/env bash
# Draws the lecture network's forward graph and generated backward graph (Graphviz) into docs/images/,
# from the DOT files examples/lecture_network.cpp writes; also keeps its generated-code listing.
# Usage: docs/figures.sh <path to the built example_lecture_network>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
example=${1:?usage: docs/figures.sh <example_lecture_network>}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$example" "$work" >/dev/null
mkdir -p "$root/docs/images" "$root/docs/data"
dot -Tsvg "$work/lecture_forward.dot" -o "$root/docs/images/lecture_forward.svg"
dot -Tsvg "$work/lecture_backward.dot" -o "$root/docs/images/lecture_backward.svg"
cp "$work/lecture_backward_code.txt" "$root/docs/data/lecture_backward_code.txt"
echo "wrote docs/images/lecture_forward.svg, docs/images/lecture_backward.svg, docs/data/lecture_backward_code.txt"
