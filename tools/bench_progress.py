#!/usr/bin/env python3
"""Progress benchmark (issue 7): save time after one step with 40 pupils x 100 lessons of history
and the export of that class, natively and as wasm under node. Prints the figures and the budgets.

usage: tools/bench_progress.py [--native BIN] [--wasm JS] [--build]
  --build   first build the native bench (build/native) with cmake
Defaults: build/native/tests/unit/progress/sandyq_progress_bench and, when present,
build/web/tests/unit/progress/sandyq_progress_bench.js (needs `tools/sandyq build` or a web build
of the target sandyq_progress_bench).
"""
import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SAVE_MS = 20.0     # wasm, after a step
BUDGET_EXPORT_MS = 200.0  # the class export


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stdout}{r.stderr[-2000:]}")
    return r.stdout


def figures(text):
    f = {}
    m = re.search(r"save_after_step_ms median=([\d.]+) max=([\d.]+) \(memory", text)
    if m:
        f["save_median"], f["save_max"] = float(m[1]), float(m[2])
    m = re.search(r"save_after_step_ms median=([\d.]+) max=([\d.]+) \(files", text)
    if m:
        f["file_save_median"], f["file_save_max"] = float(m[1]), float(m[2])
    m = re.search(r"export_ms table=([\d.]+) csv=([\d.]+).*xapi=([\d.]+)", text)
    if m:
        f["export_csv"] = float(m[1]) + float(m[2])
        f["export_xapi"] = float(m[3])
    m = re.search(r"export_xlsx_ms=([\d.]+)", text)
    if m:
        f["export_xlsx"] = float(m[1]) + f.get("export_csv", 0) - float(re.search(r"csv=([\d.]+)", text)[1])
    m = re.search(r"open_ms=([\d.]+)", text)
    if m:
        f["open"] = float(m[1])
    return f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--native", default=str(ROOT / "build/native/tests/unit/progress/sandyq_progress_bench"))
    ap.add_argument("--wasm", default=str(ROOT / "build/web/tests/unit/progress/sandyq_progress_bench.js"))
    ap.add_argument("--build", action="store_true")
    a = ap.parse_args()
    if a.build:
        subprocess.run(["cmake", "--preset", "native"], cwd=ROOT, check=True, capture_output=True)
        subprocess.run(["cmake", "--build", "--preset", "native", "--target", "sandyq_progress_bench"], cwd=ROOT, check=True)
    results = {}
    if Path(a.native).exists():
        with tempfile.TemporaryDirectory() as d:
            out = run([a.native, d])
        print(out)
        results["native"] = figures(out)
    else:
        print(f"(no native bench at {a.native}; use --build)")
    if Path(a.wasm).exists():
        out = run(["node", "--no-experimental-fetch", a.wasm])  # Emscripten 3.1.6 + node 20
        print(out)
        results["wasm"] = figures(out)
    else:
        print(f"(no wasm bench at {a.wasm})")
    print("| figure | " + " | ".join(results) + " | budget |")
    print("|---|" + "---:|" * len(results) + "---|")
    rows = [("save after a step, median (ms)", "save_median", f"≤ {BUDGET_SAVE_MS:g} (wasm)"),
            ("save after a step, worst of 60 (ms)", "save_max", ""),
            ("save to real files with fsync, median (ms)", "file_save_median", ""),
            ("open (load all 40 pupils) (ms)", "open", ""),
            ("export table + CSV (ms)", "export_csv", f"≤ {BUDGET_EXPORT_MS:g}"),
            ("export table + XLSX (ms)", "export_xlsx", f"≤ {BUDGET_EXPORT_MS:g}"),
            ("xAPI statements, 20 000 (ms)", "export_xapi", "")]
    ok = True
    for label, key, budget in rows:
        vals = [f"{results[k][key]:.1f}" if key in results[k] else "—" for k in results]
        print(f"| {label} | " + " | ".join(vals) + f" | {budget} |")
    w = results.get("wasm", results.get("native", {}))
    if w.get("save_median", 0) > BUDGET_SAVE_MS or w.get("export_csv", 0) > BUDGET_EXPORT_MS:
        ok = False
    print("budgets:", "met" if ok else "MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
