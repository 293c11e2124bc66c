#!/usr/bin/env bash
# Refreshes the committed copies of the generated figures (docs/images/, shown by README.md and the
# chapters when read on a repository page) and of the generated-code listing (docs/data/) from a docs
# build, which draws them from the examples' output (docs/generate.py).
# Usage: docs/figures.sh [build dir, default build/gcc]   (after `cmake --build <dir> --target docs`)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
generated=${1:-$root/build/gcc}/docs/generated
cp "$generated"/lecture_forward.svg "$generated"/lecture_backward.svg "$generated"/layer_graph.svg "$root/docs/images/"
cp "$generated"/lecture_backward_code.txt "$generated"/layer_graph_output.txt "$root/docs/data/"
echo "refreshed docs/images/{lecture_forward,lecture_backward,layer_graph}.svg," \
     "docs/data/{lecture_backward_code,layer_graph_output}.txt"
