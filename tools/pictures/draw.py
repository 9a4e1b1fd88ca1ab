"""Shared drawing helpers for the pictures of the Sandyq lesson packs (standard library only).

Pictures are flat coloured shapes drawn by code, so they are reproducible and ours
(CC BY 4.0, Sandyq, like the packs). A Canvas draws at 2x and averages down to the final size,
which smooths the edges while keeping few colours (small PNG files for school networks).

Coordinates of every drawing function are in a 320x240 "design space"; `Canvas.at(dx, dy, k)`
moves and scales it, so the same object can be drawn big on a theory page or small in a scene.
Used by tools/pictures/grade1.py and grade2.py (one script per grade pack).
"""
import math
import struct
import zlib
from contextlib import contextmanager

SS = 2  # supersampling factor

# A small shared palette: the same colours in every picture of the course.
BG = (250, 246, 232)
WHITE = (255, 255, 255)
INK = (40, 44, 52)
GREY = (200, 200, 205)
MID = (150, 150, 160)
DARK = (90, 92, 100)
BLUE = (70, 150, 220)
LIGHTBLUE = (170, 215, 245)
NAVY = (40, 70, 140)
GREEN = (90, 170, 90)
LIGHTGREEN = (170, 225, 160)
RED = (225, 70, 60)
PINK = (245, 170, 180)
ORANGE = (245, 150, 50)
YELLOW = (250, 210, 60)
BROWN = (150, 100, 60)
LIGHTBROWN = (210, 170, 120)
SKIN = (240, 200, 160)
SKIN2 = (200, 145, 100)
PURPLE = (150, 100, 200)
HAIR = (60, 40, 30)


def write_png(path, w, h, rows):
    raw = b"".join(b"\x00" + bytes(r) for r in rows)

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


class Canvas:
    def __init__(self, w=320, h=240, bg=BG):
        self.w, self.h = w, h
        self.W, self.H = w * SS, h * SS
        self.rows = [bytearray(bytes(bg) * self.W) for _ in range(self.H)]
        self.tx = (0.0, 0.0, 1.0)

    # ---- transform -----------------------------------------------------------------------------
    @contextmanager
    def at(self, dx, dy, k=1.0):
        old = self.tx
        ox, oy, ok = old
        self.tx = (ox + dx * ok, oy + dy * ok, ok * k)
        try:
            yield self
        finally:
            self.tx = old

    def _p(self, x, y):
        ox, oy, k = self.tx
        return ((ox + x * k) * SS, (oy + y * k) * SS)

    def _l(self, v):
        return v * self.tx[2] * SS

    # ---- spans ---------------------------------------------------------------------------------
    def _span(self, y, x0, x1, c):
        if y < 0 or y >= self.H:
            return
        a = max(0, int(round(x0)))
        b = min(self.W, int(round(x1)))
        if b > a:
            self.rows[y][a * 3:b * 3] = bytes(c) * (b - a)

    # ---- primitives (design-space coordinates) ---------------------------------------------------
    def rect(self, x0, y0, x1, y1, c):
        (X0, Y0), (X1, Y1) = self._p(x0, y0), self._p(x1, y1)
        for y in range(max(0, int(round(Y0))), min(self.H, int(round(Y1)))):
            self._span(y, X0, X1, c)

    def rrect(self, x0, y0, x1, y1, r, c):
        (X0, Y0), (X1, Y1) = self._p(x0, y0), self._p(x1, y1)
        R = min(self._l(r), (X1 - X0) / 2, (Y1 - Y0) / 2)
        for y in range(max(0, int(round(Y0))), min(self.H, int(round(Y1)))):
            yc = y + 0.5
            d = 0.0
            if yc < Y0 + R:
                d = R - math.sqrt(max(0.0, R * R - (Y0 + R - yc) ** 2))
            elif yc > Y1 - R:
                d = R - math.sqrt(max(0.0, R * R - (yc - (Y1 - R)) ** 2))
            self._span(y, X0 + d, X1 - d, c)

    def ellipse(self, cx, cy, rx, ry, c):
        (CX, CY) = self._p(cx, cy)
        RX, RY = self._l(rx), self._l(ry)
        if RX <= 0 or RY <= 0:
            return
        for y in range(max(0, int(CY - RY)), min(self.H, int(CY + RY) + 1)):
            t = (y + 0.5 - CY) / RY
            if abs(t) > 1:
                continue
            hw = RX * math.sqrt(1 - t * t)
            self._span(y, CX - hw, CX + hw, c)

    def circle(self, cx, cy, r, c):
        self.ellipse(cx, cy, r, r, c)

    def ring(self, cx, cy, r, width, c, bg):
        self.circle(cx, cy, r, c)
        self.circle(cx, cy, r - width, bg)

    def poly(self, pts, c):
        P = [self._p(x, y) for x, y in pts]
        ys = [p[1] for p in P]
        n = len(P)
        for y in range(max(0, int(min(ys))), min(self.H, int(max(ys)) + 1)):
            yc = y + 0.5
            xs = []
            for i in range(n):
                (xa, ya), (xb, yb) = P[i], P[(i + 1) % n]
                if (ya <= yc < yb) or (yb <= yc < ya):
                    xs.append(xa + (yc - ya) * (xb - xa) / (yb - ya))
            xs.sort()
            for i in range(0, len(xs) - 1, 2):
                self._span(y, xs[i], xs[i + 1], c)

    def line(self, x0, y0, x1, y1, width, c, round_caps=True):
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln * width / 2, dx / ln * width / 2
        self.poly([(x0 + nx, y0 + ny), (x1 + nx, y1 + ny), (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)], c)
        if round_caps:
            self.circle(x0, y0, width / 2, c)
            self.circle(x1, y1, width / 2, c)

    def polyline(self, pts, width, c):
        for a, b in zip(pts, pts[1:]):
            self.line(a[0], a[1], b[0], b[1], width, c)

    def arc(self, cx, cy, r, a0, a1, width, c, steps=24):
        pts = [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / steps)),
                cy + r * math.sin(math.radians(a0 + (a1 - a0) * i / steps))) for i in range(steps + 1)]
        self.polyline(pts, width, c)

    def arrow(self, x0, y0, x1, y1, width, c, head=None):
        head = head or width * 3
        ang = math.atan2(y1 - y0, x1 - x0)
        bx, by = x1 - head * math.cos(ang), y1 - head * math.sin(ang)
        self.line(x0, y0, bx, by, width, c)
        px, py = -math.sin(ang) * head * 0.7, math.cos(ang) * head * 0.7
        self.poly([(x1, y1), (bx + px, by + py), (bx - px, by - py)], c)

    def star(self, cx, cy, r, c, points=5):
        pts = []
        for i in range(points * 2):
            rr = r if i % 2 == 0 else r * 0.45
            a = math.radians(-90 + i * 180 / points)
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        self.poly(pts, c)

    # ---- output ----------------------------------------------------------------------------------
    def save(self, path):
        rows = []
        W = self.W
        for y in range(self.h):
            r0, r1 = self.rows[y * SS], self.rows[y * SS + 1]
            out = bytearray(self.w * 3)
            for x in range(self.w):
                i = x * 6
                for ch in range(3):
                    s = r0[i + ch] + r0[i + 3 + ch] + r1[i + ch] + r1[i + 3 + ch]
                    out[x * 3 + ch] = (s + 2) >> 2
            rows.append(out)
        write_png(path, self.w, self.h, rows)


# ---- marks -------------------------------------------------------------------------------------
def tick(c, x, y, s=1.0, col=GREEN):
    """A green tick in a circle (right answer, good habit)."""
    with c.at(x, y, s):
        c.circle(0, 0, 22, col)
        c.polyline([(-11, 1), (-3, 10), (12, -9)], 6, WHITE)


def cross(c, x, y, s=1.0, col=RED):
    """A red cross in a circle (wrong, bad habit)."""
    with c.at(x, y, s):
        c.circle(0, 0, 22, col)
        c.line(-9, -9, 9, 9, 6, WHITE)
        c.line(-9, 9, 9, -9, 6, WHITE)


def question(c, x, y, s=1.0, col=ORANGE):
    """A question mark drawn from an arc and a dot (no fonts)."""
    with c.at(x, y, s):
        c.arc(0, -8, 10, 200, 400, 6, col)
        c.line(0, 2, 0, 8, 6, col)
        c.circle(0, 18, 3.5, col)


# ---- devices (each fits roughly a 320x240 box when drawn at k=1) ---------------------------------
def monitor(c, screen=BLUE, picture=True):
    c.rrect(60, 30, 260, 170, 8, INK)
    c.rect(70, 40, 250, 160, screen)
    if picture:
        c.circle(200, 75, 18, YELLOW)
        c.rect(70, 130, 250, 160, GREEN)
        c.poly([(90, 130), (130, 90), (170, 130)], LIGHTGREEN)
    c.rect(150, 170, 170, 195, INK)
    c.rrect(115, 192, 205, 204, 4, INK)


def keyboard(c, highlight=None):
    """highlight: None, 'space', 'enter', 'backspace', 'shift', 'arrows', 'letters'."""
    c.rrect(20, 70, 300, 180, 10, GREY)
    keyc = DARK
    for row in range(3):
        for col in range(12):
            x = 32 + col * 22
            y = 82 + row * 22
            if row == 0 and col == 11 and highlight == "backspace":
                continue
            colour = keyc
            if highlight == "letters" and row in (0, 1) and col < 10:
                colour = BLUE
            c.rrect(x, y, x + 18, y + 18, 3, colour)
    # space bar and the long keys
    c.rrect(92, 148, 228, 166, 3, ORANGE if highlight == "space" else keyc)
    c.rrect(32, 148, 84, 166, 3, ORANGE if highlight == "shift" else keyc)
    c.rrect(236, 148, 288, 166, 3, keyc)
    if highlight == "backspace":
        c.rrect(274, 82, 298, 100, 3, ORANGE)
    if highlight == "enter":
        c.rrect(252, 104, 288, 140, 3, ORANGE)
    if highlight == "arrows":
        c.rrect(236, 148, 288, 166, 3, ORANGE)


def key_symbol(c, which):
    """A big single key with its symbol: 'enter', 'backspace', 'space', 'shift', 'arrows'."""
    if which == "space":
        c.rrect(40, 90, 280, 150, 12, DARK)
        c.rrect(46, 94, 274, 142, 10, GREY)
        c.polyline([(120, 112), (120, 126), (200, 126), (200, 112)], 6, INK)
        return
    if which == "arrows":
        for (x, y, a) in ((135, 50, "u"), (135, 125, "d"), (60, 125, "l"), (210, 125, "r")):
            c.rrect(x, y, x + 64, y + 64, 10, DARK)
            c.rrect(x + 5, y + 4, x + 59, y + 56, 8, GREY)
            cx, cy = x + 32, y + 30
            d = {"u": (0, -1), "d": (0, 1), "l": (-1, 0), "r": (1, 0)}[a]
            c.arrow(cx - d[0] * 14, cy - d[1] * 14, cx + d[0] * 16, cy + d[1] * 16, 5, INK, head=12)
        return
    c.rrect(90, 50, 230, 190, 16, DARK)
    c.rrect(97, 55, 223, 180, 13, GREY)
    if which == "enter":
        c.polyline([(195, 80), (195, 130), (130, 130)], 8, INK)
        c.poly([(112, 130), (135, 112), (135, 148)], INK)
    elif which == "backspace":
        c.poly([(118, 118), (145, 92), (200, 92), (200, 144), (145, 144)], INK)
        c.line(155, 106, 183, 130, 6, GREY)
        c.line(155, 130, 183, 106, 6, GREY)
    elif which == "shift":
        c.poly([(160, 78), (200, 120), (178, 120), (178, 150), (142, 150), (142, 120), (120, 120)], INK)
        c.poly([(160, 92), (184, 116), (170, 116), (170, 142), (150, 142), (150, 116), (136, 116)], GREY)


def mouse(c, button=None, col=GREY):
    """button: None, 'left', 'right', 'wheel'."""
    c.arc(160, 50, 40, 180, 270, 5, INK)
    c.line(160, 10, 200, 10, 5, INK)
    c.rrect(110, 60, 210, 220, 48, col)
    c.rect(158, 62, 162, 125, MID)
    c.rect(112, 122, 208, 126, MID)
    if button == "left":
        c.poly([(158, 62), (158, 122), (112, 122), (112, 100), (122, 74), (140, 64)], ORANGE)
    elif button == "right":
        c.poly([(162, 62), (162, 122), (208, 122), (208, 100), (198, 74), (180, 64)], ORANGE)
    c.rrect(152, 78, 168, 108, 6, ORANGE if button == "wheel" else DARK)


def system_unit(c):
    c.rrect(110, 20, 210, 220, 8, DARK)
    c.rect(125, 40, 195, 48, INK)
    c.rect(125, 56, 195, 64, INK)
    c.circle(160, 180, 12, GREY)
    c.circle(160, 180, 6, GREEN)


def computer(c):
    with c.at(-30, -8, 0.85):
        monitor(c)
    with c.at(0, 148, 0.55):
        keyboard(c)
    with c.at(150, 160, 0.3):
        mouse(c)
    with c.at(140, 40, 0.75):
        system_unit(c)


def printer(c, paper=True):
    if paper:
        c.rect(110, 30, 210, 90, WHITE)
    c.rrect(60, 80, 260, 170, 14, GREY)
    c.rect(60, 120, 260, 130, MID)
    c.circle(235, 100, 7, GREEN)
    c.rect(95, 150, 225, 160, INK)
    if paper:
        c.rect(105, 155, 215, 220, WHITE)
        for i in range(4):
            c.rect(120, 170 + i * 11, 200 - (i % 2) * 30, 175 + i * 11, MID)
        c.circle(190, 200, 0.1, MID)


def headphones(c, col=RED):
    c.arc(160, 140, 80, 180, 360, 14, col)
    c.rrect(62, 125, 100, 205, 14, INK)
    c.rrect(220, 125, 258, 205, 14, INK)
    c.rrect(72, 135, 96, 195, 10, col)
    c.rrect(224, 135, 248, 195, 10, col)


def microphone(c):
    c.rrect(125, 20, 195, 130, 35, DARK)
    for i in range(4):
        c.rect(132, 45 + i * 15, 188, 49 + i * 15, MID)
    c.arc(160, 95, 52, 0, 180, 8, INK)
    c.rect(156, 146, 164, 200, INK)
    c.rrect(115, 196, 205, 210, 6, INK)


def speakers(c, waves=True):
    for x in (40, 200):
        c.rrect(x, 50, x + 80, 200, 10, DARK)
        c.circle(x + 40, 90, 18, MID)
        c.circle(x + 40, 90, 7, INK)
        c.circle(x + 40, 150, 28, MID)
        c.circle(x + 40, 150, 12, INK)
    if waves:
        c.arc(160, 125, 18, -50, 50, 5, BLUE)
        c.arc(160, 125, 30, -50, 50, 5, BLUE)
        c.arc(160, 125, 18, 130, 230, 5, BLUE)
        c.arc(160, 125, 30, 130, 230, 5, BLUE)


def tablet(c, screen=LIGHTBLUE, content="apps"):
    c.rrect(70, 25, 250, 215, 16, INK)
    c.rect(82, 40, 238, 198, screen)
    c.circle(160, 207, 4, MID)
    if content == "apps":
        cols = [RED, GREEN, ORANGE, PURPLE, BLUE, YELLOW]
        for i, col in enumerate(cols):
            x = 98 + (i % 3) * 44
            y = 58 + (i // 3) * 44
            c.rrect(x, y, x + 32, y + 32, 8, col)


def phone(c, screen=LIGHTBLUE, content="apps"):
    c.rrect(115, 15, 205, 225, 14, INK)
    c.rect(123, 32, 197, 205, screen)
    c.rrect(148, 21, 172, 26, 2, MID)
    c.circle(160, 215, 5, MID)
    if content == "apps":
        cols = [RED, GREEN, ORANGE, PURPLE, BLUE, YELLOW]
        for i, col in enumerate(cols):
            x = 130 + (i % 2) * 34
            y = 42 + (i // 2) * 34
            c.rrect(x, y, x + 26, y + 26, 6, col)


def laptop(c):
    c.rrect(70, 40, 250, 160, 8, INK)
    c.rect(80, 50, 240, 150, BLUE)
    c.circle(200, 80, 14, YELLOW)
    c.rect(80, 125, 240, 150, GREEN)
    c.poly([(40, 180), (280, 180), (260, 160), (60, 160)], GREY)
    c.rrect(40, 178, 280, 190, 4, MID)
    for row in range(2):
        for col in range(10):
            x = 80 + col * 16 + row * 4
            c.rect(x, 163 + row * 7, x + 12, 168 + row * 7, DARK)


def webcam(c):
    c.circle(160, 100, 60, INK)
    c.circle(160, 100, 40, DARK)
    c.circle(160, 100, 22, NAVY)
    c.circle(150, 90, 7, LIGHTBLUE)
    c.circle(205, 60, 5, RED)
    c.rect(150, 160, 170, 190, INK)
    c.rrect(110, 188, 210, 202, 6, INK)


def scanner(c):
    c.rrect(40, 110, 280, 190, 10, GREY)
    c.poly([(40, 110), (280, 110), (270, 70), (50, 70)], MID)
    c.rect(60, 125, 260, 170, LIGHTBLUE)
    c.rect(60, 145, 260, 150, WHITE)
    c.circle(255, 180, 5, GREEN)


def flash_drive(c):
    c.rect(205, 95, 250, 145, GREY)
    c.rect(215, 108, 225, 116, DARK)
    c.rect(230, 108, 240, 116, DARK)
    c.rrect(70, 80, 210, 160, 14, BLUE)
    c.circle(95, 120, 9, WHITE)


# ---- people --------------------------------------------------------------------------------------
def child(c, x, y, s=1.0, shirt=BLUE, skin=SKIN, hair=HAIR, girl=False, mood="smile"):
    """A standing child, head centre at (x, y-50) when s=1; about 150 units tall."""
    with c.at(x, y, s):
        c.rrect(-28, -20, 28, 50, 12, shirt)                 # body
        c.rect(-20, 48, -6, 95, NAVY)                        # legs
        c.rect(6, 48, 20, 95, NAVY)
        c.rrect(-24, 92, -4, 100, 3, INK)
        c.rrect(4, 92, 24, 100, 3, INK)
        c.line(-26, -10, -38, 30, 10, skin)                  # arms
        c.line(26, -10, 38, 30, 10, skin)
        face(c, 0, -48, 1.0, skin=skin, hair=hair, girl=girl, mood=mood)


def face(c, x, y, s=1.0, skin=SKIN, hair=HAIR, girl=False, mood="smile"):
    with c.at(x, y, s):
        if girl:
            c.rrect(-36, -22, -16, 34, 9, hair)
            c.rrect(16, -22, 36, 34, 9, hair)
        c.circle(0, 0, 28, skin)
        c.poly([(-28, -4), (-24, -20), (-8, -30), (10, -30), (24, -20), (28, -4), (16, -16), (-16, -16)], hair)
        c.circle(-10, -2, 3.5, INK)
        c.circle(10, -2, 3.5, INK)
        if mood == "smile":
            c.arc(0, 6, 11, 20, 160, 3, INK)
        elif mood == "sad":
            c.arc(0, 20, 10, 200, 340, 3, INK)
        elif mood == "open":
            c.ellipse(0, 12, 6, 7, INK)
        else:
            c.line(-7, 12, 7, 12, 3, INK)
        c.circle(-17, 8, 4, PINK)
        c.circle(17, 8, 4, PINK)


def adult(c, x, y, s=1.0, shirt=GREEN, skin=SKIN, hair=HAIR, woman=True):
    with c.at(x, y, s):
        if woman:
            c.poly([(-34, -20), (34, -20), (44, 90), (-44, 90)], shirt)
        else:
            c.rrect(-34, -20, 34, 80, 12, shirt)
        c.rect(-22, 80, -6, 130, NAVY)
        c.rect(6, 80, 22, 130, NAVY)
        c.line(-32, -10, -46, 45, 11, skin)
        c.line(32, -10, 46, 45, 11, skin)
        face(c, 0, -52, 1.1, skin=skin, hair=hair, girl=woman)


def stranger(c, x, y, s=1.0):
    """A grey silhouette with a question mark: someone we do not know."""
    with c.at(x, y, s):
        c.circle(0, -30, 26, MID)
        c.rrect(-36, 0, 36, 60, 24, MID)
        question(c, 0, -32, 0.9, col=WHITE)


# ---- safety ----------------------------------------------------------------------------------------
def lock(c, x=160, y=130, s=1.0, body=YELLOW, open_=False):
    with c.at(x, y, s):
        if open_:
            c.arc(-22, -30, 30, 180, 360, 12, MID)
            c.line(-52, -30, -52, 0, 12, MID)
        else:
            c.arc(0, -30, 30, 180, 360, 12, MID)
            c.line(-30, -30, -30, 0, 12, MID)
            c.line(30, -30, 30, 0, 12, MID)
        c.rrect(-48, -5, 48, 70, 10, body)
        c.circle(0, 22, 10, INK)
        c.poly([(-5, 25), (5, 25), (8, 52), (-8, 52)], INK)


def key(c, x, y, s=1.0, col=YELLOW):
    with c.at(x, y, s):
        c.ring(-30, 0, 22, 9, col, BG)
        c.rect(-10, -5, 50, 5, col)
        c.rect(35, 5, 42, 18, col)
        c.rect(46, 5, 52, 14, col)


def shield(c, x, y, s=1.0, col=GREEN):
    with c.at(x, y, s):
        c.poly([(0, -50), (42, -36), (40, 10), (0, 50), (-40, 10), (-42, -36)], col)
        c.polyline([(-18, 0), (-5, 14), (20, -16)], 8, WHITE)


def house(c, x, y, s=1.0, wall=ORANGE, roof=RED):
    with c.at(x, y, s):
        c.rect(-50, -10, 50, 60, wall)
        c.poly([(-62, -8), (0, -58), (62, -8)], roof)
        c.rect(-12, 20, 12, 60, BROWN)
        c.rect(22, 5, 42, 25, LIGHTBLUE)
        c.rect(-42, 5, -22, 25, LIGHTBLUE)


def pin(c, x, y, s=1.0, col=RED):
    """A map location pin."""
    with c.at(x, y, s):
        c.circle(0, -20, 20, col)
        c.poly([(-17, -10), (17, -10), (0, 22)], col)
        c.circle(0, -20, 8, WHITE)


def bubble(c, x0, y0, x1, y1, col=WHITE, tail="left"):
    c.rrect(x0, y0, x1, y1, 14, col)
    if tail == "left":
        c.poly([(x0 + 14, y1 - 4), (x0 + 34, y1 - 4), (x0 + 6, y1 + 16)], col)
    else:
        c.poly([(x1 - 14, y1 - 4), (x1 - 34, y1 - 4), (x1 - 6, y1 + 16)], col)


def heart(c, x, y, s=1.0, col=RED):
    with c.at(x, y, s):
        c.circle(-10, -6, 12, col)
        c.circle(10, -6, 12, col)
        c.poly([(-21, -1), (21, -1), (0, 22)], col)


def smiley(c, x, y, s=1.0, mood="smile", col=YELLOW):
    with c.at(x, y, s):
        c.circle(0, 0, 20, col)
        c.circle(-7, -5, 2.8, INK)
        c.circle(7, -5, 2.8, INK)
        if mood == "smile":
            c.arc(0, 1, 10, 20, 160, 3, INK)
        elif mood == "angry":
            c.line(-12, -12, -3, -8, 3, INK)
            c.line(12, -12, 3, -8, 3, INK)
            c.arc(0, 14, 8, 200, 340, 3, INK)
        elif mood == "sad":
            c.arc(0, 14, 8, 200, 340, 3, INK)


def lightning(c, x, y, s=1.0, col=ORANGE):
    with c.at(x, y, s):
        c.poly([(4, -22), (-12, 3), (0, 3), (-5, 22), (12, -4), (0, -4)], col)


def chat_phone(c, kind="kind"):
    """A phone screen with a chat: 'kind', 'unkind', 'stranger', 'ask_address', 'password'."""
    c.rrect(70, 10, 250, 230, 18, INK)
    c.rect(80, 28, 240, 212, WHITE if kind != "game" else LIGHTBLUE)
    c.rect(80, 28, 240, 48, LIGHTBLUE)
    if kind == "stranger" or kind == "ask_address" or kind == "password":
        c.circle(98, 38, 7, MID)
        question(c, 98, 38, 0.3, col=WHITE)
    else:
        c.circle(98, 38, 7, GREEN)
    c.rect(112, 35, 170, 41, WHITE)
    # incoming message (left) and our answer (right)
    c.rrect(88, 58, 200, 100, 10, GREY)
    if kind == "kind":
        heart(c, 115, 78, 0.7)
        smiley(c, 150, 78, 0.7)
        c.star(182, 78, 12, ORANGE)
        c.rrect(120, 115, 232, 150, 10, LIGHTGREEN)
        smiley(c, 176, 132, 0.6)
    elif kind == "unkind":
        smiley(c, 115, 79, 0.75, mood="angry", col=ORANGE)
        lightning(c, 150, 79, 0.8, col=RED)
        lightning(c, 180, 79, 0.8, col=RED)
        c.rrect(120, 115, 232, 150, 10, PINK)
        smiley(c, 176, 132, 0.6, mood="sad")
    elif kind == "stranger":
        question(c, 115, 78, 0.7)
        for i in range(3):
            c.rect(135, 68 + i * 8, 190 - i * 10, 72 + i * 8, DARK)
    elif kind == "ask_address":
        house(c, 118, 84, 0.32)
        pin(c, 150, 84, 0.6)
        question(c, 180, 78, 0.7)
    elif kind == "password":
        lock(c, 118, 78, 0.28)
        for i in range(4):
            c.circle(142 + i * 12, 82, 4, INK)
        question(c, 190, 78, 0.6)


def chart(c, values, colours, icons=None):
    """A simple bar chart (pictograph-like): values are small integers."""
    c.line(50, 200, 290, 200, 4, INK)
    c.line(50, 30, 50, 200, 4, INK)
    n = len(values)
    w = 200 / n
    for i, (v, col) in enumerate(zip(values, colours)):
        x = 65 + i * w
        for j in range(v):
            c.rrect(x + 6, 180 - j * 30, x + w - 10, 206 - j * 30 - 8, 6, col)


# ---- everyday things ---------------------------------------------------------------------------------
def toothbrush(c, x, y, s=1.0, paste=False):
    with c.at(x, y, s):
        c.rrect(-70, -6, 40, 6, 5, BLUE)
        c.rrect(30, -22, 70, -4, 3, WHITE)
        for i in range(6):
            c.rect(33 + i * 6, -22, 36 + i * 6, -6, LIGHTBLUE)
        if paste:
            c.rrect(28, -34, 72, -22, 6, (230, 240, 250))
            c.rrect(30, -32, 70, -26, 3, RED)


def paste_tube(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.poly([(-50, -16), (30, -12), (30, 12), (-50, 16)], WHITE)
        c.rect(-50, -16, -44, 16, GREY)
        c.rect(30, -7, 44, 7, BLUE)
        c.rect(-20, -8, 10, 8, RED)


def cup(c, x, y, s=1.0, col=LIGHTBLUE):
    with c.at(x, y, s):
        c.poly([(-25, -30), (25, -30), (18, 30), (-18, 30)], col)
        c.rect(-22, -20, 22, -14, BLUE)


def tooth(c, x, y, s=1.0, shine=True):
    with c.at(x, y, s):
        with c.at(0, 2, 1.08):
            _tooth_shape(c, MID)
        _tooth_shape(c, WHITE)
        if shine:
            c.star(38, -40, 10, YELLOW)
            c.star(-40, 10, 7, YELLOW)


def _tooth_shape(c, col):
    if True:
        c.poly([(-30, -30), (30, -30), (34, -5), (20, 40), (8, 40), (0, 10), (-8, 40), (-20, 40), (-34, -5)], col)
        c.circle(-15, -30, 15, col)
        c.circle(15, -30, 15, col)


def pot(c, x, y, s=1.0, soil=True):
    with c.at(x, y, s):
        c.poly([(-45, -10), (45, -10), (35, 45), (-35, 45)], ORANGE)
        c.rect(-50, -18, 50, -6, (220, 120, 40))
        if soil:
            c.ellipse(0, -18, 44, 6, BROWN)


def seed(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.ellipse(0, 0, 8, 12, LIGHTBROWN)
        c.ellipse(-2, -2, 3, 6, (235, 205, 160))


def sprout(c, x, y, s=1.0, big=False):
    with c.at(x, y, s):
        h = 70 if big else 35
        c.line(0, 0, 0, -h, 5, GREEN)
        c.ellipse(-14, -h + 4, 14, 7, GREEN)
        c.ellipse(14, -h + 4, 14, 7, GREEN)
        if big:
            for i in range(6):
                a = math.radians(i * 60)
                c.circle(math.cos(a) * 14, -h - 22 + math.sin(a) * 14, 9, PINK)
            c.circle(0, -h - 22, 9, YELLOW)


def watering_can(c, x, y, s=1.0, drops=True):
    with c.at(x, y, s):
        c.rrect(-40, -25, 30, 30, 8, GREEN)
        c.poly([(25, 0), (70, -35), (75, -28), (30, 15)], GREEN)
        c.arc(-5, -25, 25, 180, 360, 6, GREEN)
        if drops:
            for i, (dx, dy) in enumerate(((80, -15), (88, 0), (76, 12))):
                c.ellipse(dx, dy, 3.5, 6, BLUE)


def shovel(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.line(0, -60, 0, 20, 7, BROWN)
        c.rect(-12, -66, 12, -58, BROWN)
        c.poly([(-20, 15), (20, 15), (18, 45), (0, 60), (-18, 45)], MID)


def sun(c, x, y, s=1.0):
    with c.at(x, y, s):
        for i in range(8):
            a = math.radians(i * 45)
            c.line(math.cos(a) * 28, math.sin(a) * 28, math.cos(a) * 42, math.sin(a) * 42, 5, YELLOW)
        c.circle(0, 0, 22, YELLOW)


def cloud(c, x, y, s=1.0, col=GREY, rain=False):
    with c.at(x, y, s):
        c.circle(-25, 0, 20, col)
        c.circle(0, -10, 26, col)
        c.circle(25, 0, 20, col)
        c.rect(-25, 0, 25, 20, col)
        if rain:
            for dx in (-25, -5, 15, 35):
                c.line(dx, 32, dx - 6, 46, 4, BLUE)


def umbrella(c, x, y, s=1.0, col=RED):
    with c.at(x, y, s):
        c.poly([(-50, 0)] + [(50 * math.cos(math.radians(a)), -40 * math.sin(math.radians(a)))
                             for a in range(0, 181, 15)][::-1] + [(50, 0)], col)
        c.line(0, 0, 0, 50, 5, INK)
        c.arc(-8, 50, 8, 0, 180, 5, INK)


def hat(c, x, y, s=1.0, col=YELLOW):
    with c.at(x, y, s):
        c.ellipse(0, 10, 50, 10, col)
        c.ellipse(0, -5, 28, 22, col)
        c.rect(-28, 0, 28, 6, RED)


def eye(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.ellipse(0, 0, 50, 26, WHITE)
        c.circle(0, 0, 20, BLUE)
        c.circle(0, 0, 9, INK)
        c.circle(6, -6, 4, WHITE)
        c.arc(0, 30, 58, 222, 318, 4, INK)


def ear(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.ellipse(0, 0, 30, 45, SKIN)
        c.ellipse(2, -2, 18, 32, SKIN2)
        c.ellipse(6, 0, 12, 24, SKIN)
        c.ellipse(-10, 28, 12, 14, SKIN)


def nose(c, x, y, s=1.0):
    """A face with a big nose smelling a flower."""
    with c.at(x, y, s):
        c.circle(-15, 0, 45, SKIN)
        c.circle(-30, -15, 5, INK)
        c.circle(0, -15, 5, INK)
        c.poly([(-15, -12), (5, 18), (-15, 22), (-35, 18)], SKIN2)
        c.circle(-22, 18, 4, INK)
        c.circle(-8, 18, 4, INK)
        c.arc(-15, 28, 10, 20, 160, 3, INK)
        c.line(45, 10, 45, 60, 4, GREEN)
        for i in range(5):
            a = math.radians(i * 72)
            c.circle(45 + math.cos(a) * 10, math.sin(a) * 10, 7, PINK)
        c.circle(45, 0, 6, YELLOW)
        c.arc(22, 2, 10, 150, 210, 2, MID)
        c.arc(22, 2, 16, 150, 210, 2, MID)


def mouth(c, x, y, s=1.0):
    """A face with an open mouth about to taste an apple."""
    with c.at(x, y, s):
        c.circle(-15, 0, 45, SKIN)
        c.circle(-30, -15, 5, INK)
        c.circle(0, -15, 5, INK)
        c.ellipse(-15, 20, 16, 12, RED)
        c.ellipse(-15, 25, 9, 5, PINK)
    apple(c, x + 48 * s, y + 10 * s, 0.7 * s)


def hand(c, x, y, s=1.0, col=SKIN):
    with c.at(x, y, s):
        c.rrect(-28, -10, 28, 45, 14, col)
        for i, (dx, h) in enumerate(((-20, 40), (-7, 50), (6, 48), (19, 40))):
            c.rrect(dx - 5, -h, dx + 5, 0, 5, col)
        c.line(-26, 20, -46, -8, 11, col)


def note(c, x, y, s=1.0, col=PURPLE):
    """A music note."""
    with c.at(x, y, s):
        c.ellipse(-18, 30, 14, 10, col)
        c.ellipse(26, 20, 14, 10, col)
        c.rect(-8, -30, -2, 30, col)
        c.rect(36, -40, 42, 20, col)
        c.poly([(-8, -30), (42, -40), (42, -28), (-8, -18)], col)


def document(c, x, y, s=1.0, kind="text", col=WHITE):
    """A paper sheet with a folded corner: 'text', 'picture', 'sound'."""
    with c.at(x, y, s):
        c.poly([(-40, -50), (20, -50), (40, -30), (40, 50), (-40, 50)], col)
        c.poly([(20, -50), (20, -30), (40, -30)], GREY)
        if kind == "text":
            for i in range(6):
                c.rect(-28, -32 + i * 13, 28 - (i % 3) * 10, -27 + i * 13, MID)
        elif kind == "picture":
            c.rect(-30, -22, 30, 38, LIGHTBLUE)
            c.circle(14, -8, 8, YELLOW)
            c.poly([(-30, 38), (-8, 8), (14, 38)], GREEN)
        elif kind == "sound":
            note(c, 0, 5, 0.6)


def folder(c, x, y, s=1.0, col=YELLOW, open_=False):
    with c.at(x, y, s):
        c.rrect(-60, -45, -10, -25, 6, (220, 170, 40))
        c.rrect(-60, -35, 60, 45, 8, (220, 170, 40))
        if open_:
            c.poly([(-50, -20), (50, -20), (45, 5), (-55, 5)], WHITE)
        c.rrect(-60, -25, 60, 45, 8, col)


def book(c, x, y, s=1.0, col=BLUE):
    with c.at(x, y, s):
        c.rrect(-45, -55, 45, 55, 6, col)
        c.rect(-45, -55, -33, 55, NAVY)
        c.rect(-20, -30, 30, -20, WHITE)


def apple(c, x, y, s=1.0, col=RED):
    with c.at(x, y, s):
        c.circle(-8, 0, 18, col)
        c.circle(8, 0, 18, col)
        c.circle(0, 8, 16, col)
        c.line(0, -16, 4, -28, 4, BROWN)
        c.ellipse(12, -24, 8, 4, GREEN)


def ball(c, x, y, s=1.0, col=BLUE):
    with c.at(x, y, s):
        c.circle(0, 0, 20, col)
        c.arc(0, 0, 20, 200, 340, 4, WHITE)
        c.arc(0, 0, 20, 20, 160, 4, WHITE)


def dots(c, x, y, n, s=1.0, col=INK):
    """A die face with n dots (1..6): a number without letters."""
    pos = {1: [(0, 0)], 2: [(-1, -1), (1, 1)], 3: [(-1, -1), (0, 0), (1, 1)],
           4: [(-1, -1), (1, -1), (-1, 1), (1, 1)], 5: [(-1, -1), (1, -1), (0, 0), (-1, 1), (1, 1)],
           6: [(-1, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (1, 1)]}[n]
    with c.at(x, y, s):
        c.rrect(-40, -40, 40, 40, 12, WHITE)
        for dx, dy in pos:
            c.circle(dx * 22, dy * 22, 8, col)


def traffic_light(c, x, y, s=1.0, on="red"):
    with c.at(x, y, s):
        c.rrect(-30, -80, 30, 80, 12, INK)
        c.rect(-5, 80, 5, 120, INK)
        c.circle(0, -50, 18, RED if on == "red" else (90, 40, 40))
        c.circle(0, 0, 18, YELLOW if on == "yellow" else (100, 90, 40))
        c.circle(0, 50, 18, GREEN if on == "green" else (40, 80, 40))


def clock(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.circle(0, 0, 40, INK)
        c.circle(0, 0, 34, WHITE)
        c.line(0, 0, 0, -24, 5, INK)
        c.line(0, 0, 18, 0, 5, INK)
        for i in range(12):
            a = math.radians(i * 30)
            c.circle(math.cos(a) * 28, math.sin(a) * 28, 2, INK)


def tree(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.rect(-8, 0, 8, 50, BROWN)
        c.circle(0, -20, 34, GREEN)
        c.circle(-22, 0, 22, GREEN)
        c.circle(22, 0, 22, GREEN)


def window(c, x0, y0, x1, y1):
    c.rect(x0, y0, x1, y1, WHITE)
    c.rect(x0 + 6, y0 + 6, x1 - 6, y1 - 6, LIGHTBLUE)
    c.rect((x0 + x1) / 2 - 3, y0, (x0 + x1) / 2 + 3, y1, WHITE)


def desk_scene(c, posture="good"):
    """A child at a computer desk, seen from the side: 'good' or 'bad' posture."""
    c.rect(0, 200, 320, 240, LIGHTBROWN)                    # floor
    c.rect(150, 120, 300, 130, BROWN)                       # desk top
    c.rect(280, 130, 292, 200, BROWN)
    # monitor seen from the side, on the far end of the desk
    c.rect(262, 60, 272, 120, INK)
    c.rect(255, 112, 285, 120, INK)
    c.rect(258, 55, 266, 105, BLUE)
    # chair
    c.rect(60, 140, 140, 150, DARK)
    c.rect(60, 70, 70, 150, DARK)
    c.rect(70, 150, 78, 200, DARK)
    c.rect(125, 150, 133, 200, DARK)
    if posture == "good":
        c.rrect(72, 60, 110, 142, 14, BLUE)                 # back straight
        c.rect(90, 128, 150, 144, NAVY)                     # thigh
        c.rect(136, 140, 150, 196, NAVY)                    # shin: feet on the floor
        c.rrect(134, 192, 166, 200, 4, INK)
        c.line(100, 80, 150, 115, 10, SKIN)                 # arm to the keyboard
        face(c, 94, 35, 0.9, mood="smile")
        c.arrow(130, 30, 245, 30, 4, GREEN, head=12)        # a long distance to the screen
        c.arrow(245, 30, 130, 30, 4, GREEN, head=12)
        tick(c, 40, 30, 0.9)
    else:
        c.poly([(80, 140), (115, 140), (175, 75), (150, 60)], RED)   # bent forward
        c.rect(100, 128, 160, 144, NAVY)
        c.rect(148, 140, 160, 170, NAVY)                   # feet hanging
        c.rrect(146, 168, 178, 176, 4, INK)
        c.line(160, 80, 215, 115, 10, SKIN)
        face(c, 185, 62, 0.9, mood="flat")
        cross(c, 40, 30, 0.9)


def robot_helper(c, x, y, s=1.0, col=LIGHTBLUE):
    """A friendly robot: the executor of algorithms."""
    with c.at(x, y, s):
        c.line(0, -70, 0, -55, 4, INK)
        c.circle(0, -74, 6, RED)
        c.rrect(-35, -55, 35, -5, 12, col)
        c.circle(-14, -32, 8, WHITE)
        c.circle(14, -32, 8, WHITE)
        c.circle(-14, -32, 4, INK)
        c.circle(14, -32, 4, INK)
        c.rect(-12, -16, 12, -12, INK)
        c.rrect(-40, 0, 40, 60, 10, col)
        c.rect(-15, 15, 15, 40, WHITE)
        c.circle(0, 27, 6, ORANGE)
        c.rect(-30, 60, -12, 80, DARK)
        c.rect(12, 60, 30, 80, DARK)
        c.line(-40, 10, -55, 40, 8, DARK)
        c.line(40, 10, 55, 40, 8, DARK)


def montage(c, painters):
    """Draws 2-4 design-space painters (functions of the canvas) side by side, each in its own cell:
    used for matching quizzes, where one picture shows all the things to match."""
    n = len(painters)
    if n <= 2:
        k = 1.0 / n
        for i, paint in enumerate(painters):
            with c.at(i * 320 * k, (240 - 240 * k) / 2, k):
                paint(c)
        return
    cells = [(0, 0), (160, 0), (80, 120)] if n == 3 else [(0, 0), (160, 0), (0, 120), (160, 120)]
    for (x, y), paint in zip(cells, painters):
        with c.at(x, y, 0.5):
            paint(c)


def sock(c, x, y, s=1.0, col=BLUE):
    with c.at(x, y, s):
        c.rrect(-20, -60, 20, 20, 8, col)
        c.rrect(-20, 0, 45, 35, 17, col)
        c.rect(-20, -60, 20, -48, WHITE)


def shoe(c, x, y, s=1.0, col=BROWN):
    with c.at(x, y, s):
        c.rrect(-45, -10, 50, 25, 12, col)
        c.rrect(-45, -40, 0, 10, 10, col)
        c.rect(-50, 20, 55, 30, INK)
        for i in range(3):
            c.line(-35 + i * 10, -25 + i * 8, -15 + i * 10, -25 + i * 8, 3, WHITE)
