#!/usr/bin/env python3
"""Export golden test of sandyq-progress (ctest progress_export_golden).

Merges the two fixture backups (one class saved on two computers) and exports them: every CSV must
equal its golden file byte for byte, the xAPI JSON too, and each XLSX, read back with Debian's
python3-openpyxl, must hold the same cells as the matching golden CSV (numbers as numbers, the
date as a real date).
usage: check_export.py SANDYQ_PROGRESS WORK_DIR
"""
import csv
import datetime
import io
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOOL, WORK = sys.argv[1], Path(sys.argv[2])
WORK.mkdir(parents=True, exist_ok=True)
BACKUPS = [str(HERE / "backup_pc_a.json"), str(HERE / "backup_pc_b.json")]
CASES = [  # golden CSV, class, extra options
    ("export_3A_formative_kk.csv", "3 Ә", ["--lang", "kk"]),
    ("export_3A_formative_10pt_ru.csv", "3 Ә", ["--lang", "ru", "--scale", "10", "--sep", ","]),
    ("export_3A_summative_ru.csv", "3 Ә", ["--lang", "ru", "--kind", "summative"]),
    ("export_1A_completion_kk.csv", "1 А", ["--lang", "kk"]),
]
failures = []


def run(args):
    r = subprocess.run([TOOL] + args, capture_output=True, text=True)
    if r.returncode != 0:
        failures.append(f"{' '.join(args)}: exit {r.returncode}: {r.stderr.strip()}")
    return r


def xlsx_rows(path):
    import openpyxl  # Debian: python3-openpyxl
    ws = openpyxl.load_workbook(path).active
    rows = []
    for row in ws.iter_rows(values_only=True):
        cells = []
        for v in row:
            if v is None:
                cells.append("")
            elif isinstance(v, datetime.datetime):
                cells.append(v.strftime("%d.%m.%Y"))
            elif isinstance(v, (int, float)):
                cells.append(str(int(v)) if float(v).is_integer() else str(v))
            elif v.isdigit():
                cells.append("text:" + v)  # a number stored as text would not sum in Excel
            else:
                cells.append(str(v))
        rows.append(cells)
    return rows


for golden, cls, opts in CASES:
    stem = golden[:-4]
    out_csv, out_xlsx = WORK / f"{stem}.csv", WORK / f"{stem}.xlsx"
    run(["export", "--lessons", str(HERE / "lessons.json"), "--class", cls, "--csv", str(out_csv),
         "--xlsx", str(out_xlsx)] + opts + BACKUPS)
    want = (HERE / golden).read_bytes()
    if not out_csv.exists() or out_csv.read_bytes() != want:
        failures.append(f"{golden}: CSV differs from the golden file")
    sep = "," if "," in opts else ";"
    want_rows = list(csv.reader(io.StringIO(want.decode("utf-8-sig")), delimiter=sep))
    # The CSV guards text against formulas with a leading '; XLSX cells are plain strings.
    want_rows = [[c[1:] if c.startswith("'=") else c for c in r] for r in want_rows]
    if not out_xlsx.exists():
        failures.append(f"{stem}.xlsx: not written")
        continue
    got_rows = xlsx_rows(out_xlsx)
    if got_rows != want_rows:
        failures.append(f"{stem}.xlsx: cells differ\n  got  {got_rows}\n  want {want_rows}")

out_xapi = WORK / "xapi_3A.json"
run(["export", "--lessons", str(HERE / "lessons.json"), "--class", "3 Ә", "--xapi", str(out_xapi)] + BACKUPS)
if not out_xapi.exists() or out_xapi.read_bytes() != (HERE / "xapi_3A.json").read_bytes():
    failures.append("xapi_3A.json differs from the golden file")

# A broken file is reported and changes nothing in the others' export.
bad = WORK / "broken.json"
bad.write_text('{"format":"sandyq-backup"')
r = subprocess.run([TOOL, "check", "--lang", "ru", str(bad)] + BACKUPS, capture_output=True, text=True)
if r.returncode != 1 or "не резервная копия" not in r.stderr:
    failures.append(f"check of a broken file: exit {r.returncode}, stderr {r.stderr!r}")

for f in failures:
    print("FAIL:", f)
print("progress export golden:", "ok" if not failures else f"{len(failures)} failure(s)")
sys.exit(1 if failures else 0)
