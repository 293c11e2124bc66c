#!/usr/bin/env python3
"""Prints docs/performance.md's tables of the scalar engine's compile time from the CSV that
benchmark/compile_time_engine.sh writes (usage: benchmark/engine_table.py docs/data/compile_time_engine.csv)."""
import csv
import sys

rows = [r for r in csv.reader(l for l in open(sys.argv[1]) if not l.startswith("#"))][1:]
data = {(c, case): (float(s), int(mb)) for c, case, s, mb in rows}
compilers = sorted({c for c, _ in data}, key=lambda c: 0 if c.startswith("g") else 1)
name = {"g++": "GCC 12", "clang++-19": "Clang 19"}

print("| 2-16-16-1 tanh network, loss written with | " + " | ".join(
    f"{name.get(c, c)} metaprogram s / MB | emitted source s / MB | ratio" for c in compilers) + " |")
print("|---|" + "---:|---:|---:|" * len(compilers))
for target, label in (("1", "a run-time `double` (`out - 0.25`)"), ("0", "the target as `var<I>`"),
                      ("2", "`constant<0.25>`")):
    cells = []
    for c in compilers:
        m, mm = data[(c, f"metaprogram_target{target}")]
        e, em = data[(c, f"emitted_target{target}")]
        cells.append(f"{m:.2f} / {mm} | {e:.2f} / {em} | **{m / e:.1f}x**")
    print(f"| {label} | " + " | ".join(cells) + " |")
print()
print("| phase (run-time `double` in the loss) | " + " | ".join(f"{name.get(c, c)} s" for c in compilers) + " |")
print("|---|" + "---:|" * len(compilers))
phases = [("header (`#include <memograd/autodiff.hpp>`, front end)", lambda c: data[(c, "header")][0]),
          ("expression types (building `network_loss()`)",
           lambda c: data[(c, "front_end_phase1")][0] - data[(c, "header")][0]),
          ("analysis and storage plan (`graph_of`, `plan_of`)",
           lambda c: data[(c, "front_end_phase2")][0] - data[(c, "front_end_phase1")][0]),
          ("passes (instantiating `value_and_grad`)",
           lambda c: data[(c, "front_end_phase3")][0] - data[(c, "front_end_phase2")][0]),
          ("code generation (`-O2 -c` minus `-fsyntax-only`)",
           lambda c: data[(c, "metaprogram_target1")][0] - data[(c, "front_end_phase3")][0])]
for label, f in phases:
    print(f"| {label} | " + " | ".join(f"{f(c):.2f}" for c in compilers) + " |")
for c in compilers:
    ratio = data[(c, "metaprogram_target1")][0] / data[(c, "metaprogram_target0")][0]
    print(f"\n{name.get(c, c)}: run-time double vs var target: {ratio:.2f}x", end="")
print()
