#!/usr/bin/env python3
"""Golden tests of the Python-style interpreter, differential against CPython.

  run_golden.py SANDYQ_RUN [--python /usr/bin/python3] [--only SUBSTRING] [-j N]

tests/golden/pyish/NNN_topic.py   must print exactly what CPython prints (stdin from a sibling
                                  NNN_topic.in when present) and exit 0 in both.
tests/golden/pyish/errors/*.py    must fail in both with the same exception name and line
                                  (the last "File ..., line N" of the traceback).
Exit code 1 with a diff-like report when anything differs.
"""
import argparse
import concurrent.futures
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "pyish"
LINE_RE = re.compile(r'^\s*File "[^"]*", line (\d+)', re.M)
EXC_RE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Exit|Interrupt))\b", re.M)


def run(cmd, stdin_text, timeout=60):
    try:
        p = subprocess.run(cmd, input=stdin_text, capture_output=True, timeout=timeout)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -999, "", "timeout"


def error_of(stderr):
    lines = LINE_RE.findall(stderr)
    excs = EXC_RE.findall(stderr)
    return (excs[-1] if excs else None, int(lines[-1]) if lines else None)


def check_output(sandyq, python, path):
    inp = path.with_suffix(".in")
    stdin_text = inp.read_bytes() if inp.exists() else b""
    rc_py, out_py, err_py = run([python, str(path)], stdin_text)
    rc_sq, out_sq, err_sq = run([sandyq, str(path), "--lang", "en"], stdin_text)
    if rc_py != 0:
        return f"{path.name}: CPython failed (rc={rc_py}): {err_py.strip()[-300:]}"
    if rc_sq != 0 or out_sq != out_py:
        msg = [f"{path.name}: output differs (rc={rc_sq})"]
        a, b = out_py.splitlines(), out_sq.splitlines()
        for i in range(max(len(a), len(b))):
            x = a[i] if i < len(a) else "<missing>"
            y = b[i] if i < len(b) else "<missing>"
            if x != y:
                msg.append(f"  line {i + 1}: python {x!r}\n           sandyq {y!r}")
                break
        if err_sq.strip():
            msg.append("  stderr: " + err_sq.strip()[-400:])
        return "\n".join(msg)
    return None


def check_error(sandyq, python, path):
    inp = path.with_suffix(".in")
    stdin_text = inp.read_bytes() if inp.exists() else b""
    rc_py, _, err_py = run([python, str(path)], stdin_text)
    rc_sq, _, err_sq = run([sandyq, str(path), "--lang", "en"], stdin_text)
    if rc_py == 0:
        return f"{path.name}: CPython did not fail"
    if rc_sq != 1:
        return f"{path.name}: sandyq-run exit code {rc_sq}, expected 1: {err_sq.strip()[-300:]}"
    want, got = error_of(err_py), error_of(err_sq)
    if want != got:
        return f"{path.name}: python {want} vs sandyq {got}\n  sandyq said: {err_sq.strip()[-300:]}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sandyq")
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--only", default="")
    ap.add_argument("-j", type=int, default=2)
    args = ap.parse_args()
    outputs = sorted(p for p in HERE.glob("*.py") if args.only in p.name)
    errors = sorted(p for p in (HERE / "errors").glob("*.py") if args.only in p.name)
    jobs = [(check_output, p) for p in outputs] + [(check_error, p) for p in errors]
    failures = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as ex:
        for res in ex.map(lambda j: j[0](args.sandyq, args.python, j[1]), jobs):
            if res:
                failures.append(res)
    for f in failures:
        print(f)
    print(f"golden: {len(outputs)} output programs, {len(errors)} error programs, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
