#!/usr/bin/env python3
"""Mutation check: every single-line mutation in mutations.txt must be caught by the tests named for it.

For each mutation the script edits a copy of the sources (never the checkout), builds only the test
programs its ctest regex selects (compile-fail cases need no build), and runs those tests. The mutation
is caught when the build or a test fails; it survives when everything passes, which means a test is
missing. First every selection of tests must build and pass on the unmutated copy (so that "caught"
means the mutation broke it). The script fails if any mutation survives or no longer applies (its text
must occur exactly once in its file). Workers run mutations in parallel, each in its own copy and build tree (GCC, -O0: these
builds only have to fail or pass, not run fast). Prints a Markdown table of the results.
Usage: run.py <work dir> [--workers N] [--compiler g++]
"""
import concurrent.futures
import pathlib
import re
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]


def read_mutations():
    mutations = []
    for number, line in enumerate((ROOT / "tests/mutation/mutations.txt").read_text().splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if len(fields) != 5:
            sys.exit(f"mutations.txt:{number}: expected 'kind | file | text | replacement | ctest regex'")
        kind, path, text, replacement, tests = fields
        mutations.append({"line": number, "kind": kind, "file": path, "text": text, "replacement": replacement,
                          "tests": tests})
    return mutations


def run(command, cwd=None):
    return subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


class Worker:
    def __init__(self, work, index, compiler):
        self.src = work / f"src{index}"
        self.build = work / f"build{index}"
        if self.src.exists():
            shutil.rmtree(self.src)
        files = run(["git", "ls-files"], cwd=ROOT).stdout.split()
        for name in files:
            target = self.src / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if (ROOT / name).is_file():
                # copy, not copy2: a fresh modification time, so that a build tree kept from an earlier
                # run rebuilds what it compiled from a mutated copy (copy2 kept the checkout's older time
                # and Ninja reused the mutated objects: a baseline then failed unmutated).
                shutil.copy(ROOT / name, target)
        configured = run(["cmake", "-S", str(self.src), "-B", str(self.build), "-G", "Ninja",
                          f"-DCMAKE_CXX_COMPILER={compiler}", "-DCMAKE_BUILD_TYPE=Debug", "-DCMAKE_CXX_FLAGS_DEBUG=-O0",
                          "-DMEMOGRAD_BUILD_TESTS=ON", "-DMEMOGRAD_BUILD_EXAMPLES=OFF"])
        if configured.returncode != 0:
            sys.exit("configure failed:\n" + configured.stdout)

    def tests_for(self, regex):
        """ctest names matching regex (Catch2 cases are listed once their program is built)."""
        listed = run(["ctest", "--test-dir", str(self.build), "-N", "-R", regex]).stdout
        return re.findall(r"Test +#\d+: (.*)", listed)

    def baseline(self, regex):
        """The unmutated sources build and pass the tests: otherwise a 'caught' would mean nothing."""
        program = re.match(r"\^(\w+):", regex)
        if program and program.group(1) != "compile_fail":
            built = run(["cmake", "--build", str(self.build), "-j1", "--target", program.group(1)])
            if built.returncode != 0:
                return f"baseline: {program.group(1)} does not build unmutated:\n{built.stdout[-3000:]}"
        tested = run(["ctest", "--test-dir", str(self.build), "--timeout", "300", "-R", regex])
        if tested.returncode != 0 or not self.tests_for(regex):
            return f"baseline: {regex} fails (or matches nothing) unmutated:\n{tested.stdout[-3000:]}"
        return None

    def try_mutation(self, m):
        path = self.src / m["file"]
        original = path.read_text()
        if original.count(m["text"]) != 1:
            return "does not apply", 0.0
        start = time.monotonic()
        try:
            path.write_text(original.replace(m["text"], m["replacement"]))
            # A Catch2 program's cases are named "<program>:<case>": the regex names the program to build.
            program = re.match(r"\^(\w+):", m["tests"])
            if program and program.group(1) != "compile_fail":
                built = run(["cmake", "--build", str(self.build), "-j1", "--target", program.group(1)])
                if built.returncode != 0:
                    return "caught (build)", time.monotonic() - start
            if not self.tests_for(m["tests"]):
                return "no test matches", 0.0
            tested = run(["ctest", "--test-dir", str(self.build), "--timeout", "300", "-R", m["tests"]])
            if tested.returncode != 0:
                return "caught (test)", time.monotonic() - start
            return "SURVIVED", time.monotonic() - start
        finally:
            path.write_text(original)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    work = pathlib.Path(sys.argv[1]).resolve()
    workers = int(sys.argv[sys.argv.index("--workers") + 1]) if "--workers" in sys.argv else 2
    compiler = sys.argv[sys.argv.index("--compiler") + 1] if "--compiler" in sys.argv else "g++"
    mutations = read_mutations()
    for m in mutations:
        if (ROOT / m["file"]).read_text().count(m["text"]) != 1:
            sys.exit(f"mutations.txt:{m['line']}: '{m['text']}' does not occur exactly once in {m['file']}: update the list")
    work.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    pool = [Worker(work, i, compiler) for i in range(workers)]
    results = [None] * len(mutations)
    regexes = sorted({m["tests"] for m in mutations})
    baseline_problems = []

    def check_baseline(worker_index):
        for regex in regexes[worker_index::workers]:
            problem = pool[worker_index].baseline(regex)
            if problem:
                baseline_problems.append(problem)

    with concurrent.futures.ThreadPoolExecutor(workers) as executor:
        list(executor.map(check_baseline, range(workers)))
    if baseline_problems:
        print("\n".join(baseline_problems))
        return 1
    baseline_seconds = time.monotonic() - start

    def serve(worker_index):
        for i in range(worker_index, len(mutations), workers):
            results[i] = pool[worker_index].try_mutation(mutations[i])

    with concurrent.futures.ThreadPoolExecutor(workers) as executor:
        list(executor.map(serve, range(workers)))
    print("| # | kind | file | mutation | caught by | result | seconds |")
    print("|---:|---|---|---|---|---|---:|")
    def cell(text):
        return "`" + text.replace("|", "\\|") + "`"

    for number, (m, (result, seconds)) in enumerate(zip(mutations, results), 1):
        print(f"| {number} | {m['kind']} | {cell(m['file'].removeprefix('include/memograd/'))} | {cell(m['text'])} → "
              f"{cell(m['replacement'])} | {cell(m['tests'])} | {result} | {seconds:.0f} |")
    bad = [r for r, _ in results if not r.startswith("caught")]
    print(f"\n{len(mutations)} mutations, {len(mutations) - len(bad)} caught, {len(bad)} not; "
          f"{time.monotonic() - start:.0f} s with {workers} workers ({compiler}), of which {baseline_seconds:.0f} s "
          f"for the unmutated baseline of the {len(regexes)} test selections")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
