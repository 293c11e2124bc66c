#!/usr/bin/env python3
"""Builds every figure, listing and table of the tutorial from the project's own programs and data.

Usage:
  docs/generate.py --examples <built examples dir> --out <dir>   # the docs target: everything
  docs/generate.py --plots-only --out <dir>                        # benchmark plots only (benchmark/plot.sh)

With --examples it runs the examples (each writes its data into <dir>), draws the lecture network's
graphs with Graphviz's dot, renders every plot with gnuplot, and expands the `<!-- generated: NAME -->`
markers of docs/tutorial/*.md into <dir>/tutorial/, which Doxygen reads. The benchmark plots come from
the CSV and text files in docs/data/, written by the scripts in benchmark/. Nothing is drawn by hand.
"""
import argparse
import csv
import functools
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "docs" / "data"
TERMINAL = 'set terminal svg size 720,420 font "Helvetica,13" background "white"'


def run(command, **kwargs):
    return subprocess.run([str(c) for c in command], check=True, text=True, capture_output=True, **kwargs).stdout


def gnuplot(script):
    subprocess.run(["gnuplot"], input=script, check=True, text=True)


def three_digits(value):
    """A measured time to three significant digits: 0.524, 36.0, 102."""
    return f"{value:#.3g}".rstrip(".")


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---:" if i else "---" for i in range(len(header))) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ---- benchmark data (docs/data) ---------------------------------------------------------------------------

def benchmark_plots(out):
    autodiff = list(csv.DictReader(open(DATA / "compile_time_autodiff.csv")))
    for compiler in ("g++", "clang++-19"):
        with open(out / f"autodiff_{compiler}.dat", "w") as f:
            for r in autodiff:
                if r["compiler"] == compiler:
                    f.write(f'{r["nodes"]} {r["seconds"]} {r["peak_mb"]}\n')
    gnuplot(f"""{TERMINAL}
set output "{out}/compile_time_autodiff.svg"
set title "Compile time of a scalar 2-H-H-1 tanh network and its gradient (-O2, CPU time)"
set xlabel "distinct graph nodes"
set ylabel "seconds (whole translation unit)"
set key top left
set grid
plot "{out}/autodiff_g++.dat" using 1:2 with linespoints lw 2 pt 7 title "GCC 12", \\
     "{out}/autodiff_clang++-19.dat" using 1:2 with linespoints lw 2 pt 5 title "Clang 19"
""")
    fibonacci = list(csv.DictReader(open(DATA / "compile_time_fibonacci.csv")))
    for compiler in ("g++", "clang"):
        with open(out / f"fib_{compiler}.dat", "w") as f:
            for r in fibonacci:
                if compiler in r["compiler"] and r["strategy"] == "fib_v":
                    f.write(f'{r["n"]} {r["added_seconds"]}\n')
    gnuplot(f"""{TERMINAL}
set output "{out}/compile_time_fibonacci.svg"
set title "Compile time of F(N) as a constant (fast doubling; Karatsuba, then transform products)"
set xlabel "N (from 50,000: raised limits)"
set ylabel "CPU seconds added over the headers"
set logscale xy
set key top left
set grid
plot "{out}/fib_g++.dat" using 1:2 with linespoints lw 2 pt 7 title "GCC 12", \\
     "{out}/fib_clang.dat" using 1:2 with linespoints lw 2 pt 5 title "Clang 19"
""")


def fibonacci_compile_table():
    rows = {}
    for r in csv.DictReader(open(DATA / "compile_time_fibonacci.csv")):
        if r["strategy"] in ("headers only", "fib_v printed"):
            continue
        key = (r["strategy"], int(r["n"]), r["limits"])
        cell = f'{r["added_seconds"]} s, {r["added_mb"]} MB'
        rows.setdefault(key, {})["gcc" if r["compiler"].startswith("g++") else "clang"] = cell
    body = [(f"`{s}`", f"{n:,}", limits, v.get("gcc", "–"), v.get("clang", "–"))
            for (s, n, limits), v in sorted(rows.items())]
    return table(["strategy", "N", "limits", "GCC 12: added", "Clang 19: added"], body)


def fibonacci_reach_table():
    """Largest N under the default limits, from benchmark/compile_limits.sh's output."""
    edges = {}
    for line in open(DATA / "compile_limits.txt"):
        if line.startswith("#") or not line.strip():
            continue
        compiler, boost, strategy, n = line.split()
        edges.setdefault(strategy, {}).setdefault("gcc" if compiler == "g++" else "clang", {})[boost] = int(n)

    def cell(by_boost):  # one number, or one per Boost version (in version order) where they differ
        values = [by_boost[b] for b in sorted(by_boost)]
        return f"{values[0]:,}" if len(set(values)) == 1 else " / ".join(f"{v:,}" for v in values)
    boosts = sorted({b for by_compiler in edges.values() for by_boost in by_compiler.values() for b in by_boost})
    versions = " / ".join(b.removeprefix("boost-") for b in boosts)
    order = ["naive_fibonacci", "memoized_fibonacci", "instantiated_fibonacci", "fib_table", "fib_v"]
    body = [(f"`{s}`", cell(edges[s]["gcc"]), cell(edges[s]["clang"])) for s in order if s in edges]
    return table(["strategy", f"GCC 12: largest N (Boost {versions} where they differ)",
                  f"Clang 19: largest N (Boost {versions} where they differ)"], body)


@functools.cache
def google_benchmark_file(path):
    """A Google Benchmark console output: the medians in microseconds by benchmark name, as (real time, CPU
    time), and the header lines benchmark/runtime_benchmark.sh writes (Model name, Compiler, Run on,
    repetitions). Read once per file."""
    medians, header = {}, {}
    for line in open(path):
        fields = line.split()
        if fields and fields[0].endswith("_median"):  # name, time, unit, CPU time, unit, iterations
            real, cpu = (float(fields[i]) / {"ns": 1e3, "us": 1, "ms": 1e-3}[fields[i + 1]] for i in (1, 3))
            medians[fields[0][:-len("_median")]] = (real, cpu)
        elif line.startswith(("Model name:", "Compiler:")):
            header[line.split(":", 1)[0]] = line.split(":", 1)[1].strip()
        elif line.startswith("Run on"):
            header["Run on"] = line.removeprefix("Run on").strip().strip("()")
        elif line.startswith("#") and "--benchmark_repetitions=" in line:
            header["repetitions"] = re.search(r"--benchmark_repetitions=(\d+)", line).group(1)
    return medians, header


def median_us(path, name):
    """The median real time of one benchmark, in microseconds."""
    medians = google_benchmark_file(path)[0]
    if name not in medians:
        raise SystemExit(f"generate.py: {name}_median missing from {path}")
    return medians[name][0]


def microseconds(value):
    return f"{value:,.0f}" if value >= 100 else f"{value:.3g}"


def fibonacci_runtime_table():
    runtime = DATA / "runtime_fibonacci.txt"
    rows = []
    for n in (2000, 100000, 1000000):
        rows.append((f"{n:,}", *(microseconds(median_us(runtime, f"{name}/{n}"))
                                 for name in ("memograd_mpz_int", "memograd_cpp_int", "gmp_mpz_fib_ui"))))
    rows.append(("2,000, the constant `fib_v<2000>` read at run time",
                 f"{median_us(runtime, 'constant_fib_v_2000'):.2g}", "", ""))
    return table(["n", "fibonacci(n), GMP backend (us)", "fibonacci(n), cpp_int backend (us)",
                  "GMP's mpz_fib_ui (us)"], rows)


COMPILERS = (("gcc", "GCC 12"), ("clang", "Clang 19"))


def google_benchmark(name, compiler):
    """The CPU-time medians (microseconds, by benchmark name) and the header of
    docs/data/runtime_<name>_<compiler>.txt, written by benchmark/runtime_benchmark.sh."""
    medians, header = google_benchmark_file(DATA / f"runtime_{name}_{compiler}.txt")
    return {benchmark: cpu for benchmark, (_, cpu) in medians.items()}, header


def google_benchmark_note(name, compare="row"):
    """Where the times of a generated table come from: machine, compilers, method and files; `compare` says
    along which the table's times come from one run."""
    headers = [google_benchmark(name, compiler)[1] for compiler, _ in COMPILERS]
    compilers = " and ".join(f"`{h['Compiler']}`" for h in headers)
    return (f"Median CPU time of {headers[0]['repetitions']} repetitions, benchmarks interleaved at random, on "
            f"{headers[0]['Model name']} ({headers[0]['Run on']}), {compilers}, -O2, one thread, while the machine "
            f"was shared with other builds (compare within a {compare}); data `docs/data/runtime_{name}_gcc.txt` and "
            f"`..._clang.txt`, written by `benchmark/runtime_benchmark.sh {name}`.")


def chain_rule_runtime_table():
    rows = []
    depths = range(1, 7)
    growth = []
    for compiler, compiler_label in COMPILERS:
        cpu_us = google_benchmark("chain_rule", compiler)[0]
        for label, name in [("lecture network", "lecture")] + [(f"width 2, {d} hidden layers", f"width2_depth{d}")
                                                                for d in depths]:
            t = [cpu_us[f"{name}/{m}"] for m in ("enumeration", "tree_walk", "memoized")]
            # What chapter 5 says of these numbers: (a) and (b) take times within a factor of 1.5.
            if not 1 / 1.5 < t[0] / t[1] < 1.5:
                raise SystemExit(f"generate.py: chain_rule {compiler} {name}: enumeration / tree walk "
                                 f"{t[0] / t[1]:.2f}: chapter 5's text no longer describes the data")
            rows.append((label, compiler_label, *(three_digits(v) for v in t), f"{t[0] / t[2]:.0f}x",
                         f"{t[1] / t[2]:.0f}x"))
        first, last = (f"width2_depth{d}" for d in (depths[0], depths[-1]))
        layers = depths[-1] - depths[0]
        factor = {m: (cpu_us[f"{last}/{m}"] / cpu_us[f"{first}/{m}"]) ** (1 / layers)
                  for m in ("enumeration", "tree_walk")}
        if min(factor.values()) <= 2:  # chapter 5: faster than the paths, which double per layer
            raise SystemExit(f"generate.py: chain_rule {compiler}: growth per layer {factor}: chapter 5's text no "
                             f"longer describes the data")
        step_ns = 1000 * (cpu_us[f"{last}/memoized"] - cpu_us[f"{first}/memoized"]) / layers
        growth.append(f"{compiler_label}: (a) {factor['enumeration']:.1f}x and (b) {factor['tree_walk']:.1f}x per "
                      f"extra layer, (c) {step_ns:+.0f} ns per layer")
    return (table(["gradient of", "compiler", "(a) enumeration (us)", "(b) tree walk (us)", "(c) memoized (us)",
                   "(a)/(c)", "(b)/(c)"], rows) + "\n" + google_benchmark_note("chain_rule") +
            f"\n\nFrom {depths[0]} to {depths[-1]} hidden layers (geometric means of the growth): "
            f"{'; '.join(growth)}.\n")


def speed_table():
    pytorch_lines = (DATA / "runtime_pytorch.txt").read_text().splitlines()
    pytorch = {line.split()[0]: float(line.split()[1]) for line in pytorch_lines if "_us" in line}
    times = {compiler: google_benchmark("mlp", compiler)[0] for compiler, _ in COMPILERS}
    rows = []
    for label, name, torch_key in (("2-16-16-1, one sample", "2_16_16_1", "pytorch_2_16_16_1_single_us"),
                                   ("2-16-16-1, batch of 64", "2_16_16_1_batch64", "pytorch_2_16_16_1_batch64_us"),
                                   ("784-128-10, one sample", "784_128_10", None)):
        cells = [three_digits(times[c][f"{kind}_{name}"]) for kind in ("mlp", "hand") for c, _ in COMPILERS]
        rows.append((label, *cells, f"{pytorch[torch_key]:.1f}" if torch_key else "–"))
    one = {c: times[c]["mlp_2_16_16_1"] for c, _ in COMPILERS}
    to_hand = {c: one[c] / times[c]["hand_2_16_16_1"] for c, _ in COMPILERS}
    torch_factor = {c: pytorch["pytorch_2_16_16_1_single_us"] / one[c] for c, _ in COMPILERS}
    # What chapter 6 says of these numbers: for one sample PyTorch's per-operation overhead dominates.
    if min(torch_factor.values()) < 10:
        raise SystemExit(f"generate.py: PyTorch / mlp {torch_factor}: chapter 6's text no longer describes the data")
    return (table(["gradient of", "nn::mlp GCC (us)", "nn::mlp Clang (us)", "hand-written GCC (us)",
                   "hand-written Clang (us)", "PyTorch eager (us)"], rows) + "\n" +
            google_benchmark_note("mlp") + f" PyTorch: {pytorch_lines[0].strip()}, "
            f"median of 2,000 calls (`benchmark/pytorch_mlp.py`, `docs/data/runtime_pytorch.txt`).\n\n"
            f"For one sample of 2-16-16-1 the generated pass takes {to_hand['gcc']:.2f}x (GCC) and "
            f"{to_hand['clang']:.2f}x (Clang) the time of the hand-written loops, and PyTorch's eager mode "
            f"{torch_factor['gcc']:.0f}x / {torch_factor['clang']:.0f}x the time of the generated pass.\n")


# ---- the examples' own output -----------------------------------------------------------------------------

def two_paths_fragments(out, fragments):
    """dL/dw1_11 as chapter 4's sum over its two paths with the numbers put in, and the same numbers as chapter
    5's memoized pass adds them in dO1_1: from the example's lecture_paths.dat."""
    f = {name: float(v) for name, v in (line.split() for line in open(out / "lecture_paths.dat", encoding="utf-8"))}
    n = {name: tex_number(v) for name, v in f.items()}
    path = {j: f["dL/dŷ"] * f[f"dŷ/dO2_{j}"] * f[f"dO2_{j}/dO1_1"] * f["dO1_1/dw1_11"] for j in "12"}
    meet = {j: f[f"dz2_{j}"] * f[f"w2_{j}1"] for j in "12"}
    # What chapters 4 and 5 say of these numbers: the two paths add up to the gradient entry, and each path is
    # the term its second-layer neuron adds to dO1_1, times the same last factor.
    scale = abs(f["grad[w1_11]"])
    if (abs(path["1"] + path["2"] - f["grad[w1_11]"]) > 1e-14 * scale or
            any(abs(meet[j] * f["dO1_1/dw1_11"] - path[j]) > 1e-14 * scale for j in "12") or
            abs(meet["1"] + meet["2"] - f["dO1_1"]) > 1e-14 * abs(f["dO1_1"])):
        raise SystemExit("generate.py: the two paths to w1_11 no longer add up as chapters 4 and 5 say")
    factors = {j: rf"{n['dL/dŷ']} \cdot {n[f'dŷ/dO2_{j}']} \cdot {n[f'dO2_{j}/dO1_1']} \cdot {n['dO1_1/dw1_11']}"
               for j in "12"}
    fragments["lecture_two_paths"] = aligned([
        rf"\text{{path through }} O^{{(2)}}_1:\quad & {factors['1']} = {number(path['1'])}",
        rf"\text{{path through }} O^{{(2)}}_2:\quad & {factors['2']} = {number(path['2'])}",
        rf"\text{{their sum:}}\quad & \frac{{\partial L}}{{\partial w^{{(1)}}_{{11}}}} = "
        rf"{tex_number(path['1'])} + {tex_number(path['2'])} "
        rf"= {number(path['1'] + path['2'])}"])
    fragments["lecture_shared_adjoint"] = aligned([
        rf"\bar O^{{(1)}}_1 &= \bar z^{{(2)}}_1\, w^{{(2)}}_{{11}} + \bar z^{{(2)}}_2\, w^{{(2)}}_{{21}} "
        rf"= {n['dz2_1']} \cdot {n['w2_11']} + {n['dz2_2']} \cdot {n['w2_21']}",
        rf"&= {tex_number(meet['1'])} + {tex_number(meet['2'])} = {number(f['dO1_1'])}",
        rf"\frac{{\partial L}}{{\partial w^{{(1)}}_{{11}}}} &= \bar O^{{(1)}}_1 \cdot "
        rf"\frac{{\partial O^{{(1)}}_1}}{{\partial w^{{(1)}}_{{11}}}} = {n['dO1_1']} \cdot {n['dO1_1/dw1_11']} "
        rf"= {number(f['grad[w1_11]'])}"]) + (
        "\nand each term, times that last factor, is one path of chapter 4:\n\n"
        rf"\f[ {tex_number(meet['1'])} \cdot {n['dO1_1/dw1_11']} = {number(path['1'])}, \qquad "
        rf"{tex_number(meet['2'])} \cdot {n['dO1_1/dw1_11']} = {number(path['2'])} \f]" + "\n")


def lecture_figures(examples, out, fragments):
    output = run([examples / "example_lecture_network", out])
    (out / "lecture_network_output.txt").write_text(output)
    values = [line.split() for line in open(out / "lecture_values.dat", encoding="utf-8")]
    fragments["lecture_values"] = table(
        ["node", "value", "adjoint ∂L/∂node"],
        [(f"`{n}`", f"{float(v):.6f}", "none (no variable below it)" if d == "-" else f"{float(d):.6f}") for n, v, d in values])
    gradient = [line.split() for line in open(out / "lecture_gradient.dat")]
    fragments["lecture_gradient"] = table(
        ["variable", "value", "∂L/∂variable: path enumeration", "tree walk", "memoized"],
        [(f"`{n}`", f"{float(v):g}", *(f"{float(g):.15f}" for g in gs)) for n, v, *gs in gradient])
    counts = {line.split()[0]: line.split()[1:] for line in open(out / "lecture_counts.dat")}
    fragments["lecture_counts"] = table(
        ["", f"whole gradient (all {counts['paths'][0]} root-to-leaf paths)", "∂L/∂w1_11 alone"],
        [("root-to-leaf paths", *counts["paths"]),
         ("(a) path enumeration: each path's product on its own", *counts["enumeration"]),
         ("(b) tree walk: running product passed down", *counts["tree_walk"]),
         ("(c) memoized backpropagation: one per edge", *counts["memoized"])])
    evaluations = counts["evaluations"]
    enumeration, tree_walk, memoized = (float(counts[k][0]) for k in ("enumeration", "tree_walk", "memoized"))
    fragments["lecture_evaluations"] = (
        f"Forward values: (a) and (b) evaluate a node each time the walk reaches it, {evaluations[0]} and "
        f"{evaluations[1]} node evaluations; (c) evaluates each of the {evaluations[2]} distinct nodes once.\n\n"
        f"So for the lecture's network, enumerating paths as the formula is written costs "
        f"{enumeration / memoized:.1f} times the multiplications of the memoized pass; the tree walk, which "
        f"already shares prefixes, {tree_walk / memoized:.2f} times. Without the seed, (a) would be "
        f"\\f$\\sum_p (|p| - 1)\\f$, {counts['paths'][0]} fewer. The tree walk is still far slower than the "
        f"memoized pass in run time, because it re-evaluates forward values wherever it reaches a node.\n")
    two_paths_fragments(out, fragments)
    for graph in ("lecture_forward", "lecture_backward", "lecture_traced"):
        run(["dot", "-Tsvg", out / f"{graph}.dot", "-o", out / f"{graph}.svg"])
    # Chapter 5's excerpt: the statements on the two paths from L to w1_11, in the pass's order: the chain
    # down to dz3_1, then the adjoints of the two second-layer neurons, dO1_1's two terms, dz1_1, the entry.
    backward = [line.rstrip("\n") for line in open(out / "lecture_backward_code.txt", encoding="utf-8")]
    start = next(i for i, line in enumerate(backward) if line.startswith("// backward:"))
    backward = [line for line in backward[start:] if line and not line.startswith("//")]
    prefix = next(i for i, line in enumerate(backward) if line.startswith("dz3_1 =")) + 1
    on_paths = ("dO2_1 ", "dz2_1 ", "dO2_2 ", "dz2_2 ", "dO1_1 ", "dz1_1 ", "grad[w1_11] ")
    excerpt = backward[:prefix] + [line for line in backward[prefix:] if line.startswith(on_paths)]
    fragments["lecture_backward_excerpt"] = "".join(f"    {line}\n" for line in excerpt)
    # What chapter 5 says the listing shows: dz3_1 computed once and read five times; dO1_1 assigned by
    # its first user and added to by its second.
    statements = [line.split("//")[0].strip() for line in open(out / "lecture_backward_code.txt", encoding="utf-8")]
    reads = sum(1 for st in statements if "=" in st and re.search(r"\bdz3_1\b", st.split("=", 1)[1]))
    if (reads != 5 or "dO1_1 = dz2_2 * w2_21;" not in statements or "dO1_1 += dz2_1 * w2_11;" not in statements
            or sum(1 for st in statements if st.startswith("dz3_1 =")) != 1):
        raise SystemExit(f"generate.py: the lecture's backward listing no longer reads as chapter 5 describes it "
                         f"(dz3_1 read {reads} times)")


# ---- one neuron by hand (chapter 3) -------------------------------------------------------------------------

NEURON_FORMULAS = {"p": "w · x", "z": "p + b", "a": "σ(z)", "e": "a − y", "L": "e²"}
NEURON_LOCALS = {("L", "e"): "2e", ("e", "a"): "1", ("e", "y"): "−1", ("a", "z"): "a(1 − a)", ("z", "p"): "1",
                 ("z", "b"): "1", ("p", "w"): "x", ("p", "x"): "w"}


def number(value):
    """A number of the worked example as the chapter prints it: six significant digits."""
    return f"{float(value):.6g}"


def tex_number(value):
    text = number(value)
    return f"({text})" if text.startswith("-") else text


def aligned(lines):
    """Display equations, one a line, aligned at their `&`."""
    return "\\f{align*}{\n" + " \\\\\n".join(lines) + "\n\\f}\n"


def neuron_figures(examples, out, fragments):
    """Chapter 3's worked example: every number from examples/one_neuron.cpp's neuron.dat."""
    output = run([examples / "example_one_neuron", out])
    (out / "one_neuron_output.txt").write_text(output)
    nodes, edges, gradient, scalars = {}, [], [], {}
    for fields in (line.split() for line in open(out / "neuron.dat", encoding="utf-8")):
        if fields[0] == "node":
            nodes[fields[1]] = fields[2:]
        elif fields[0] == "edge":
            edges.append(fields[1:])
        elif fields[0] == "gradient":
            gradient.append(fields[1:])
        else:
            scalars[fields[0]] = fields[1:]
    value = {n: float(v[0]) for n, v in nodes.items()}
    adjoint = {n: float(v[1]) for n, v in nodes.items() if v[1] != "-"}
    v = {n: tex_number(value[n]) for n in value}
    d = {n: tex_number(adjoint[n]) for n in adjoint}
    # The forward pass and the backward pass, each line with the numbers put in.
    fragments["neuron_forward_steps"] = aligned([
        f"p &= w \\cdot x = {v['w']} \\cdot {v['x']} = {number(value['p'])}",
        f"z &= p + b = {v['p']} + {v['b']} = {number(value['z'])}",
        f"a &= \\sigma(z) = \\frac{{1}}{{1 + e^{{-{v['z']}}}}} = {number(value['a'])}",
        f"e &= a - y = {v['a']} - {v['y']} = {number(value['e'])}",
        f"L &= e^2 = {v['e']}^2 = {number(value['L'])}"])
    fragments["neuron_backward_steps"] = aligned([
        "\\bar L &= 1",
        f"\\bar e &= \\bar L \\cdot 2e = 1 \\cdot 2 \\cdot {v['e']} = {number(adjoint['e'])}",
        f"\\bar a &= \\bar e \\cdot 1 = {number(adjoint['a'])}",
        f"\\bar z &= \\bar a \\cdot a(1 - a) = {d['a']} \\cdot {v['a']} \\cdot (1 - {v['a']}) = {number(adjoint['z'])}",
        f"\\bar p &= \\bar z \\cdot 1 = {number(adjoint['p'])}, \\qquad "
        f"\\bar b = \\bar z \\cdot 1 = {number(adjoint['b'])}",
        f"\\bar w &= \\bar p \\cdot x = {d['p']} \\cdot {v['x']} = {number(adjoint['w'])}, \\qquad "
        f"\\bar x = \\bar p \\cdot w = {d['p']} \\cdot {v['w']} = {number(adjoint['x'])}"])
    fragments["neuron_values"] = table(
        ["node", "computed as", "value by hand", "adjoint ∂L/∂node by hand", "memograd: value",
         "memograd: adjoint"],
        [(f"`{n}`", NEURON_FORMULAS.get(n, "leaf"), number(f[0]), "none (data)" if f[1] == "-" else number(f[1]),
          number(f[2]), "none (data)" if f[3] == "-" else number(f[3])) for n, f in nodes.items()])
    fragments["neuron_check"] = table(
        ["variable", "∂L/∂variable by hand", f"central difference, h = {float(scalars['step'][0]):g}",
         "by hand − difference", "memograd `value_and_grad`"],
        [(f"`{n}`", f"{float(h):.12f}", f"{float(c):.12f}", f"{float(h) - float(c):.1e}", f"{float(m):.12f}")
         for n, h, c, m in gradient])
    agree = all(float(h) == float(m) for _, h, _, m in gradient)
    worst = max(abs(float(h) - float(c)) for _, h, c, _ in gradient)
    fragments["neuron_check_summary"] = (
        f"The hand derivation and the central differences agree to {worst:.0e} or better; memograd's gradient "
        + ("equals the hand derivation to the last bit." if agree else
           "agrees with the hand derivation to rounding (the test allows 1e-14 relative).") + "\n")
    # The graph: leaves at the bottom, every node's value and adjoint, every edge's local derivative and term.
    lines = ["digraph neuron {", "  rankdir=BT;", '  nodesep=0.6; ranksep=0.55;',
             '  node [fontname="Helvetica", fontsize=15];', '  edge [fontname="Helvetica", fontsize=13];']
    for n, f in nodes.items():
        adjoint_text = "no adjoint (data)" if f[1] == "-" else f"adjoint {number(f[1])}"
        if n in NEURON_FORMULAS:
            label = f"{n} = {NEURON_FORMULAS[n]}\\nvalue {number(f[0])}\\n{adjoint_text}"
            lines.append(f'  {n} [shape=box, label="{label}"];')
        else:
            fill = 'style=filled, fillcolor="#cfe2f3"' if f[1] != "-" else 'style=dashed'
            lines.append(f'  {n} [shape=ellipse, {fill}, label="{n} = {number(f[0])}\\n{adjoint_text}"];')
    for user, operand, local, term in edges:
        sent = "" if term == "-" else f"\\nsends {number(term)}"
        rule = NEURON_LOCALS[(user, operand)]
        local_text = rule if rule.lstrip("−").isdigit() else f"{rule} = {number(local)}"
        lines.append(f'  {operand} -> {user} [label="  ∂{user}/∂{operand} = {local_text}{sent}  "];')
    lines.append("}")
    (out / "neuron_graph.dot").write_text("\n".join(lines) + "\n", encoding="utf-8")
    run(["dot", "-Tsvg", out / "neuron_graph.dot", "-o", out / "neuron_graph.svg"])
    # What chapter 3 says the generated listings show: no copy for the adjoints of a and p (the add and the
    # subtraction pass theirs on), the multiply's swapped operands, and the fork's = and +=.
    code = [line.split("//")[0].strip() for line in open(out / "neuron_backward_code.txt", encoding="utf-8")]
    fork = [line.split("//")[0].strip() for line in open(out / "neuron_fork_code.txt", encoding="utf-8")]
    if (any(st.startswith(("da =", "dp =")) for st in code)
            or not {"grad[b] = dz;", "grad[w] = dz * x;", "grad[x] = dz * w;", "de = dL * (2.0 * e);"} <= set(code)
            or fork.index("de += dL * e;") != fork.index("de = dL * e;") + 1):
        raise SystemExit("generate.py: the neuron's backward listings no longer read as chapter 3 describes them")


# ---- forward mode against reverse mode (chapter 7) ---------------------------------------------------------

def latex_name(name):
    """A node's code name as the tutorial typesets it: O2_1 -> O^{(2)}_{1}, w1_11 -> w^{(1)}_{11}, x1 -> x_{1}."""
    if name == "ŷ":
        return r"\hat y"
    layered = re.fullmatch(r"([A-Za-z])(\d)_(\d+)", name)
    if layered:
        return f"{layered[1]}^{{({layered[2]})}}_{{{layered[3]}}}"
    indexed = re.fullmatch(r"([A-Za-z])(\d+)", name)
    return f"{indexed[1]}_{{{indexed[2]}}}" if indexed else name


def partial(u, v):
    return rf"\frac{{\partial {latex_name(u)}}}{{\partial {latex_name(v)}}}"


def contracted_graph(dot, keep):
    """The graph of a `memograd::graphviz` DOT file reduced to the nodes whose names `keep` accepts: an edge
    u -> v for every route from user u down to operand v through nodes that are not kept."""
    names, operands = {}, {}
    for node, label in re.findall(r'^\s*(n\d+) \[label="([^"\\]*)', dot, re.M):
        names[node] = label.split(" = ")[0]
    for operand, user in re.findall(r"^\s*(n\d+) -> (n\d+);", dot, re.M):
        operands.setdefault(user, []).append(operand)
    def kept_below(node, seen):
        for operand in operands.get(node, []):
            if keep(names[operand]):
                seen.setdefault(names[operand], None)
            else:
                kept_below(operand, seen)
        return list(seen)
    return {names[n]: kept_below(n, {}) for n in names if keep(names[n])}


def matrix(rows):
    if len(rows) == 1 and len(rows[0]) == 1:
        return rows[0][0]
    body = r" \\ ".join(" & ".join(row) for row in rows)
    return rf"\begin{{pmatrix}} {body} \end{{pmatrix}}"


def factoring_formulas(dot, variable):
    """∂L/∂variable for the lecture network, from its graph: the sum over paths through the neurons' outputs,
    and the same sum as a product of Jacobians, bracketed as reverse mode and as forward mode evaluate it."""
    graph = contracted_graph(dot, lambda n: n in ("L", "ŷ", variable) or re.fullmatch(r"O\d_\d+", n) is not None)
    root = next(n for n in graph if all(n not in ops for ops in graph.values()))
    def paths(node):
        if node == variable:
            return [[node]]
        return [[node] + p for operand in graph[node] for p in paths(operand)]
    routes = paths(root)
    levels = [sorted({p[t] for p in routes}) for t in range(len(routes[0]))]
    if any(len(p) != len(levels) for p in routes):
        raise SystemExit("generate.py: the lecture network's paths are not layered")
    terms = [" ".join(partial(p[t], p[t + 1]) for t in range(len(p) - 1)) for p in routes]
    jacobians = [matrix([[partial(u, v) if v in graph[u] else "0" for v in levels[t + 1]] for u in levels[t]])
                 for t in range(len(levels) - 1)]
    lhs = partial(root, variable)
    reverse = jacobians[0]
    for j in jacobians[1:]:
        reverse = rf"\Big[{reverse}\, {j}\Big]" if j is not jacobians[-1] else rf"{reverse}\, {j}"
    forward = jacobians[-1]
    for j in reversed(jacobians[:-1]):
        forward = rf"\Big[{j}\, {forward}\Big]" if j is not jacobians[0] else rf"{j}\, {forward}"
    joined = "\n+ ".join(terms)
    return {
        "factoring_paths": f"\\f[\n{lhs} =\n{joined}\n\\f]\n",
        "factoring_product": f"\\f[\n{lhs} = " + r"\, ".join(jacobians) + "\n\\f]\n",
        "factoring_reverse": f"\\f[\n{lhs} = {reverse}\n\\f]\n",
        "factoring_forward": f"\\f[\n{lhs} = {forward}\n\\f]\n",
    }


def forward_reverse_runtime_table(counts):
    rows = []
    times = {compiler: google_benchmark("forward_reverse", compiler)[0] for compiler, _ in COMPILERS}
    for label, name, key in (("lecture network", "lecture", "lecture"), ("2-16-16-1", "2_16_16_1", "2-16-16-1")):
        passes = int(counts[key][2])
        for compiler, compiler_label in COMPILERS:
            r, f, j = (times[compiler][f"{name}/{m}"] for m in ("reverse", "forward", "jvp"))
            # What chapter 7 says of these numbers.
            if not (1 < f / r < passes and 0.5 < j / r < 1.5):
                raise SystemExit(f"generate.py: {compiler} {name}: forward/reverse {f / r:.1f} (passes {passes}), "
                                 f"jvp/reverse {j / r:.2f}: chapter 7's text no longer describes the data")
            rows.append((label, compiler_label, three_digits(r), three_digits(f), f"{f / r:.0f}x", three_digits(j),
                         f"{passes}"))
    return (table(["gradient of", "compiler", "reverse mode (us)", "forward mode (us)", "forward / reverse",
                   "one tangent pass, jvp (us)", "tangent passes"], rows) +
            "\n" + google_benchmark_note("forward_reverse") + "\n")


def forward_reverse_figures(examples, out, fragments):
    output = run([examples / "example_forward_reverse", out])
    (out / "forward_reverse_output.txt").write_text(output)
    rows = [line.split() for line in open(out / "forward_reverse_counts.dat")]
    fragments["forward_reverse_counts"] = table(
        ["network", "variables K", "edges", "forward mode: passes", "forward mode: products K × edges",
         "reverse mode: passes", "reverse mode: products", "forward / reverse"],
        [(name, k, f"{int(e):,}", fp, f"{float(fm):,.0f}", rp, f"{float(rm):,.0f}", f"{float(fm) / float(rm):.0f}x")
         for name, k, e, fp, fm, rp, rm in rows])
    fragments["forward_reverse_runtime"] = forward_reverse_runtime_table({r[0]: r[1:] for r in rows})
    fragments.update(factoring_formulas((out / "lecture_forward.dot").read_text(), "x1"))


def layer_graph_figures(examples, out, fragments):
    output = run([examples / "example_layer_graph", out])
    (out / "layer_graph_output.txt").write_text(output)
    run(["dot", "-Tsvg", out / "layer_graph.dot", "-o", out / "layer_graph.svg"])


def pytorch_saved_tensors(memograd_values):
    """Chapter 8's statements about PyTorch as checked by benchmark/pytorch_saved_tensors.py, and what PyTorch
    saves beside memograd's values buffer, network by network."""
    path = DATA / "pytorch_saved_tensors.txt"
    lines = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    version = lines[0][0].split("PyTorch ")[1].split(" ")[0]
    statements = [f[1] for f in lines if f[0] == "statement"]
    rows = []
    for _, network, single, batch in (f for f in lines if f[0] == "saved"):
        # What the chapter says: memograd keeps more values than PyTorch saves, for one sample.
        if memograd_values[network] <= int(single):
            raise SystemExit(f"generate.py: {network}: memograd keeps {memograd_values[network]} values, PyTorch "
                             f"saves {single}: chapter 8's text no longer describes the data")
        rows.append((network, f"{memograd_values[network]:,}", f"{int(single):,}", f"{int(batch):,}"))
    return (f"Checked on PyTorch {version} (Debian's `python3-torch`) by `benchmark/pytorch_saved_tensors.py`, "
            f"which fails if PyTorch behaves otherwise: " + "; ".join(statements) + ".\n\n" +
            table(["network", "memograd: values stored (any batch)", "PyTorch: doubles saved, 1 sample",
                   "PyTorch: doubles saved, batch of 64"], rows) +
            "\nPyTorch's counts: every tensor a backward function saved during the forward pass, counted once per "
            "storage, inputs, targets and parameters excluded (memograd's values buffer does not copy its "
            "leaves either); the networks are `torch.nn.Linear` layers, so the neurons' products and sums are "
            f"matrix products whose results are not saved. Data `docs/data/pytorch_saved_tensors.txt`.\n")


def memory_figures(examples, out, fragments):
    """What the backward pass keeps (counted by the compiler), and recomputation counted and timed."""
    output = run([examples / "example_memory_cost", out])
    (out / "memory_cost_output.txt").write_text(output)
    rows = [line.rstrip("\n").split("\t") for line in open(out / "memory.dat", encoding="utf-8")]
    fragments["memory_table"] = table(
        ["network", "graph nodes", "values stored", "adjoints stored", "nodes with an adjoint",
         "nodes sharing an adjoint", "gradient"],
        [(r[0], *(f"{int(v):,}" for v in r[1:])) for r in rows])
    scalar = next(r for r in rows if r[0].startswith("2-16-16-1"))
    layer_nodes = re.search(r"layer graph: (\d+) nodes", (out / "layer_graph_output.txt").read_text()).group(1)
    fragments["mlp_graph_sizes"] = (
        f"Written neuron by neuron as a scalar graph (`dense_network_loss<2, 16, 2>`, counted by "
        f"`examples/memory_cost.cpp`), this network has {int(scalar[1]):,} nodes; as a layer graph, {layer_nodes}:\n")
    mnist = next(r for r in rows if r[0].startswith("784"))
    kept, gradient = int(mnist[2]) + int(mnist[3]), int(mnist[6])
    fragments["memory_ratio"] = (
        f"For one sample of 784-128-10 the passes keep {kept:,} doubles of values and adjoints, "
        f"{100 * kept / gradient:.2g}% of the {gradient:,} doubles of the gradient, and the parameters take as many "
        f"again: for one sample, memoization's memory is small next to the network's own.\n")
    fragments["pytorch_saved"] = pytorch_saved_tensors({r[0]: int(r[2]) for r in rows})
    lines = [line.split() for line in open(out / "checkpointing.dat") if not line.startswith("#")]
    steps, memoized_doubles, memoized_ops = (int(v) for v in lines[0])
    timings = {compiler: google_benchmark("checkpointing", compiler)[0] for compiler, _ in COMPILERS}
    body = [("memoized (every value kept)", "–", f"{memoized_doubles:,}", f"{memoized_ops:,}", "0",
             *(f"{1000 * timings[c]['memoized']:,.0f} (1.00x)" for c, _ in COMPILERS))]
    for k, segments, doubles, ops in ([int(v) for v in row] for row in lines[1:]):
        cells = []
        for c, _ in COMPILERS:
            t, base = timings[c][f"checkpointed/{k}"], timings[c]["memoized"]
            cells.append(f"{1000 * t:,.0f} ({t / base:.2f}x)")
        body.append((f"checkpointed, segments of {k}", f"{segments}", f"{doubles:,}", f"{ops:,}",
                     f"{ops - memoized_ops:,}", *cells))
    fragments["checkpointing_table"] = table(
        ["gradient of 128 steps", "segments", "doubles kept", "forward operations", "extra forward operations",
         "GCC 12: CPU time (ns)", "Clang 19: CPU time (ns)"], body) + (
        "\nCounts: `examples/memory_cost.cpp` (compile-time constants). " + google_benchmark_note("checkpointing", compare="column") + "\n")


NOTEBOOK_CELL = """import time
dic={0:1,1:1}
start_time=time.time()
def fib(n):
    if n==0:
        return 0
    if n==1 :
        return 1
    if n not in dic.keys():
        dic[n]=fib(n-1)+fib(n-2)
        return dic[n]
    else:
        return dic[n]
print(fib(2000))
print(time.time()-start_time)
"""

PYTHON_NAIVE = """import sys, time
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
for n in range(16, 27, 2):
    start = time.process_time()
    fib(n)
    print(n, time.process_time() - start)
"""


def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def seconds_text(s):
    for unit, size in (("years", 365.25 * 86400), ("days", 86400), ("hours", 3600), ("minutes", 60), ("s", 1)):
        if s >= size:
            amount = f"{s / size:,.3g}"
            return f"{amount} {unit.removesuffix('s') if amount == '1' and unit != 's' else unit}"
    return f"{s * 1000:.3g} ms"


def fibonacci_python(out, fragments):
    """The notebook's cell run as plain Python, and the naive recursion timed in Python."""
    cell = subprocess.run([sys.executable, "-c", NOTEBOOK_CELL], text=True, capture_output=True)
    last = cell.stderr.strip().splitlines()[-1] if cell.returncode else "(no error)"
    fragments["notebook_error"] = (f"    $ python3 notebook_cell.py      # Python {sys.version.split()[0]}, "
                                   f"recursion limit {sys.getrecursionlimit()}\n    ...\n    {last}\n")
    times = [line.split() for line in run([sys.executable, "-c", PYTHON_NAIVE]).splitlines()]
    return {int(n): float(t) for n, t in times}


def check_quoted_code(chapter, after, source):
    """The indented code block that follows `after` in a tutorial chapter quotes `source`: each of its lines
    appears there verbatim (a listing too short to be a snippet of its own must still not drift)."""
    text = (ROOT / "docs" / "tutorial" / chapter).read_text(encoding="utf-8")
    block = text[text.index(after) + len(after):].lstrip("\n").split("\n\n")[0]
    code = (ROOT / source).read_text(encoding="utf-8")
    for line in block.splitlines():
        if line.strip() not in code:
            raise SystemExit(f"generate.py: docs/tutorial/{chapter} quotes a line {source} no longer has: "
                             f"{line.strip()}")


def fibonacci_figures(examples, out, fragments):
    check_quoted_code("01_memoization.md", "steps explicit:", "examples/recursion_tree.cpp")
    output = run([examples / "example_fibonacci", out])
    (out / "fibonacci_output.txt").write_text(output)
    tree = run([examples / "example_recursion_tree", out])
    (out / "recursion_tree_output.txt").write_text(tree)
    for graph in ("fib5_naive", "fib5_memoized"):
        run(["dot", "-Tsvg", out / f"{graph}.dot", "-o", out / f"{graph}.svg"])
    python = fibonacci_python(out, fragments)
    rows = [line.split() for line in open(out / "fibonacci_calls.dat") if not line.startswith("#")]
    # Extrapolation: time per call of the largest n measured, times the calls 2F(n+1) - 1.
    n_cpp, ms_cpp = int(rows[-1][0]), float(rows[-1][3])
    per_call_cpp = ms_cpp / 1000 / (2 * fibonacci(n_cpp + 1) - 1)
    n_py = max(python)
    per_call_py = python[n_py] / (2 * fibonacci(n_py + 1) - 1)
    extrapolated = []
    for n in (30, 38, 40, 50, 60, 100):
        calls = 2 * fibonacci(n + 1) - 1
        cpp = ("measured: " + seconds_text(float(next(r[3] for r in rows if int(r[0]) == n)) / 1000)
               if any(int(r[0]) == n for r in rows) else "extrapolated: " + seconds_text(calls * per_call_cpp))
        py = ("measured: " + seconds_text(python[n]) if n in python
              else "extrapolated: " + seconds_text(calls * per_call_py))
        extrapolated.append((n, f"{calls:.3e}" if calls > 1e6 else f"{calls:,}", py, cpp))
    fragments["fibonacci_extrapolated"] = table(
        ["n", "naive calls 2F(n+1) − 1", "Python, naive", "C++ (naive_fibonacci, -O2)"], extrapolated) + (
        f"\nExtrapolated times are the time per call of the largest n measured (Python: n = {n_py}, "
        f"{per_call_py * 1e9:.0f} ns per call; C++: n = {n_cpp}, {per_call_cpp * 1e9:.2f} ns per call) times the "
        f"number of calls; they were not run. Measured when these docs were built, on a shared machine.\n")
    fragments["fibonacci_calls"] = table(
        ["n", "naive calls", "memoized calls", "naive time (ms)", "memoized time (ns)"],
        [(n, f"{int(a):,}", b, f"{float(c):.3f}", f"{float(d):.0f}") for n, a, b, c, d in rows])
    gnuplot(f"""{TERMINAL}
set output "{out}/fibonacci_calls.svg"
set title "Calls to compute F(n): naive recursion against memoized recursion"
set xlabel "n"
set ylabel "calls"
set logscale y
set format y "10^{{%L}}"
set key top left
set grid
plot "{out}/fibonacci_calls.dat" using 1:2 with linespoints lw 2 pt 7 title "naive: 2F(n+1) - 1", \\
     "" using 1:3 with linespoints lw 2 pt 5 title "memoized: 2n - 1"
""")


def path_growth_figures(examples, out, fragments):
    output = run([examples / "example_path_growth", out])
    (out / "path_growth_output.txt").write_text(output)
    rows = [line.split() for line in open(out / "path_growth.dat") if not line.startswith("#")]
    # Width 2, two hidden layers is the lecture's network but for its output neuron, which is linear (no
    # sigmoid) in dense_network_loss: one edge fewer, on every path but the target's.
    lecture = {line.split()[0]: [float(v) for v in line.split()[1:]] for line in open(out / "lecture_counts.dat")}
    enumeration, tree_walk, memoized = (float(v) for v in rows[1][1:4])
    paths = lecture["paths"][0]
    if (int(rows[1][0]) != 2 or memoized != lecture["memoized"][0] - 1 or tree_walk != lecture["tree_walk"][0] - 1
            or enumeration != lecture["enumeration"][0] - (paths - 1)):
        raise SystemExit("generate.py: width 2, depth 2 no longer differs from the lecture network by its output's "
                         "sigmoid, as chapter 5 says")
    fragments["path_growth_lecture"] = (
        f"At width 2 with two hidden layers the table's network has the lecture network's shape, but not its "
        f"counts: {enumeration:.0f}, {tree_walk:.0f} and {memoized:.0f} against {lecture['enumeration'][0]:.0f}, "
        f"{lecture['tree_walk'][0]:.0f} and {lecture['memoized'][0]:.0f}. Its output neuron is linear (no "
        f"sigmoid), so the graph has one edge fewer, the tree one fewer, and each of the {paths - 1:.0f} paths "
        f"through the output neuron (all but the one to the target) is one edge shorter. (Its target is a "
        f"variable, not data: that changes no count, since paths end at every leaf.)\n")
    fragments["path_growth"] = table(
        ["hidden layers", "width 2: enumeration", "width 2: tree walk", "width 2: memoized",
         "width 3: enumeration", "width 3: tree walk", "width 3: memoized"],
        [(r[0], *(f"{float(v):,.0f}" for v in r[1:])) for r in rows])
    gnuplot(f"""{TERMINAL}
set output "{out}/path_growth.svg"
set title "Multiplications for the whole gradient as the network deepens (counted by the compiler)"
set xlabel "hidden layers"
set ylabel "multiplications of a local derivative"
set logscale y
set format y "10^{{%L}}"
set key top left
set grid
plot "{out}/path_growth.dat" using 1:2 with linespoints lw 2 pt 7 lc 1 title "path enumeration, width 2", \\
     "" using 1:5 with linespoints lw 2 pt 7 lc 1 dt 2 title "path enumeration, width 3", \\
     "" using 1:3 with linespoints lw 2 pt 9 lc 2 title "tree walk, width 2", \\
     "" using 1:6 with linespoints lw 2 pt 9 lc 2 dt 2 title "tree walk, width 3", \\
     "" using 1:4 with linespoints lw 2 pt 5 lc 3 title "memoized backpropagation, width 2", \\
     "" using 1:7 with linespoints lw 2 pt 5 lc 3 dt 2 title "memoized backpropagation, width 3"
""")


def moons_figures(examples, out, fragments):
    output = run([examples / "example_train_moons", out])
    lines = output.splitlines()
    (out / "train_moons_output.txt").write_text("\n".join(lines[:3] + ["..."] + lines[-4:]) + "\n")
    gnuplot(f"""{TERMINAL}
set output "{out}/moons_loss.svg"
set title "Training a 2-16-16-1 tanh nn::mlp on two moons (Adam, batches of 20)"
set xlabel "epoch"
set ylabel "mean squared error"
set y2label "test accuracy"
set y2range [0.5:1.01]
set ytics nomirror
set y2tics
set key center right
set grid
plot "{out}/moons_training.dat" using 1:2 with lines lw 2 title "training loss", \\
     "" using 1:3 axes x1y2 with lines lw 2 dt 2 title "test accuracy"
""")
    gnuplot(f"""set terminal svg size 720,460 font "Helvetica,13" background "white"
set output "{out}/moons_boundary.svg"
set title "Decision boundary of the trained network (training points)"
set view map
set xrange [-1.5:2.5]
set yrange [-1:1.5]
set cbrange [0:1]
set cblabel "network output"
set palette defined (0 "#1f5fa8", 0.5 "#ffffff", 1 "#d9541e")
set contour base
set cntrparam levels discrete 0.5
unset surface
set table "{out}/moons_contour.dat"
splot "{out}/moons_boundary.dat" using 1:2:3
unset table
set surface
unset contour
plot "{out}/moons_boundary.dat" using 1:2:3 with image notitle, \\
     "{out}/moons_contour.dat" using 1:2 with lines lc "black" lw 2 title "output = 0.5", \\
     "{out}/moons_points.dat" using 1:2:($3 > 0.5 ? 7 : 5) with points pt variable ps 0.6 lc "black" notitle
""")


def compile_time_moons_figures(examples, out, fragments):
    """micrograd's demo as the compiler trained it: the program only prints and draws its constants."""
    output = run([examples / "example_compile_time_moons", out])
    (out / "compile_time_moons_output.txt").write_text(output)
    gnuplot(f"""{TERMINAL}
set output "{out}/compile_time_moons_loss.svg"
set title "Loss at each SGD step, computed by the compiler (2-16-16-1 ReLU, 100 points)"
set xlabel "step"
set ylabel "max-margin loss + L2 penalty"
set key top right
set grid
plot "{out}/compile_time_moons_loss.dat" using 1:2 with lines lw 2 title "constants of examples/compile_time_moons.cpp" noenhanced
""")
    gnuplot(f"""set terminal svg size 720,460 font "Helvetica,13" background "white"
set output "{out}/compile_time_moons_boundary.svg"
set title "Decision boundary the compiler learned (training points)"
set view map
set xrange [-1.5:2.5]
set yrange [-1:1.5]
set cbrange [-2:2]
set cblabel "network score"
set palette defined (-2 "#1f5fa8", 0 "#ffffff", 2 "#d9541e")
set contour base
set cntrparam levels discrete 0
unset surface
set table "{out}/compile_time_moons_contour.dat"
splot "{out}/compile_time_moons_boundary.dat" using 1:2:3
unset table
set surface
unset contour
plot "{out}/compile_time_moons_boundary.dat" using 1:2:3 with image notitle, \\
     "{out}/compile_time_moons_contour.dat" using 1:2 with lines lc "black" lw 2 title "score = 0", \\
     "{out}/compile_time_moons_points.dat" using 1:2:($3 > 0.5 ? 7 : 5) with points pt variable ps 0.6 lc "black" notitle
""")


def expand_tutorial(out, fragments):
    target = out / "tutorial"
    target.mkdir(exist_ok=True)
    marker = re.compile(r"^<!-- generated: (\w+) -->$", re.M)
    for page in sorted((ROOT / "docs" / "tutorial").glob("*.md")):
        text = page.read_text()
        missing = [m for m in marker.findall(text) if m not in fragments]
        if missing:
            raise SystemExit(f"generate.py: {page.name} asks for unknown fragments {missing}")
        (target / page.name).write_text(marker.sub(lambda m: fragments[m.group(1)], text))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--examples", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--plots-only", action="store_true")
    args = parser.parse_args()
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    benchmark_plots(out)
    if args.plots_only:
        return
    if not args.examples:
        sys.exit("generate.py: --examples <dir> is needed unless --plots-only")
    fragments = {"fibonacci_compile_times": fibonacci_compile_table(), "fibonacci_reach": fibonacci_reach_table(),
                 "speed": speed_table(),
                 "chain_rule_runtime": chain_rule_runtime_table(),
                 "fibonacci_runtime": fibonacci_runtime_table()}
    for step in (neuron_figures, lecture_figures, forward_reverse_figures, layer_graph_figures, fibonacci_figures,
                 path_growth_figures, moons_figures, compile_time_moons_figures, memory_figures):
        step(args.examples.resolve(), out, fragments)
    expand_tutorial(out, fragments)


if __name__ == "__main__":
    main()
