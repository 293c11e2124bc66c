#!/usr/bin/env python3
"""Writes the Fibonacci reference data the tests check memograd against.

Independent of memograd: Python's own integers, F(0..1000) and F(10^4), F(10^5) by plain repeated
addition (the definition), F(10^6) and beyond by Python's fast doubling with the textbook formulas
(memograd's run-time code uses the squaring-only variant instead).
"""
import sys

def by_addition(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def by_doubling(n):
    def pair(k):  # (F(k), F(k+1))
        if k == 0:
            return 0, 1
        a, b = pair(k // 2)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if k % 2 else (c, d)
    return pair(n)[0]

sys.set_int_max_str_digits(0) if hasattr(sys, "set_int_max_str_digits") else None

with open("fibonacci_0_1000.txt", "w") as out:
    out.write("# n F(n), n = 0..1000, by repeated addition (Python integers)\n")
    a, b = 0, 1
    for n in range(1001):
        out.write(f"{n} {a}\n")
        a, b = b, a + b

M61 = (1 << 61) - 1
with open("fibonacci_digests.txt", "w") as out:
    out.write("# n bit_length F(n)%(2^61-1) F(n)%(10^18) -- Python integers\n")
    for n in [2000, 10_000, 65_536, 100_000, 123_457, 1_000_000]:
        f = by_addition(n) if n <= 100_000 else by_doubling(n)
        if n <= 100_000:
            assert f == by_doubling(n)
        out.write(f"{n} {f.bit_length()} {f % M61} {f % 10**18}\n")
