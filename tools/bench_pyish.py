#!/usr/bin/env python3
"""Benchmark of the Python-style interpreter against CPython.

  tools/bench_pyish.py [SANDYQ_RUN] [--python /usr/bin/python3] [--repeat 3] [--markdown]
                       [--wasm path/to/sandyq-run.js]

Runs each program with sandyq-run and with python3 (best of --repeat runs, measured as the
child's user+system CPU time so that other work on a shared machine does not distort it; process
start included for both), checks that both print the same, and prints the times and the ratio
sandyq/CPython (target ≤ 2.0). --markdown prints a table for docs/benchmarks.md. --wasm also runs
an Emscripten build of sandyq-run under node (-sNODERAWFS) and prints the wasm/native ratio.
"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROGRAMS = {
    "arith_loop": '''
total = 0
i = 0
while i < 3000000:
    total += i * i % 7
    if total > 1000000:
        total -= 1000000
    i += 1
print(total)
''',
    "calls_recursion": '''
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def add(a, b):
    return a + b

s = 0
for i in range(300000):
    s = add(s, i)
print(fib(27), s)
''',
    "list_build_sort": '''
seed = 12345
nums = []
for i in range(300000):
    seed = (seed * 1103515245 + 12345) % 2147483648
    nums.append(seed % 100000)
nums.sort()
top = sorted(nums, reverse=True)[:5]
evens = [x for x in nums if x % 2 == 0]
print(nums[0], nums[-1], top, len(evens), sum(nums))
''',
    "string_building": '''
parts = []
for i in range(200000):
    parts.append(f"{i:05d}")
s = ",".join(parts)
words = s.split(",")
line = ""
for w in words[:20000]:
    line += w[-1]
text = "сәлем әлем " * 20000
print(len(s), len(words), line.count("7"), text.upper()[:11], len(text.split()))
''',
    "dict_counting": '''
seed = 7
counts = {}
names = ["Әлия", "Бауыржан", "Иван", "Дана", "Ерлан", "Мария", "Нұр", "Олжас"]
for i in range(400000):
    seed = (seed * 69069 + 1) % 4294967296
    key = names[seed % 8] + str(seed % 50)
    counts[key] = counts.get(key, 0) + 1
best = max(counts.values())
print(len(counts), best, sum(counts.values()))
''',
    "nested_loops_lists": '''
n = 90
a = [[(i * j) % 10 for j in range(n)] for i in range(n)]
b = [[(i + j) % 10 for j in range(n)] for i in range(n)]
c = [[0] * n for i in range(n)]
for i in range(n):
    ai = a[i]
    ci = c[i]
    for j in range(n):
        s = 0
        for k in range(n):
            s += ai[k] * b[k][j]
        ci[j] = s
print(sum([sum(row) for row in c]))
''',
    "sieve_primes": '''
n = 2000000
flags = [True] * (n + 1)
flags[0] = flags[1] = False
p = 2
while p * p <= n:
    if flags[p]:
        for m in range(p * p, n + 1, p):
            flags[m] = False
    p += 1
count = 0
for f in flags:
    if f:
        count += 1
print(count)
''',
}


def best_time(cmd, repeat):
    best, out = None, None
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        p = subprocess.run(cmd, capture_output=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        if p.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {p.stderr.decode()[-500:]}")
        best = dt if best is None else min(best, dt)
        out = p.stdout
    return best, out


def main():
    root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument("sandyq", nargs="?", default=str(root / "build/native/tools/sandyq-run"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--wasm", default="")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, src in PROGRAMS.items():
            path = Path(tmp) / f"{name}.py"
            path.write_text(src, encoding="utf-8")
            t_py, out_py = best_time([args.python, str(path)], args.repeat)
            t_sq, out_sq = best_time([args.sandyq, str(path)], args.repeat)
            same = out_py == out_sq
            wasm = ""
            t_wasm = None
            if args.wasm:
                t_wasm, out_w = best_time(["node", "--no-experimental-fetch", args.wasm, str(path)], args.repeat)
                same = same and out_w == out_py
                wasm = f"   wasm {t_wasm * 1000:8.1f} ms   wasm/native {t_wasm / t_sq:5.2f}"
            rows.append((name, t_sq, t_py, t_sq / t_py, same, t_wasm))
            print(f"{name:22s} sandyq {t_sq * 1000:8.1f} ms   python3 {t_py * 1000:8.1f} ms   ratio {t_sq / t_py:5.2f}"
                  f"{wasm}{'' if same else '   OUTPUT DIFFERS'}", flush=True)
    total_sq = sum(r[1] for r in rows)
    total_py = sum(r[2] for r in rows)
    print(f"{'total':22s} sandyq {total_sq * 1000:8.1f} ms   python3 {total_py * 1000:8.1f} ms   ratio {total_sq / total_py:5.2f}")
    if args.markdown:
        print()
        w = bool(args.wasm)
        print("| program | sandyq-run (ms) | python3 (ms) | ratio |" + (" wasm/node (ms) | wasm/native |" if w else ""))
        print("|---|---:|---:|---:|" + ("---:|---:|" if w else ""))
        for name, t_sq, t_py, ratio, same, t_wasm in rows:
            extra = f" {t_wasm * 1000:.0f} | {t_wasm / t_sq:.2f} |" if w else ""
            print(f"| {name} | {t_sq * 1000:.0f} | {t_py * 1000:.0f} | {ratio:.2f} |" + extra)
        extra = ""
        if w:
            total_w = sum(r[5] for r in rows)
            extra = f" {total_w * 1000:.0f} | {total_w / total_sq:.2f} |"
        print(f"| **total** | {total_sq * 1000:.0f} | {total_py * 1000:.0f} | {total_sq / total_py:.2f} |" + extra)
    return 0 if all(r[4] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
