#!/usr/bin/env python3
"""Draws the pictures of the grade 3 and grade 4 packs (lessons/grade3/assets, lessons/grade4/assets).

Self-contained: Python standard library only (zlib + struct), so the pictures are reproducible:
    python3 tools/pictures/grade34.py
The pictures are ours: CC BY 4.0, Sandyq, like the packs. They carry no words in Kazakh or
Russian (the same picture serves both languages); only file names, key caps and digits, drawn
with the small 5x7 pixel font below.
"""
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# ---- colours (few, so the PNGs stay small) ---------------------------------------------------
BG = (250, 247, 238)
INK = (40, 44, 52)
GREY = (150, 150, 160)
LIGHT = (215, 215, 222)
WHITE = (255, 255, 255)
BLUE = (70, 140, 215)
SKY = (175, 215, 245)
GREEN = (80, 170, 90)
LGREEN = (190, 230, 190)
RED = (215, 70, 60)
LRED = (245, 195, 190)
YELLOW = (245, 200, 60)
ORANGE = (240, 140, 50)
BROWN = (150, 100, 60)
SKIN = (240, 200, 160)
PURPLE = (140, 90, 190)


def png(path, w, h, pixels):
    raw = b"".join(b"\x00" + bytes(v for px in pixels[y * w:(y + 1) * w] for v in px) for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


# ---- a 5x7 pixel font: only Latin letters, digits and a few signs -----------------------------
_FONT_SRC = {
    "A": ".###. #...# #...# ##### #...# #...# #...#", "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.", "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####", "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####", "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.", "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#", "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#", "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.", "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#", "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.", "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.", "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.", "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..", "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "a": "..... ..... .###. ....# .#### #...# .####", "b": "#.... #.... #.##. ##..# #...# #...# ####.",
    "c": "..... ..... .###. #.... #.... #...# .###.", "d": "....# ....# .##.# #..## #...# #...# .####",
    "e": "..... ..... .###. #...# ##### #.... .###.", "f": "..##. .#..# .#... ###.. .#... .#... .#...",
    "g": ".#### #...# #...# #...# .#### ....# .###.", "h": "#.... #.... #.##. ##..# #...# #...# #...#",
    "i": "..#.. ..... .##.. ..#.. ..#.. ..#.. .###.", "j": "...#. ..... ..##. ...#. ...#. #..#. .##..",
    "k": "#.... #.... #..#. #.#.. ##... #.#.. #..#.", "l": ".##.. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "m": "..... ..... ##.#. #.#.# #.#.# #...# #...#", "n": "..... ..... #.##. ##..# #...# #...# #...#",
    "o": "..... ..... .###. #...# #...# #...# .###.", "p": "####. #...# #...# #...# ####. #.... #....",
    "q": ".#### #...# #...# #...# .#### ....# ....#", "r": "..... ..... #.##. ##..# #.... #.... #....",
    "s": "..... ..... .###. #.... .###. ....# ####.", "t": ".#... .#... ###.. .#... .#... .#..# ..##.",
    "u": "..... ..... #...# #...# #...# #..## .##.#", "v": "..... ..... #...# #...# #...# .#.#. ..#..",
    "w": "..... ..... #...# #...# #.#.# #.#.# .#.#.", "x": "..... ..... #...# .#.#. ..#.. .#.#. #...#",
    "y": "#...# #...# #...# #...# .#### ....# .###.", "z": "..... ..... ##### ...#. ..#.. .#... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.", "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####", "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.", "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.", "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.", "9": ".###. #...# #...# .#### ....# ...#. .##..",
    ".": "..... ..... ..... ..... ..... .##.. .##..", "/": "....# ....# ...#. ..#.. .#... #.... #....",
    ":": "..... .##.. .##.. ..... .##.. .##.. .....", "-": "..... ..... ..... ##### ..... ..... .....",
    "_": "..... ..... ..... ..... ..... ..... #####", "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    "!": "..#.. ..#.. ..#.. ..#.. ..#.. ..... ..#..", "?": ".###. #...# ....# ...#. ..#.. ..... ..#..",
    "#": ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.", "=": "..... ..... ##### ..... ##### ..... .....",
    "*": "..... ..#.. #.#.# .###. #.#.# ..#.. .....", "@": ".###. #...# #.### #.#.# #.### #.... .###.",
    ">": ".#... ..#.. ...#. ....# ...#. ..#.. .#...", " ": "..... ..... ..... ..... ..... ..... .....",
}
FONT = {ch: [row for row in src.split()] for ch, src in _FONT_SRC.items()}
DESCENDERS = "gpqy"  # drawn two rows lower, so their tails go below the line


class Canvas:
    def __init__(self, w, h, bg=BG):
        self.w, self.h = w, h
        self.px = [bg] * (w * h)

    def dot(self, x, y, c):
        if 0 <= x < self.w and 0 <= y < self.h:
            self.px[y * self.w + x] = c

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1)):
            row = y * self.w
            for x in range(max(0, x0), min(self.w, x1)):
                self.px[row + x] = c

    def frame(self, x0, y0, x1, y1, c, t=2):
        self.rect(x0, y0, x1, y0 + t, c)
        self.rect(x0, y1 - t, x1, y1, c)
        self.rect(x0, y0, x0 + t, y1, c)
        self.rect(x1 - t, y0, x1, y1, c)

    def box(self, x0, y0, x1, y1, fill, edge=INK, t=2):
        self.rect(x0, y0, x1, y1, fill)
        self.frame(x0, y0, x1, y1, edge, t)

    def ellipse(self, cx, cy, rx, ry, c):
        for y in range(cy - ry, cy + ry + 1):
            for x in range(cx - rx, cx + rx + 1):
                if ((x - cx) / max(rx, 0.5)) ** 2 + ((y - cy) / max(ry, 0.5)) ** 2 <= 1:
                    self.dot(x, y, c)

    def disc(self, cx, cy, r, c, edge=None):
        if edge is not None:
            self.ellipse(cx, cy, r + 2, r + 2, edge)
        self.ellipse(cx, cy, r, r, c)

    def line(self, x0, y0, x1, y1, c, w=2):
        n = max(abs(x1 - x0), abs(y1 - y0), 1)
        r = w / 2
        for i in range(n + 1):
            x = x0 + (x1 - x0) * i / n
            y = y0 + (y1 - y0) * i / n
            for yy in range(int(y - r), int(y + r) + 1):
                for xx in range(int(x - r), int(x + r) + 1):
                    if (xx - x) ** 2 + (yy - y) ** 2 <= r * r + 0.5:
                        self.dot(xx, yy, c)

    def polygon(self, pts, c):
        ys = [p[1] for p in pts]
        for y in range(max(0, int(min(ys))), min(self.h, int(max(ys)) + 1)):
            xs = []
            for i in range(len(pts)):
                (xa, ya), (xb, yb) = pts[i], pts[(i + 1) % len(pts)]
                if (ya <= y < yb) or (yb <= y < ya):
                    xs.append(xa + (y - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                for x in range(int(round(xs[i])), int(round(xs[i + 1])) + 1):
                    self.dot(x, y, c)

    def arrow(self, x0, y0, x1, y1, c, w=3, head=9):
        import math
        a = math.atan2(y1 - y0, x1 - x0)
        bx, by = x1 - head * math.cos(a), y1 - head * math.sin(a)
        self.line(x0, y0, int(bx), int(by), c, w)
        px, py = -math.sin(a) * head * 0.6, math.cos(a) * head * 0.6
        self.polygon([(x1, y1), (bx + px, by + py), (bx - px, by - py)], c)

    def text(self, x, y, s, c=INK, scale=2):
        for ch in s:
            glyph = FONT.get(ch, FONT["?"])
            drop = 2 if ch in DESCENDERS else 0
            for gy, row in enumerate(glyph, drop):
                for gx, bit in enumerate(row):
                    if bit == "#":
                        self.rect(x + gx * scale, y + gy * scale, x + (gx + 1) * scale, y + (gy + 1) * scale, c)
            x += 6 * scale
        return x

    def text_width(self, s, scale=2):
        return len(s) * 6 * scale - scale

    def text_center(self, cx, y, s, c=INK, scale=2):
        self.text(cx - self.text_width(s, scale) // 2, y, s, c, scale)

    def save(self, path):
        png(path, self.w, self.h, self.px)


# ---- small reusable shapes ---------------------------------------------------------------------
def folder(c, x, y, colour=YELLOW, w=44, h=32):
    c.rect(x, y, x + w // 2, y + 8, INK)
    c.rect(x + 2, y + 2, x + w // 2 - 2, y + 8, colour)
    c.box(x, y + 6, x + w, y + h, colour)


def doc_icon(c, x, y, kind, w=48, h=60):
    """A file: a sheet with a folded corner and a sign of its kind."""
    c.box(x, y, x + w, y + h, WHITE)
    c.polygon([(x + w - 14, y), (x + w, y + 14), (x + w - 14, y + 14)], LIGHT)
    c.line(x + w - 14, y, x + w - 14, y + 14, INK, 2)
    c.line(x + w - 14, y + 14, x + w, y + 14, INK, 2)
    cx, cy = x + w // 2, y + h // 2 + 6
    if kind == "text":
        for i in range(4):
            c.rect(x + 8, y + 20 + i * 8, x + w - 8 - (10 if i == 3 else 0), y + 23 + i * 8, GREY)
    elif kind == "picture":
        c.rect(x + 7, y + 20, x + w - 7, y + h - 8, SKY)
        c.polygon([(x + 7, y + h - 8), (x + 20, y + 30), (x + 32, y + h - 8)], GREEN)
        c.polygon([(x + 22, y + h - 8), (x + 33, y + 36), (x + w - 7, y + h - 8)], (60, 140, 70))
        c.disc(x + w - 14, y + 27, 4, YELLOW)
    elif kind == "sound":
        c.disc(cx - 7, cy + 8, 6, PURPLE)
        c.rect(cx - 3, cy - 14, cx + 1, cy + 8, PURPLE)
        c.line(cx - 1, cy - 14, cx + 11, cy - 8, PURPLE, 4)
    elif kind == "video":
        c.rect(x + 7, y + 20, x + w - 7, y + h - 8, INK)
        c.polygon([(cx - 6, cy - 10), (cx - 6, cy + 8), (cx + 9, cy - 1)], WHITE)


def robot_top(c, cx, cy, heading_up=True, body=BLUE, sensors=2, scale=1.0):
    """A small robot seen from above, facing up: body, two wheels, front sensors."""
    s = scale
    bw, bh = int(28 * s), int(34 * s)
    c.rect(cx - bw - int(6 * s), cy - int(10 * s), cx - bw, cy + int(14 * s), INK)   # left wheel
    c.rect(cx + bw, cy - int(10 * s), cx + bw + int(6 * s), cy + int(14 * s), INK)   # right wheel
    c.box(cx - bw, cy - bh, cx + bw, cy + bh, body)
    c.rect(cx - int(10 * s), cy - int(8 * s), cx + int(10 * s), cy + int(8 * s), WHITE)
    c.frame(cx - int(10 * s), cy - int(8 * s), cx + int(10 * s), cy + int(8 * s), INK, 2)
    pos = [0] if sensors == 1 else [-int(14 * s), int(14 * s)]
    for dx in pos:
        c.disc(cx + dx, cy - bh - int(2 * s), int(5 * s), RED, INK)


# ---- grade 3 -----------------------------------------------------------------------------------
def g3_devices():
    c = Canvas(380, 230)
    # system unit in the middle
    c.box(160, 70, 220, 170, LIGHT)
    c.rect(170, 85, 210, 90, GREY)
    c.rect(170, 95, 210, 100, GREY)
    c.disc(190, 145, 7, GREEN, INK)
    # inputs (left): keyboard, mouse, microphone
    c.box(14, 28, 100, 56, LIGHT)
    for row in range(3):
        for col in range(9):
            c.rect(19 + col * 9, 32 + row * 7, 25 + col * 9, 37 + row * 7, GREY)
    c.ellipse(56, 115, 14, 20, LIGHT)
    c.line(56, 96, 56, 112, INK, 2)
    c.line(42, 112, 70, 112, INK, 2)
    c.box(44, 168, 68, 196, GREY)
    c.rect(54, 196, 58, 212, INK)
    c.rect(44, 210, 68, 214, INK)
    for y0 in (42, 115, 190):
        c.arrow(112, y0, 152, 120 if y0 != 115 else 118, GREEN, 4)
    # outputs (right): monitor, printer, speaker
    c.box(262, 14, 356, 72, INK)
    c.rect(268, 20, 350, 66, SKY)
    c.disc(330, 34, 7, YELLOW)
    c.rect(268, 54, 350, 66, GREEN)
    c.rect(304, 72, 314, 82, INK)
    c.box(268, 102, 352, 132, LIGHT)
    c.box(282, 90, 338, 104, WHITE)
    c.box(282, 128, 338, 150, WHITE)
    c.rect(290, 136, 330, 138, GREY)
    c.rect(290, 142, 320, 144, GREY)
    c.box(288, 168, 316, 214, INK)
    c.disc(302, 182, 7, GREY)
    c.disc(302, 202, 9, GREY)
    c.line(324, 180, 332, 172, INK, 2)
    c.line(326, 192, 338, 192, INK, 2)
    c.line(324, 204, 332, 212, INK, 2)
    for y0 in (44, 120, 190):
        c.arrow(228, 120, 256, y0, BLUE, 4)
    return c


def g3_folders():
    c = Canvas(380, 260)
    folder(c, 16, 14, YELLOW)
    c.text(68, 26, "school")
    rows = [(1, "folder", "photos"), (2, "picture", "cat.png"), (2, "picture", "tree.png"),
            (1, "folder", "music"), (2, "sound", "song.mp3"), (1, "folder", "homework"),
            (2, "text", "poem.txt")]
    y = 52
    last_y = {0: 28}
    for depth, kind, name in rows:
        x = 16 + depth * 40
        parent_x = 16 + (depth - 1) * 40 + 22
        c.line(parent_x, last_y.get(depth - 1, 28) + 8, parent_x, y + 14, GREY, 2)
        c.line(parent_x, y + 14, x - 2, y + 14, GREY, 2)
        if kind == "folder":
            folder(c, x, y, YELLOW, 36, 26)
            last_y[depth] = y + 10
        else:
            colour = {"picture": GREEN, "sound": PURPLE, "text": BLUE}[kind]
            c.box(x + 4, y, x + 26, y + 26, WHITE)
            c.rect(x + 8, y + 8, x + 22, y + 20, colour)
        c.text(x + 44, y + 7, name)
        y += 29
    return c


def g3_extensions():
    c = Canvas(380, 150)
    items = [("text", "poem.txt"), ("picture", "cat.png"), ("sound", "song.mp3"), ("video", "film.mp4")]
    for i, (kind, name) in enumerate(items):
        cx = 50 + i * 93
        doc_icon(c, cx - 24, 12, kind)
        base, ext = name.split(".")
        c.text_center(cx, 84, base)
        c.text_center(cx, 110, "." + ext, RED)
        c.rect(cx - c.text_width("." + ext) // 2, 128, cx + c.text_width("." + ext) // 2, 131, RED)
    return c


def keycap(c, x, y, label, w=None, fill=WHITE):
    w = w or max(40, c.text_width(label) + 20)
    c.box(x, y + 4, x + w, y + 40, GREY)
    c.box(x, y, x + w, y + 34, fill)
    c.text(x + (w - c.text_width(label)) // 2, y + 10, label)
    return x + w


def g3_shortcut():
    c = Canvas(340, 150)
    x = keycap(c, 40, 20, "Ctrl", 70)
    c.text(x + 12, 30, "+", INK, 3)
    x = keycap(c, x + 40, 20, "C", 46, LGREEN)
    c.arrow(x + 10, 37, x + 50, 37, GREEN, 4)
    doc_icon(c, x + 56, 10, "text", 36, 46)
    x = keycap(c, 40, 90, "Ctrl", 70)
    c.text(x + 12, 100, "+", INK, 3)
    x = keycap(c, x + 40, 90, "V", 46, SKY)
    c.arrow(x + 10, 107, x + 50, 107, BLUE, 4)
    doc_icon(c, x + 56, 80, "text", 36, 46)
    doc_icon(c, x + 66, 88, "text", 36, 46)
    return c


def g3_posture():
    c = Canvas(360, 240)
    c.rect(0, 214, 360, 240, (225, 215, 195))                 # floor
    c.rect(170, 130, 340, 140, BROWN)                         # desk
    c.rect(180, 140, 190, 214, BROWN)
    c.rect(320, 140, 330, 214, BROWN)
    c.box(270, 60, 282, 128, INK)                            # monitor, side view
    c.rect(262, 122, 300, 130, INK)
    c.rect(60, 150, 140, 160, BROWN)                          # chair seat
    c.rect(60, 80, 70, 214, BROWN)                            # chair back
    c.rect(130, 160, 138, 214, BROWN)
    # child: head, back straight, arms to the desk, feet on the floor
    c.disc(108, 62, 18, SKIN, INK)
    c.rect(96, 44, 126, 54, BROWN)                            # hair
    c.line(100, 82, 96, 148, BLUE, 14)                        # back
    c.line(100, 100, 150, 118, BLUE, 8)                       # upper arm
    c.line(150, 118, 196, 126, SKIN, 7)                       # forearm on the desk
    c.line(98, 150, 150, 150, (60, 70, 120), 12)              # thigh
    c.line(150, 152, 152, 208, (60, 70, 120), 10)             # shin
    c.rect(146, 206, 172, 214, INK)                           # foot
    # eye line to the top of the screen and the distance
    c.disc(120, 58, 3, INK)
    for x in range(128, 262, 10):
        c.rect(x, 60, x + 5, 62, GREEN)
    c.arrow(130, 30, 262, 30, GREEN, 3)
    c.arrow(262, 30, 130, 30, GREEN, 3)
    c.text_center(196, 10, "50-70 cm", GREEN)
    # a green tick
    c.line(20, 120, 30, 132, GREEN, 6)
    c.line(30, 132, 48, 104, GREEN, 6)
    return c


SHAPES = ["circle", "triangle", "square", "star"]


def shape(c, kind, cx, cy, r, colour):
    if kind == "circle":
        c.disc(cx, cy, r, colour, INK)
    elif kind == "triangle":
        c.polygon([(cx, cy - r - 2), (cx - r - 2, cy + r), (cx + r + 2, cy + r)], INK)
        c.polygon([(cx, cy - r + 3), (cx - r + 2, cy + r - 2), (cx + r - 2, cy + r - 2)], colour)
    elif kind == "square":
        c.box(cx - r, cy - r, cx + r, cy + r, colour)
    elif kind == "star":
        import math
        pts = []
        for i in range(10):
            rr = r + 2 if i % 2 == 0 else (r + 2) * 0.45
            a = -math.pi / 2 + i * math.pi / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        c.polygon(pts, colour)


def g3_code_table():
    c = Canvas(360, 200)
    # the key: shape -> digit
    colours = [RED, GREEN, BLUE, YELLOW]
    for i, (kind, col) in enumerate(zip(SHAPES, colours)):
        x = 30 + i * 82
        c.box(x - 6, 14, x + 66, 70, WHITE, GREY)
        shape(c, kind, x + 16, 42, 14, col)
        c.text(x + 38, 36, "=")
        c.text(x + 52, 35, str(i + 1), INK, 2)
    # a coded message: star circle triangle square ... to decode
    c.rect(20, 96, 340, 98, GREY)
    message = ["triangle", "circle", "star", "star"]
    for i, kind in enumerate(message):
        shape(c, kind, 92 + i * 60, 140, 18, colours[SHAPES.index(kind)])
    return c


def pet(c, kind, cx, cy):
    if kind == "cat":
        c.polygon([(cx - 13, cy - 6), (cx - 9, cy - 18), (cx - 3, cy - 9)], ORANGE)
        c.polygon([(cx + 13, cy - 6), (cx + 9, cy - 18), (cx + 3, cy - 9)], ORANGE)
        c.disc(cx, cy, 12, ORANGE)
        c.disc(cx - 5, cy - 2, 2, INK)
        c.disc(cx + 5, cy - 2, 2, INK)
        c.rect(cx - 1, cy + 3, cx + 2, cy + 5, RED)
    elif kind == "dog":
        c.ellipse(cx - 12, cy, 5, 10, BROWN)
        c.ellipse(cx + 12, cy, 5, 10, BROWN)
        c.disc(cx, cy, 11, (215, 175, 120))
        c.disc(cx - 4, cy - 3, 2, INK)
        c.disc(cx + 4, cy - 3, 2, INK)
        c.disc(cx, cy + 4, 3, INK)
    elif kind == "fish":
        c.polygon([(cx + 8, cy), (cx + 18, cy - 9), (cx + 18, cy + 9)], BLUE)
        c.ellipse(cx - 2, cy, 13, 9, BLUE)
        c.disc(cx - 8, cy - 2, 2, WHITE)
    elif kind == "bird":
        c.disc(cx, cy, 10, GREEN)
        c.polygon([(cx + 9, cy - 3), (cx + 18, cy), (cx + 9, cy + 3)], YELLOW)
        c.disc(cx + 3, cy - 3, 2, INK)
        c.polygon([(cx - 8, cy), (cx - 18, cy - 6), (cx - 14, cy + 6)], (60, 140, 70))


def g3_pets_table():
    c = Canvas(320, 230)
    data = [("cat", 6), ("dog", 4), ("fish", 3), ("bird", 2)]
    c.box(20, 14, 300, 216, WHITE)
    c.rect(20, 14, 300, 50, LIGHT)
    c.frame(20, 14, 300, 50, INK, 2)
    c.rect(88, 14, 90, 216, INK)
    c.rect(240, 14, 242, 216, INK)
    c.text_center(54, 26, "?", INK, 2)
    c.text_center(270, 26, "#", INK, 2)
    for i, (kind, n) in enumerate(data):
        y = 50 + i * 41
        if i:
            c.rect(20, y, 300, y + 2, GREY)
        pet(c, kind, 54, y + 21)
        for k in range(n):                         # tally marks
            c.rect(102 + k * 20, y + 10, 108 + k * 20, y + 32, GREEN)
        c.text(262, y + 14, str(n), INK, 2)
    return c


def g3_password_meter():
    c = Canvas(380, 180)
    rows = [("123456", 1, RED), ("aru2015", 2, YELLOW), ("Kun#Tau!Bala7", 3, GREEN)]
    for i, (pw, level, col) in enumerate(rows):
        y = 16 + i * 54
        c.box(14, y, 200, y + 36, WHITE, GREY)
        c.text(24, y + 11, pw)
        for k in range(3):
            colour = col if k < level else LIGHT
            c.rect(218 + k * 46, y + 8, 258 + k * 46, y + 28, colour)
        c.disc(360, y + 18, 12, col, INK)
        if level == 3:
            c.line(353, y + 18, 358, y + 24, WHITE, 3)
            c.line(358, y + 24, 367, y + 11, WHITE, 3)
        else:
            c.line(355, y + 13, 365, y + 23, WHITE, 3)
            c.line(365, y + 13, 355, y + 23, WHITE, 3)
    return c


def grid(c, x0, y0, cols, rows, size, walls=(), colour=WHITE):
    for r in range(rows):
        for k in range(cols):
            fill = GREY if (k, r) in walls else colour
            c.box(x0 + k * size, y0 + r * size, x0 + (k + 1) * size + 2, y0 + (r + 1) * size + 2, fill, LIGHT)


def flag(c, x, y):
    c.rect(x, y - 16, x + 3, y + 14, INK)
    c.polygon([(x + 3, y - 16), (x + 22, y - 9), (x + 3, y - 2)], RED)


def g3_maze():
    c = Canvas(300, 230)
    size = 54
    walls = {(1, 1), (2, 1), (3, 1), (1, 3), (3, 3)}
    grid(c, 15, 6, 5, 4, size, walls)
    robot_top(c, 15 + size // 2 + 1, 6 + 3 * size + size // 2 + 6, scale=0.55)    # (0,3) facing up
    flag(c, 15 + 4 * size + 18, 6 + 0 * size + 28)
    return c


def g3_robot():
    c = Canvas(360, 260)
    # body
    c.box(110, 70, 250, 180, BLUE)
    # controller (brain) on the body
    c.box(150, 95, 210, 140, INK)
    c.rect(158, 103, 202, 120, GREEN)
    c.disc(166, 130, 4, RED)
    c.disc(194, 130, 4, YELLOW)
    # head with sensors (eyes) on the front
    c.box(140, 24, 220, 70, LIGHT)
    c.disc(162, 46, 10, RED, INK)
    c.disc(198, 46, 10, RED, INK)
    c.rect(178, 8, 182, 24, INK)
    c.disc(180, 8, 5, YELLOW)
    # wheels with motors
    for x in (118, 242):
        c.disc(x, 196, 26, INK)
        c.disc(x, 196, 10, GREY)
        c.box(x - 14, 150, x + 14, 172, ORANGE)
    # numbered labels: 1 sensors, 2 controller, 3 motors, 4 wheels
    labels = [(1, 60, 40, 150, 46), (2, 300, 110, 212, 118), (3, 40, 140, 104, 160), (4, 320, 230, 262, 210)]
    for n, lx, ly, tx, ty in labels:
        c.line(lx, ly, tx, ty, GREY, 2)
        c.disc(lx, ly, 14, WHITE, INK)
        c.text(lx - 4, ly - 6, str(n))
    return c


def g3_line_mat():
    c = Canvas(380, 250, WHITE)
    c.frame(0, 0, 380, 250, LIGHT, 4)
    import math
    # an oval track drawn as a thick black line
    cx, cy, rx, ry = 190, 125, 150, 88
    for i in range(720):
        a = 2 * math.pi * i / 720
        x, y = cx + rx * math.cos(a), cy + ry * math.sin(a)
        c.ellipse(int(x), int(y), 5, 5, INK)
    # start mark
    c.rect(180, 30, 184, 50, GREEN)
    # the robot on the left side of the track, facing up: its one light sensor sits on the right edge of
    # the line (the lesson's rule "black: turn right, white: turn left" follows that edge)
    robot_top(c, cx - rx + 5, cy - 6, sensors=1, scale=0.8)
    return c


def build_grade3(out):
    for name, fn in [("devices", g3_devices), ("folders", g3_folders), ("extensions", g3_extensions),
                     ("shortcut", g3_shortcut), ("posture", g3_posture), ("code", g3_code_table),
                     ("pets", g3_pets_table), ("password", g3_password_meter), ("maze", g3_maze),
                     ("robot", g3_robot), ("line-mat", g3_line_mat)]:
        fn().save(out / f"{name}.png")


# ---- grade 4 -----------------------------------------------------------------------------------
def g4_path():
    c = Canvas(390, 250)
    c.box(10, 10, 380, 44, WHITE, GREY)
    sx = c.text(20, 20, "D:/")
    parts = ["school", "4b", "photos", "tree.png"]
    for i, p in enumerate(parts):
        colour = RED if i == len(parts) - 1 else INK
        sx = c.text(sx, 20, p, colour)
        if i < len(parts) - 1:
            sx = c.text(sx, 20, "/", GREY)
    # the same path as a tree
    nodes = [(0, "folder", "D:"), (1, "folder", "school"), (2, "folder", "4b"), (3, "folder", "photos"),
             (4, "picture", "tree.png"), (3, "folder", "music")]
    y = 56
    prev = {}
    for depth, kind, name in nodes:
        x = 14 + depth * 44
        if depth:
            px = 14 + (depth - 1) * 44 + 18
            c.line(px, prev[depth - 1] + 24, px, y + 14, GREY, 2)
            c.line(px, y + 14, x, y + 14, GREY, 2)
        if kind == "folder":
            folder(c, x, y, YELLOW, 36, 26)
        else:
            c.box(x + 4, y, x + 26, y + 26, WHITE)
            c.rect(x + 8, y + 8, x + 22, y + 20, GREEN)
        prev[depth] = y
        c.text(x + 44, y + 7, name, RED if kind == "picture" else INK)
        y += 31
    return c


def g4_binary():
    c = Canvas(380, 200)
    heart = ["01100110", "11111111", "11111111", "11111111", "01111110", "00111100", "00011000", "00000000"]
    size = 20
    for r, row in enumerate(heart):
        for k, bit in enumerate(row):
            x, y = 14 + k * size, 18 + r * size
            c.box(x, y, x + size + 1, y + size + 1, RED if bit == "1" else WHITE, GREY, 1)
            c.text(210 + k * 20, y + 4, bit, RED if bit == "1" else GREY)
    c.arrow(186, 98, 204, 98, INK, 3, 7)
    return c


def g4_chart():
    c = Canvas(360, 240)
    data = [("sun", 12, YELLOW), ("cloud", 8, GREY), ("rain", 6, BLUE), ("snow", 4, SKY)]
    base = 190
    c.rect(44, 14, 46, base + 2, INK)
    c.rect(44, base, 340, base + 2, INK)
    for v in range(0, 13, 2):
        y = base - v * 14
        c.rect(38, y, 44, y + 2, INK)
        c.text(8 if v >= 10 else 20, y - 6, str(v), INK, 2)
        if v:
            for x in range(50, 340, 8):
                c.rect(x, y, x + 3, y + 1, LIGHT)
    for i, (kind, v, col) in enumerate(data):
        x = 70 + i * 70
        c.box(x, base - v * 14, x + 40, base + 1, col)
        cx, cy = x + 20, 216
        if kind == "sun":
            c.disc(cx, cy, 9, YELLOW, ORANGE)
        elif kind == "cloud":
            c.disc(cx - 6, cy + 2, 7, GREY)
            c.disc(cx + 5, cy, 9, GREY)
        elif kind == "rain":
            c.disc(cx, cy - 4, 8, GREY)
            for dx in (-6, 0, 6):
                c.line(cx + dx, cy + 6, cx + dx - 2, cy + 12, BLUE, 2)
        else:
            for a, b in ((-9, 0), (0, -9), (-6, -6), (-6, 6)):
                c.line(cx + a, cy + b, cx - a, cy - b, BLUE, 2)
    return c


def g4_phishing():
    c = Canvas(380, 250)
    c.box(20, 10, 360, 240, WHITE)
    c.rect(22, 12, 358, 40, LIGHT)
    c.disc(44, 26, 10, GREY, INK)
    c.text(39, 20, "?", WHITE)
    c.text(62, 20, "prize@free-g1ft.win", RED)
    # a big gift and many exclamation marks
    c.box(60, 70, 150, 150, RED)
    c.rect(100, 70, 110, 150, YELLOW)
    c.rect(60, 102, 150, 112, YELLOW)
    c.ellipse(92, 64, 10, 7, YELLOW)
    c.ellipse(118, 64, 10, 7, YELLOW)
    c.text(180, 78, "WIN!!!", RED, 4)
    c.text(186, 124, "00:59", ORANGE, 3)
    # a button with a strange link
    c.box(50, 176, 330, 212, GREEN)
    c.text_center(190, 188, "free-g1ft.win/pr1ze", WHITE, 2)
    # a warning sign
    c.polygon([(318, 118), (292, 162), (344, 162)], YELLOW)
    c.text(313, 132, "!", INK, 3)
    return c


def g4_flowchart():
    c = Canvas(300, 300)
    cx = 150
    c.ellipse(cx, 24, 50, 16, LGREEN)
    c.ellipse(cx, 24, 47, 13, GREEN)
    c.arrow(cx, 42, cx, 70, INK, 3, 8)
    c.box(cx - 60, 72, cx + 60, 108, SKY)
    c.arrow(cx - 20, 90, cx + 20, 90, INK, 3, 8)                 # "move forward" icon
    c.arrow(cx, 110, cx, 132, INK, 3, 8)
    c.polygon([(cx, 134), (cx + 62, 170), (cx, 206), (cx - 62, 170)], INK)
    c.polygon([(cx, 139), (cx + 55, 170), (cx, 201), (cx - 55, 170)], YELLOW)
    c.text(cx - 6, 160, "?", INK, 3)
    c.line(cx + 62, 170, 270, 170, INK, 3)
    c.text(262, 150, "+", GREEN, 3)
    c.arrow(270, 170, 270, 252, INK, 3, 8)
    c.line(cx - 62, 170, 30, 170, INK, 3)
    c.text(22, 150, "-", RED, 3)
    c.line(30, 170, 30, 90, INK, 3)
    c.arrow(30, 90, cx - 62, 90, INK, 3, 8)
    c.ellipse(270, 270, 28, 16, LRED)
    c.ellipse(270, 270, 25, 13, RED)
    return c


def g4_variable():
    c = Canvas(360, 190)
    for i, (value, col) in enumerate([("3", LIGHT), ("4", LGREEN)]):
        x = 30 + i * 180
        c.polygon([(x, 70), (x + 30, 50), (x + 150, 50), (x + 120, 70)], (200, 160, 110))
        c.box(x, 70, x + 120, 160, (225, 185, 130), BROWN)
        c.box(x + 20, 82, x + 100, 108, WHITE, BROWN)
        c.text_center(x + 60, 89, "score")
        c.box(x + 40, 116, x + 80, 152, col)
        c.text_center(x + 60, 122, value, INK, 3)
    c.arrow(156, 112, 204, 112, GREEN, 4)
    c.text_center(180, 14, "score = score + 1", BLUE)
    return c


def g4_sensors():
    c = Canvas(380, 250)
    # side view of a robot: touch sensor in front, distance sensor on top, colour sensor below
    c.rect(0, 214, 380, 250, LIGHT)
    c.box(90, 110, 250, 180, BLUE)
    c.disc(120, 192, 22, INK)
    c.disc(220, 192, 22, INK)
    c.disc(120, 192, 8, GREY)
    c.disc(220, 192, 8, GREY)
    c.box(250, 140, 262, 170, ORANGE)            # 1 touch: a bumper
    c.rect(262, 136, 270, 174, ORANGE)
    c.box(190, 84, 240, 110, GREEN)              # 2 distance: two "eyes" on top
    c.disc(203, 97, 7, WHITE, INK)
    c.disc(227, 97, 7, WHITE, INK)
    import math
    for r in (22, 38, 54, 70):                    # sound waves to the wall
        pts = [(240 + r * math.cos(a / 10), 97 + r * math.sin(a / 10)) for a in range(-6, 7)]
        for (xa, ya), (xb, yb) in zip(pts, pts[1:]):
            c.line(int(xa), int(ya), int(xb), int(yb), GREEN, 3)
    c.rect(330, 40, 346, 214, BROWN)             # the wall
    c.box(150, 180, 180, 196, RED)               # 3 colour/light sensor under the body
    c.polygon([(158, 196), (172, 196), (180, 214), (150, 214)], (255, 230, 150))
    for n, lx, ly, tx, ty in [(1, 300, 190, 266, 160), (2, 200, 40, 214, 86), (3, 60, 226, 150, 206)]:
        c.line(lx, ly, tx, ty, GREY, 2)
        c.disc(lx, ly, 14, WHITE, INK)
        c.text(lx - 4, ly - 6, str(n))
    return c


def g4_line_two_sensors():
    c = Canvas(390, 190)
    # three panels: the line between the sensors / under the left sensor / under the right sensor
    for i, shift in enumerate([0, -11, 11]):
        x0 = 8 + i * 128
        c.box(x0, 10, x0 + 118, 150, WHITE, GREY)
        lx = x0 + 59 + shift
        c.rect(lx - 4, 12, lx + 4, 148, INK)
        robot_top(c, x0 + 59, 100, scale=0.8)
        for dx in (-11, 11):                      # a sensor over the black line is drawn dark
            if dx == shift:
                c.disc(x0 + 59 + dx, 70, 4, INK, INK)
        arrow_y = 172
        if shift == 0:
            c.arrow(x0 + 59, arrow_y + 12, x0 + 59, arrow_y - 12, GREEN, 4, 9)
        elif shift < 0:
            c.arrow(x0 + 75, arrow_y + 6, x0 + 43, arrow_y - 6, GREEN, 4, 9)
        else:
            c.arrow(x0 + 43, arrow_y + 6, x0 + 75, arrow_y - 6, GREEN, 4, 9)
    return c


def build_grade4(out):
    for name, fn in [("path", g4_path), ("binary", g4_binary), ("chart", g4_chart), ("phishing", g4_phishing),
                     ("flowchart", g4_flowchart), ("variable", g4_variable), ("sensors", g4_sensors),
                     ("two-sensors", g4_line_two_sensors), ("password", g3_password_meter)]:
        fn().save(out / f"{name}.png")


def main():
    for grade, build in ((3, build_grade3), (4, build_grade4)):
        out = ROOT / "lessons" / f"grade{grade}" / "assets"
        out.mkdir(parents=True, exist_ok=True)
        build(out)


if __name__ == "__main__":
    main()
