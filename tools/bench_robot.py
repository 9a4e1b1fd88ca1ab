#!/usr/bin/env python3
"""Robot simulation speed, headless: simulated seconds per real second (target >= 1000x).

One robot with three sensors (colour/reflect, ultrasonic, touch) follows the oval line for 280 s
of robot time on a walled mat with an obstacle; the Python-style program polls all three sensors
in every loop (each reading takes one 5 ms physics step). Runs sandyq-robot several times and
prints the median speed, the trace hash (identical on every run) and the wall-clock times.

  tools/bench_robot.py [--binary PATH] [--runs N]
  tools/bench_robot.py --check [--binary PATH]   quick self-check for ctest: the stop-before-the-
                                                 wall mat passes, twice with the same trace hash
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MAT = {"mat": "line_oval", "border": "wall", "max_seconds": 300,
       "obstacles": [{"circle": [100, 75, 10]}],
       "goals": [{"builtin": "follow_line", "args": {"min_share": 0.95}}]}

PROGRAM = """\
base = 30
while robot.timer() < 280:
    light = robot.reflect()
    gap = robot.distance()
    pressed = robot.touch()
    error = light - 50
    robot.motors(base + error * 0.4, base - error * 0.4)
robot.stop()
"""

STOP_WALL = """\
robot.motors(50, 50)
while robot.distance() > 3:
    pass
robot.stop()
"""


def find_binary(arg):
    if arg:
        return arg
    for d in ("build/native", "build/h-robot"):
        p = ROOT / d / "sandyq-robot"
        if p.exists():
            return str(p)
    subprocess.run(["cmake", "--preset", "native"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", "--preset", "native", "--target", "sandyq-robot"], cwd=ROOT, check=True)
    return str(ROOT / "build/native/sandyq-robot")


def run(binary, mat, program):
    with tempfile.TemporaryDirectory() as tmp:
        prog = Path(tmp) / "program.py"
        prog.write_text(program, encoding="utf-8")
        if isinstance(mat, dict):
            mat_path = Path(tmp) / "mat.json"
            mat_path.write_text(json.dumps(mat), encoding="utf-8")
            mat = str(mat_path)
        out = subprocess.run([binary, mat, str(prog), "--json", "--lang", "en"], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"sandyq-robot failed ({out.returncode}): {out.stderr}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    binary = find_binary(args.binary)

    if args.check:
        a = run(binary, "stop_wall", STOP_WALL)
        b = run(binary, "stop_wall", STOP_WALL)
        empty = run(binary, "stop_wall", "pass\n")
        ok = a["passed"] and a["trace_hash"] == b["trace_hash"] and not empty["passed"]
        print(f"stop_wall: passed={a['passed']} hash={a['trace_hash']} again={b['trace_hash']} "
              f"empty program passed={empty['passed']}")
        return 0 if ok else 1

    results = [run(binary, MAT, PROGRAM) for _ in range(args.runs)]
    hashes = {r["trace_hash"] for r in results}
    speed = statistics.median(r["speedup"] for r in results)
    speed_cpu = statistics.median(r["speedup_cpu"] for r in results)
    r0 = results[0]
    print(f"robot sim, 1 robot + 3 sensors polled every loop, {r0['time']:.1f} s simulated "
          f"({r0['steps']} steps of 5 ms), {args.runs} runs")
    print(f"  wall time per run: " + ", ".join(f"{r['wall_seconds'] * 1000:.0f} ms" for r in results))
    print(f"  median speed: {speed:,.0f}x real time by wall clock, {speed_cpu:,.0f}x by CPU time (target >= 1000x)")
    print(f"  goals passed: {r0['passed']}; trace hash {r0['trace_hash']} "
          f"({'identical on every run' if len(hashes) == 1 else 'DIFFERS between runs'})")
    return 0 if len(hashes) == 1 and speed_cpu >= 1000 else 1


if __name__ == "__main__":
    sys.exit(main())
