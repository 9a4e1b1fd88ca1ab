#!/usr/bin/env python3
"""tools/lint_texts.py — language lint of the lesson packs (issue 8, "language quality").

Usage: tools/lint_texts.py [LESSONS_DIR | PACK_DIR] [--glossary docs/glossary.md] [--max-kb 3072] [-q]
       tools/lint_texts.py --dump LESSON.lua   (the steps and their right answers as JSON, for
                                               the browser test that plays whole lessons)

Reads every pack under LESSONS_DIR (default: lessons/) with a small Lua table reader (strings,
numbers, tables, calls like `quiz { … }`; function bodies are skipped) and checks the texts a
pupil sees (titles, paragraphs, questions, options, feedback, explanations, tasks, hints,
captions; not teacher notes, not the accepted answers of a typed quiz):

  latin-mix     a word mixes Cyrillic and Latin letters (Latin a e o p c x y i … inside a
                Cyrillic word looks right but breaks search, read-aloud and typed answers)
  kk-russian    a Russian-only word in a kk text (small list below), or a long kk text without
                a single Kazakh letter (ә ғ қ ң ө ұ ү һ і)
  long-sentence grade 1–2: a sentence longer than 12 words (texts are read aloud to children)
  glossary      a word the glossary (docs/glossary.md) replaces by another term; every
                preferred term of the list must itself appear in the glossary
  numbers       kk and ru of one text name different numbers or code words (`forward(100)`):
                the two languages must say the same thing
  assets        total size of the course (lessons/) over the budget (3 MB)

Exit code 0 when there are no errors. Depends on: the Python 3 standard library only.
"""
import argparse
import re
import sys
from pathlib import Path

# ---- a small Lua reader --------------------------------------------------------------------

TOKEN = re.compile(r"""
    (?P<ws>\s+)
  | (?P<lcomment>--\[(?P<leq>=*)\[.*?\](?P=leq)\])
  | (?P<comment>--[^\n]*)
  | (?P<lstr>\[(?P<seq>=*)\[.*?\](?P=seq)\])
  | (?P<str>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<num>0[xX][0-9a-fA-F]+|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>\.\.\.|\.\.|==|~=|<=|>=|//|::|[-+*/%^\#&~|<>=(){}\[\];:,.])
""", re.X | re.S)

ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a", "b": "\b",
           "f": "\f", "v": "\v", "\n": "\n"}


def unescape(body):
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1] if i + 1 < len(body) else ""
        if n in ESCAPES:
            out.append(ESCAPES[n])
            i += 2
        elif n.isdigit():
            m = re.match(r"\d{1,3}", body[i + 1:])
            out.append(chr(int(m.group())))
            i += 1 + len(m.group())
        else:
            out.append(n)
            i += 2
    return "".join(out)


def tokenize(src):
    pos, line, toks = 0, 1, []
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError(f"line {line}: cannot read {src[pos:pos + 20]!r}")
        kind = m.lastgroup if m.lastgroup not in ("leq", "seq") else None
        for k in ("ws", "lcomment", "comment", "lstr", "str", "num", "name", "op"):
            if m.group(k) is not None:
                kind = k
                break
        text = m.group(0)
        if kind == "str":
            toks.append(("str", unescape(text[1:-1]), line))
        elif kind == "lstr":
            body = text[text.index("[", 1) + 1:text.rindex("]", 0, len(text) - 1)]
            toks.append(("str", body[1:] if body.startswith("\n") else body, line))
        elif kind in ("num", "name", "op"):
            toks.append((kind, text, line))
        line += text.count("\n")
        pos = m.end()
    toks.append(("eof", "", line))
    return toks


class Table:
    """A Lua table constructor: fields in order; `call` is the name of `name { … }` if any."""

    def __init__(self, line, call=None):
        self.line, self.call, self.items = line, call, []  # items: (key or None, value)


class Reader:
    def __init__(self, toks):
        self.t, self.i = toks, 0

    def peek(self, k=0):
        return self.t[self.i + k]

    def next(self):
        tok = self.t[self.i]
        self.i += 1
        return tok

    def skip_function(self):
        # `function (…) … end`: nested blocks open with function / if / do, close with end.
        depth = 1
        while depth:
            kind, text, _ = self.next()
            if kind == "eof":
                return
            if kind == "name" and text in ("function", "if", "do"):
                depth += 1
            elif kind == "name" and text == "end":
                depth -= 1

    def value(self):
        kind, text, line = self.peek()
        if kind == "str":
            self.next()
            return ("str", text, line)
        if kind == "num":
            self.next()
            return ("num", text, line)
        if kind == "op" and text == "{":
            return self.table()
        if kind == "op" and text == "-":
            self.next()
            return self.value()
        if kind == "name" and text == "function":
            self.next()
            self.skip_function()
            return ("function", None, line)
        if kind == "name":
            self.next()
            name = text
            while self.peek()[1] == ".":
                self.next()
                name += "." + self.next()[1]
            k2, t2, _ = self.peek()
            if k2 == "op" and t2 == "{":
                tab = self.table()
                tab.call = name
                return tab
            if k2 == "str":
                self.next()
                tab = Table(line, name)
                tab.items.append((None, ("str", t2, line)))
                return tab
            if k2 == "op" and t2 == "(":  # a call with arguments: read them, keep nothing
                depth = 0
                while True:
                    kk_, tt, _ = self.next()
                    if tt == "(":
                        depth += 1
                    elif tt == ")":
                        depth -= 1
                        if depth == 0:
                            break
                    elif kk_ == "eof":
                        break
                return ("expr", name, line)
            return ("name", name, line)
        self.next()
        return ("expr", text, line)

    def table(self):
        _, _, line = self.next()  # {
        tab = Table(line)
        while True:
            kind, text, _ = self.peek()
            if kind == "eof":
                return tab
            if kind == "op" and text == "}":
                self.next()
                return tab
            if kind == "op" and text in (",", ";"):
                self.next()
                continue
            key = None
            if kind == "name" and self.peek(1)[1] == "=" and self.peek(1)[0] == "op":
                key = text
                self.next()
                self.next()
            elif kind == "op" and text == "[":
                self.next()
                k = self.value()
                self.next()  # ]
                self.next()  # =
                key = k[1]
            v = self.value()
            # binary operators between values (e.g. 360 / 5): swallow the rest of the expression
            while self.peek()[0] == "op" and self.peek()[1] not in (",", ";", "}"):
                self.next()
                if self.peek()[0] != "eof":
                    self.value()
            tab.items.append((key, v))

    def chunk(self):
        out = []
        while self.peek()[0] != "eof":
            v = self.value()
            if isinstance(v, Table):
                out.append(v)
        return out


# ---- collecting the texts --------------------------------------------------------------------

# Fields whose texts the pupil reads. Not: teacher_note (teachers), answer (accepted spellings),
# alt (read aloud, describes a picture in full sentences; still checked for letters).
PUPIL_FIELDS = {"title", "body", "question", "options", "feedback", "explain", "task", "hints",
                "caption", "items", "pairs", "message", "description"}
SKIP_SHORT = {"teacher_note", "alt"}


class Text:
    def __init__(self, file, line, path, kk, ru, pupil):
        self.file, self.line, self.path, self.kk, self.ru, self.pupil = file, line, path, kk, ru, pupil


def texts_of(table, file, path=(), out=None):
    """Every {kk=…, ru=…} pair under `table` with the field path that leads to it."""
    if out is None:
        out = []
    keys = {k: v for k, v in table.items if k is not None}
    if "kk" in keys or "ru" in keys:
        kk, ru = keys.get("kk"), keys.get("ru")
        if "answer" not in path:
            kk_s = kk[1] if isinstance(kk, tuple) and kk[0] == "str" else None
            ru_s = ru[1] if isinstance(ru, tuple) and ru[0] == "str" else None
            if kk_s is not None or ru_s is not None:
                pupil = not any(p in SKIP_SHORT for p in path)
                out.append(Text(file, table.line, path, kk_s, ru_s, pupil))
    for k, v in table.items:
        if isinstance(v, Table):
            texts_of(v, file, path + ((k or v.call or "[]"),), out)
    return out


# ---- checks ----------------------------------------------------------------------------------

CYR = "а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
WORD = re.compile(rf"[A-Za-z{CYR}]+")
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
# Russian-only words that have no place in a Kazakh text (not «не», «да», «де»: they are Kazakh too).
KK_RUSSIAN = {"и", "или", "это", "что", "как", "для", "нет", "если", "иначе", "пока", "повтори",
              "вперёд", "вперед", "налево", "направо", "шаг", "шаги", "урок", "ученик", "ответ",
              "вопрос", "правильно", "неправильно", "папка", "папку", "мышь", "мышка", "пароль",
              "переменная", "список", "отступ", "информация", "программа", "программу", "который",
              "которая", "можно", "нужно", "очень", "только", "тоже", "потом", "сначала"}
# Glossary: a word → the glossary's term (docs/glossary.md). Checked as word prefixes.
GLOSSARY_AVOID = {
    "kk": [("папка", "бума"), ("тышқан", "тінтуір"), ("курсор", "меңзер"), ("пароль", "құпиясөз"),
           ("программа", "бағдарлама"), ("информация", "ақпарат"), ("өзгермелі", "айнымалы"),
           ("файлдар бумасы", "бума"), ("бинар", "екілік код")],
    "ru": [("комбинаци", "сочетание клавиш"), ("бинарн", "двоичный код"), ("дебаг", "отладка"),
           ("линк", "ссылка"), ("логин", "аккаунт"), ("мышк", "мышь"),
           ("тачскрин", "сенсорный экран"), ("файлик", "файл")],
}
LONG_SENTENCE_WORDS = 12
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+|\s*→\s*")  # a step of a program (→) is read as one sentence
CODE_WORD = re.compile(r"[A-Za-z_][A-Za-z_0-9.]*\([^)]*\)|\b\d+(?:[.,]\d+)?\b")


def words(s):
    return [w for w in re.findall(rf"[\w{CYR}'-]+", s) if re.search(rf"[\w{CYR}]", w)]


def strip_markup(s):
    s = re.sub(r"`[^`]*`", " CODE ", s)  # inline code is not prose
    return s.replace("**", "")


class Report:
    def __init__(self, quiet):
        self.errors, self.warnings, self.quiet = 0, 0, quiet

    def error(self, where, kind, msg):
        self.errors += 1
        print(f"{where}: error [{kind}] {msg}")

    def warning(self, where, kind, msg):
        self.warnings += 1
        if not self.quiet:
            print(f"{where}: warning [{kind}] {msg}")


def check_text(t, grade, rep, root):
    where = f"{t.file.relative_to(root.parent) if root.parent in t.file.parents else t.file}:{t.line}"
    for lang, s in (("kk", t.kk), ("ru", t.ru)):
        if not s:
            continue
        for w in WORD.findall(s):
            has_lat = re.search(r"[A-Za-z]", w)
            has_cyr = re.search(rf"[{CYR}]", w)
            if has_lat and has_cyr:
                rep.error(where, "latin-mix", f"{lang}: «{w}» mixes Latin and Cyrillic letters")
        if not t.pupil:
            continue
        low = s.lower()
        for bad, good in GLOSSARY_AVOID[lang]:
            if re.search(rf"(?<![{CYR}\w]){re.escape(bad)}", low):
                rep.error(where, "glossary", f"{lang}: «{bad}…» — the glossary says «{good}»")
        if lang == "kk":
            for w in words(strip_markup(s)):
                if w.lower() in KK_RUSSIAN:
                    rep.error(where, "kk-russian", f"kk: Russian word «{w}» in a Kazakh text")
            prose = [w for w in words(strip_markup(s)) if re.search(rf"[{CYR}]", w)]
            if len(prose) >= 8 and not (set(s) & KAZAKH_LETTERS):
                rep.warning(where, "kk-russian", f"kk: no Kazakh letter in «{s[:60]}…» (is it Russian?)")
        if grade is not None and grade <= 2:
            for sentence in SENTENCE_END.split(strip_markup(s)):
                n = len(words(sentence))
                if n > LONG_SENTENCE_WORDS:
                    rep.error(where, "long-sentence", f"{lang}: {n} words (grade {grade}: ≤ {LONG_SENTENCE_WORDS}): «{sentence[:70]}…»")
    if t.kk and t.ru and t.pupil:
        # Identifiers may be Kazakh or Russian (print(саны) / print(число)): compare ASCII code only.
        a = sorted(x.replace(",", ".") for x in CODE_WORD.findall(t.kk) if x.isascii())
        b = sorted(x.replace(",", ".") for x in CODE_WORD.findall(t.ru) if x.isascii())
        if a != b:
            rep.warning(where, "numbers", f"kk and ru name different numbers/code: {a} ≠ {b}")


def pack_grade(pack_file):
    m = re.search(r"\bgrade\s*=\s*(\d+)", pack_file.read_text(encoding="utf-8"))
    return int(m.group(1)) if m else None


def field(tab, key):
    for k, v in tab.items:
        if k == key:
            return v
    return None


def plain(v):
    """A value of the reader as JSON: strings, numbers, booleans, lists and {kk, ru} tables."""
    if isinstance(v, Table):
        keyed = {k: plain(x) for k, x in v.items if k is not None}
        listed = [plain(x) for k, x in v.items if k is None]
        return keyed if keyed and not listed else listed if not keyed else {**keyed, "_": listed}
    kind, text, _ = v
    if kind == "num":
        return float(text) if "." in text else int(text)
    if kind == "name" and text in ("true", "false"):
        return text == "true"
    return text


def dump_lesson(path):
    """Steps of a lesson with what answers them right (quiz) or the reference solution (coding)."""
    import json
    lesson = next(t for t in Reader(tokenize(Path(path).read_text(encoding="utf-8"))).chunk() if t.call == "lesson")
    steps = []
    for _, st in field(lesson, "steps").items:
        one = {"step": st.call, "id": plain(field(st, "id"))}
        if st.call == "quiz":
            one["kind"] = plain(field(st, "kind"))
            opts = field(st, "options")
            if opts is not None:
                one["correct"] = [i for i, (_, o) in enumerate(opts.items) if field(o, "correct") is not None and plain(field(o, "correct")) is True]
            for key in ("items", "pairs"):
                if field(st, key) is not None:
                    one[key] = len(field(st, key).items)
            if field(st, "answer") is not None:
                ans = plain(field(st, "answer"))
                if isinstance(ans, dict):
                    ans = {lang: (a if isinstance(a, list) else [a]) for lang, a in ans.items()}
                one["answer"] = ans
        elif st.call in ("blocks", "python", "robot"):
            one["solution"] = plain(field(st, "solution")) if field(st, "solution") is not None else None
            if field(st, "allowed") is not None:
                one["allowed"] = plain(field(st, "allowed"))
        steps.append(one)
    print(json.dumps({"id": plain(field(lesson, "id")), "steps": steps}, ensure_ascii=False, indent=1))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        dump_lesson(sys.argv[2])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("lessons", nargs="?", default=str(Path(__file__).resolve().parent.parent / "lessons"))
    ap.add_argument("--glossary", default=str(Path(__file__).resolve().parent.parent / "docs" / "glossary.md"))
    ap.add_argument("--max-kb", type=int, default=3 * 1024, help="budget of the whole course (KB)")
    ap.add_argument("-q", "--quiet", action="store_true", help="errors only")
    args = ap.parse_args()
    root = Path(args.lessons).resolve()
    rep = Report(args.quiet)

    glossary = Path(args.glossary).read_text(encoding="utf-8").lower()
    for lang, pairs in GLOSSARY_AVOID.items():
        for _, good in pairs:
            if good.lower() not in glossary:
                rep.error(args.glossary, "glossary", f"«{good}» is not in the glossary: add the row or fix the lint list")

    n_texts = n_files = 0
    packs = [root / "pack.lua"] if (root / "pack.lua").is_file() else sorted(root.glob("*/pack.lua"))
    for pack_file in packs:
        grade = pack_grade(pack_file)
        for f in sorted(pack_file.parent.glob("*.lua")):
            try:
                tables = Reader(tokenize(f.read_text(encoding="utf-8"))).chunk()
            except (SyntaxError, IndexError) as e:
                rep.error(str(f), "read", f"cannot read the file: {e}")
                continue
            n_files += 1
            for tab in tables:
                for t in texts_of(tab, f):
                    n_texts += 1
                    check_text(t, grade, rep, root)

    total = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    if total > args.max_kb * 1024:
        rep.error(str(root), "assets", f"course is {total / 1024:.0f} KB, budget {args.max_kb} KB")
    print(f"lint_texts: {n_files} files, {n_texts} texts, course {total / 1024:.0f} KB of {args.max_kb} KB; "
          f"{rep.errors} errors, {rep.warnings} warnings")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
