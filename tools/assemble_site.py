#!/usr/bin/env python3
"""Assembles the deployable site folder from web/, the app build and the merged catalogues.

Writes a fresh <out>: the web shell files (not pre.js, CMakeLists.txt or deploy/), app.js/.wasm/
.data, i18n/<lang>.json, the bundled lesson packs (lessons/<pack>/ → packs/<pack>/, listed in
packs/bundled.json; packs/index.json starts empty for the school's own packs), sw.js with the build id and precache list filled in, build.json
(build id + raw file sizes, used by the loader's progress bar and the self-test), and a gzip -9
sibling X.gz for each compressible file (served by tools/serve.py and nginx's gzip_static).
"""
import argparse
import gzip
import hashlib
import json
import shutil
from pathlib import Path

SKIP = {"pre.js", "CMakeLists.txt", "deploy", "sw.js"}
COMPRESS = {".lua", ".js", ".wasm", ".data", ".json", ".css", ".html", ".svg", ".webmanifest", ".ttf"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--web", required=True)
    ap.add_argument("--app", required=True)
    ap.add_argument("--i18n", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--lessons", help="folder of bundled packs (each sub-folder with a pack.lua)")
    a = ap.parse_args()
    web, app, i18n, out = Path(a.web), Path(a.app), Path(a.i18n), Path(a.out)
    tmp = out.with_name(out.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    for f in sorted(web.iterdir()):
        if f.name in SKIP:
            continue
        (shutil.copytree if f.is_dir() else shutil.copy2)(f, tmp / f.name)
    for name in ("app.js", "app.wasm", "app.data"):
        shutil.copy2(app / name, tmp / name)
    (tmp / "i18n").mkdir()
    for lang in ("kk", "ru", "en"):
        shutil.copy2(i18n / f"{lang}.json", tmp / "i18n" / f"{lang}.json")

    # Lesson packs are fetched on demand, pack by pack (not precached: a school may have many).
    (tmp / "packs").mkdir()
    bundled = []
    if a.lessons:
        for pack in sorted(Path(a.lessons).iterdir()):
            if pack.is_dir() and (pack / "pack.lua").is_file():
                shutil.copytree(pack, tmp / "packs" / pack.name, ignore=shutil.ignore_patterns(".*", "*~"))
                bundled.append(pack.name)
    (tmp / "packs" / "bundled.json").write_text(json.dumps({"packs": bundled}, indent=1) + "\n", encoding="utf-8")
    (tmp / "packs" / "index.json").write_text(json.dumps({
        "about": "Packs of this school: copy a pack folder next to this file and add its name to the list, "
                 "e.g. \"packs\": [\"my-pack\"]. Keep this file when you update Sandyq.",
        "packs": []}, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")

    files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if p.is_file())
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode() + b"\0" + (tmp / rel).read_bytes())
    sw_src = (web / "sw.js").read_text(encoding="utf-8") if (web / "sw.js").exists() else ""
    digest.update(sw_src.encode())
    build_id = digest.hexdigest()[:16]
    sizes = {rel: (tmp / rel).stat().st_size for rel in files}
    (tmp / "build.json").write_text(json.dumps({"build": build_id, "files": sizes}, indent=1), encoding="utf-8")
    if sw_src:
        precache = ["./"] + [f for f in files if not f.startswith(".") and not f.startswith("packs/") and f not in ("web.config",)]
        sw = sw_src.replace("__SANDYQ_BUILD__", build_id).replace("__SANDYQ_FILES__", json.dumps(precache))
        (tmp / "sw.js").write_text(sw, encoding="utf-8")

    for p in list(tmp.rglob("*")):
        if p.is_file() and p.suffix in COMPRESS:
            data = p.read_bytes()
            packed = gzip.compress(data, 9, mtime=0)
            if len(packed) < len(data):
                (p.parent / (p.name + ".gz")).write_bytes(packed)

    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    print(f"site: {out} (build {build_id}, {len(files) + 2} files)")


if __name__ == "__main__":
    main()
