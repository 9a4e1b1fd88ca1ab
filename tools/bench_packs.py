#!/usr/bin/env python3
"""Benchmark: load + validate lesson packs natively with sandyq-packcheck.

  python3 tools/bench_packs.py [--packcheck build/native/sandyq-packcheck] [--runs 7]

Prints the median time (wall and CPU, as measured inside the tool with --time: load + validate,
without process start-up and catalogue loading) of
  1. all bundled packs (lessons/),
  2. a synthetic set of 100 lessons (10 packs x 10 lessons, copies of lessons/example),
and the ratio to the budget in docs/benchmarks.md (all bundled packs <= 100 ms; 100 lessons
<= 100 ms). CPU time is the steadier figure on a shared machine.
"""
import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_MS = 100.0


def median_ms(cmd, runs):
    """(wall, cpu) medians of the tool's own --time report."""
    walls, cpus = [], []
    for _ in range(runs):
        r = subprocess.run(cmd + ["--time"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if r.returncode != 0:
            sys.exit(f"{' '.join(map(str, cmd))} failed ({r.returncode}):\n{r.stdout.decode()}{r.stderr.decode()}")
        m = re.search(r"wall_ms=([0-9.]+) cpu_ms=([0-9.]+)", r.stderr.decode())
        walls.append(float(m.group(1)))
        cpus.append(float(m.group(2)))
    return statistics.median(walls), statistics.median(cpus)


def synthetic(dest: Path, packs=10, lessons_per_pack=10):
    example = ROOT / "lessons" / "example"
    sources = [example / "devices.lua", example / "check.lua"]
    for p in range(packs):
        pack = dest / f"pack{p:02d}"
        (pack / "assets").mkdir(parents=True)
        shutil.copy(example / "assets" / "computer.png", pack / "assets" / "computer.png")
        files = []
        for k in range(lessons_per_pack):
            src = sources[k % 2].read_text(encoding="utf-8")
            name = f"lesson{k:02d}.lua"
            src = re.sub(r'^  id = "([a-z-]+)"', lambda m: f'  id = "{m.group(1)}-{k}"', src, count=1, flags=re.M)
            (pack / name).write_text(src, encoding="utf-8")
            files.append(name)
        manifest = (example / "pack.lua").read_text(encoding="utf-8")
        manifest = manifest.replace('"kz.sandyq.example"', f'"kz.sandyq.bench{p:02d}"')
        manifest = re.sub(r"lessons = \{[^}]*\}", "lessons = { " + ", ".join(f'"{f}"' for f in files) + " }", manifest)
        (pack / "pack.lua").write_text(manifest, encoding="utf-8")
    return packs * lessons_per_pack


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--packcheck", default=str(ROOT / "build" / "native" / "sandyq-packcheck"))
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    tool = args.packcheck
    if not Path(tool).exists():
        sys.exit(f"{tool} not found: cmake --build --preset native --target sandyq-packcheck")
    bundled_packs = sorted(p.parent for p in (ROOT / "lessons").glob("*/pack.lua"))
    bundled_lessons = sum(len(re.findall(r'"[^"]+\.lua"', (p / "pack.lua").read_text(encoding="utf-8"))) for p in bundled_packs)
    bundled = median_ms([tool, str(ROOT / "lessons")], args.runs)
    with tempfile.TemporaryDirectory() as tmp:
        n = synthetic(Path(tmp))
        synth = median_ms([tool, tmp], args.runs)
    rows = [
        (f"bundled: {len(bundled_packs)} pack(s), {bundled_lessons} lessons", bundled, bundled_lessons),
        (f"synthetic: 10 packs, {n} lessons", synth, n),
    ]
    print(f"{'load + validate':<36} {'wall ms':>8} {'cpu ms':>8}  cpu vs budget")
    for name, (wall, cpu), lessons in rows:
        print(f"{name:<36} {wall:8.1f} {cpu:8.1f}  {cpu / BUDGET_MS:.2f}x ({cpu / lessons:.2f} ms/lesson)")


if __name__ == "__main__":
    main()
