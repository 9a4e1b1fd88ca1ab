#!/usr/bin/env python3
"""Layering rule: the core layers include no SDL, ImGui, Emscripten or Lua headers; ui never
includes SDL; __EMSCRIPTEN__ appears only in runtime/platform and runtime/app."""
import re
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
CORE = ["core", "program", "pyish", "blocks", "worlds", "course", "progress"]
FORBIDDEN = re.compile(r'^\s*#\s*include\s*[<"](SDL|imgui|emscripten|lua|lauxlib|lualib)', re.M)
errors = []
for src in sorted((root / "runtime").rglob("*")):
    if src.suffix not in (".h", ".cpp", ".hpp", ".c"):
        continue
    layer = src.relative_to(root / "runtime").parts[0]
    text = src.read_text(encoding="utf-8", errors="replace")
    if layer in CORE and FORBIDDEN.search(text):
        errors.append(f"{src}: core layer '{layer}' includes a platform/UI/Lua header")
    if layer == "ui" and re.search(r'#\s*include\s*[<"]SDL', text):
        errors.append(f"{src}: ui must not include SDL (use platform/)")
    if layer not in ("platform", "app") and "__EMSCRIPTEN__" in text:
        errors.append(f"{src}: __EMSCRIPTEN__ belongs in runtime/platform or runtime/app only")
for e in errors:
    print(e)
print(f"layering: {len(errors)} violations")
sys.exit(1 if errors else 0)
