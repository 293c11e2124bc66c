#!/usr/bin/env python3
"""Runs every test and example of a built tree under valgrind's memcheck; fails on any memcheck error.

Usage: tests/run_under_valgrind.py <build-dir>

Test commands come from `ctest --show-only=json-v1`, so nothing is listed twice. Catch2 programs are run
once each with all their test cases (one valgrind start per program, not per case); examples run with
their ctest arguments. Compile-fail cases, the consumer build and the libFuzzer target are not programs
of the tree and are skipped.
"""
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

SKIPPED_PREFIXES = ("compile_fail", "consumer", "libfuzzer")
VALGRIND = ["valgrind", "--tool=memcheck", "--error-exitcode=99", "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect", "--track-origins=yes", "--quiet"]


def programs(build_dir):
    listing = subprocess.run(["ctest", "--test-dir", build_dir, "--show-only=json-v1"],
                             check=True, capture_output=True, text=True).stdout
    seen = {}
    for test in json.loads(listing)["tests"]:
        name, command = test["name"], test.get("command")
        if not command or name.startswith(SKIPPED_PREFIXES):
            continue
        executable = command[0]
        if executable in seen:
            continue
        catch_case = name.startswith(os.path.basename(executable) + ":")
        workdir = next((p["value"] for p in test.get("properties", []) if p["name"] == "WORKING_DIRECTORY"),
                       build_dir)
        seen[executable] = ([executable] if catch_case else command, workdir)
    return list(seen.values())


def run(program):
    command, workdir = program
    start = time.monotonic()
    result = subprocess.run(VALGRIND + command, cwd=workdir, capture_output=True, text=True)
    return command, result, time.monotonic() - start


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    todo = programs(os.path.abspath(sys.argv[1]))
    failures = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for command, result, seconds in pool.map(run, todo):
            label = " ".join(os.path.basename(part) for part in command[:1]) + \
                    ("" if len(command) == 1 else " " + " ".join(command[1:]))
            status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
            print(f"valgrind: {label}: {status} in {seconds:.1f} s", flush=True)
            if result.returncode != 0:
                failures += 1
                print(result.stdout[-4000:], result.stderr[-8000:], sep="\n")
    print(f"valgrind: {len(todo)} programs, {failures} with memcheck errors or failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
