#!/usr/bin/env python3
"""Roll-up picture through sandyq-progress (ctest progress_table_png).

Combines the two fixture backups (one class on two computers) plus a broken file, draws the class
table as PNG and checks with Debian's python3-PIL that it decodes, has the planned size for 4
pupils × 2 lessons (progress/table_png.h geometry) and dark text in the header row; the broken
file is named on stderr and makes the exit code 1.
usage: check_table_png.py SANDYQ_PROGRESS WORK_DIR
"""
import subprocess
import sys
from pathlib import Path

from PIL import Image  # Debian: python3-pil

HERE = Path(__file__).resolve().parent
TOOL, WORK = sys.argv[1], Path(sys.argv[2])
WORK.mkdir(parents=True, exist_ok=True)
broken = WORK / "broken.json"
broken.write_text('{"format":"sandyq-backup","version":1}')
out = WORK / "table.png"
r = subprocess.run([TOOL, "table", "--lessons", str(HERE / "lessons.json"), "--class", "3 Ә", "--lang", "kk", "--png", str(out),
                    str(HERE / "backup_pc_a.json"), str(HERE / "backup_pc_b.json"), str(broken)], capture_output=True, text=True)
failures = []
if r.returncode != 1 or "broken.json" not in r.stderr:
    failures.append(f"the broken file must be named and give exit 1: {r.returncode} {r.stderr!r}")
im = Image.open(out)
im.load()
want = (2 * 24 + 220 + 2 * 96 + 120, 2 * 24 + 72 + 30 + 64 + 4 * 36 + 52)
if im.size != want:
    failures.append(f"size {im.size}, want {want}")
px = im.convert("RGB")
head_y = 24 + 72 + 30
dark = sum(1 for y in range(head_y + 4, head_y + 60) for x in range(24 + 220 + 4, 24 + 220 + 92)
           if max(px.getpixel((x, y))) < 90)
if dark < 40:
    failures.append(f"the first lesson's title is not in the header row ({dark} dark pixels)")
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
