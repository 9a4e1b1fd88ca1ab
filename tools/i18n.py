#!/usr/bin/env python3
"""Checks and merges Sandyq's message catalogues.

assets/i18n/<lang>/<domain>.json are flat JSON objects (key -> text, or key -> {plural forms}).
  check <dir>             every language has the same keys; placeholders {x} agree; plural
                          entries have the forms the language needs (kk/en: one, other;
                          ru: one, few, many, other); no key is defined twice.
  merge <dir> <out dir>   check, then write <out>/<lang>.json (one file per language).
Exit code 1 with file:key messages when a check fails.
"""
import json
import re
import sys
from pathlib import Path

LANGS = ["kk", "ru", "en"]
PLURALS = {"kk": {"one", "other"}, "en": {"one", "other"}, "ru": {"one", "few", "many", "other"}}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}")


def load(root: Path):
    cats, errors = {}, []
    for lang in LANGS:
        merged = {}
        for f in sorted((root / lang).glob("*.json")):
            try:
                data = json.loads(f.read_text(encoding="utf-8"))
            except (ValueError, UnicodeDecodeError) as e:
                errors.append(f"{f}: not valid UTF-8 JSON: {e}")
                continue
            if not isinstance(data, dict):
                errors.append(f"{f}: must be a JSON object")
                continue
            for k, v in data.items():
                if k in merged:
                    errors.append(f"{f}: {k}: defined twice")
                merged[k] = (v, f)
        cats[lang] = merged
    return cats, errors


def placeholders(v):
    texts = v.values() if isinstance(v, dict) else [v]
    return {p for t in texts if isinstance(t, str) for p in PLACEHOLDER.findall(t)}


def check(cats):
    errors = []
    all_keys = set().union(*[set(c) for c in cats.values()])
    for lang in LANGS:
        for k in sorted(all_keys - set(cats[lang])):
            errors.append(f"assets/i18n/{lang}: missing key {k}")
        for k, (v, f) in cats[lang].items():
            if isinstance(v, dict):
                forms = set(v)
                if not forms <= {"one", "few", "many", "other"} or not all(isinstance(x, str) for x in v.values()):
                    errors.append(f"{f}: {k}: plural forms must be one/few/many/other strings")
                elif not PLURALS[lang] <= forms:
                    errors.append(f"{f}: {k}: {lang} needs plural forms {sorted(PLURALS[lang])}")
            elif not isinstance(v, str):
                errors.append(f"{f}: {k}: value must be a string or plural object")
            elif v.strip() == "":
                errors.append(f"{f}: {k}: empty text")
    for k in sorted(all_keys):
        ref = None
        for lang in LANGS:
            if k in cats[lang]:
                ph = placeholders(cats[lang][k][0])
                if ref is None:
                    ref = (lang, ph)
                elif ph != ref[1]:
                    errors.append(f"{k}: placeholders differ: {ref[0]} {sorted(ref[1])} vs {lang} {sorted(ph)}")
    return errors


def main(argv):
    if len(argv) < 3 or argv[1] not in ("check", "merge"):
        print(__doc__)
        return 2
    cats, errors = load(Path(argv[2]))
    errors += check(cats)
    for e in errors:
        print(f"i18n: {e}", file=sys.stderr)
    if errors:
        return 1
    if argv[1] == "merge":
        out = Path(argv[3])
        out.mkdir(parents=True, exist_ok=True)
        for lang in LANGS:
            data = {k: v for k, (v, _) in sorted(cats[lang].items())}
            (out / f"{lang}.json").write_text(json.dumps(data, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"i18n: {len(cats['kk'])} keys in kk/ru/en, consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
