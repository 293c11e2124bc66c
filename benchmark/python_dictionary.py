#!/usr/bin/env python3
"""The lecture's notebook cell, timed: memoized fib(2000) with a fresh dictionary each run."""
import sys
import time

sys.setrecursionlimit(10_000)  # the notebook ran under IPython's raised limit; plain Python stops at 1000


def run_once():
    dic = {0: 1, 1: 1}

    def fib(n):
        if n == 0:
            return 0
        if n == 1:
            return 1
        if n not in dic.keys():
            dic[n] = fib(n - 1) + fib(n - 2)
            return dic[n]
        else:
            return dic[n]

    start = time.perf_counter()
    fib(2000)
    return time.perf_counter() - start


times = sorted(run_once() for _ in range(200))
print(f"python_dictionary_fib_2000_median_us {times[len(times) // 2] * 1e6:.1f}")
print(f"python_dictionary_fib_2000_min_us {times[0] * 1e6:.1f}")
