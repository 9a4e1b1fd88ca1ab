#!/usr/bin/env python3
"""Draws the pictures of lessons/example (ours, CC BY 4.0 like the pack) with the standard
library only (zlib + struct), so they are reproducible: python3 tests/packs/make_example_pictures.py
"""
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def png(path, w, h, pixels):
    raw = b"".join(b"\x00" + bytes(v for px in pixels[y * w:(y + 1) * w] for v in px) for y in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
    data += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    path.write_bytes(data)


class Canvas:
    def __init__(self, w, h, bg):
        self.w, self.h = w, h
        self.px = [bg] * (w * h)

    def rect(self, x0, y0, x1, y1, c):
        for y in range(max(0, y0), min(self.h, y1)):
            for x in range(max(0, x0), min(self.w, x1)):
                self.px[y * self.w + x] = c

    def ellipse(self, cx, cy, rx, ry, c):
        for y in range(cy - ry, cy + ry + 1):
            for x in range(cx - rx, cx + rx + 1):
                if 0 <= x < self.w and 0 <= y < self.h and ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1:
                    self.px[y * self.w + x] = c


def computer():
    c = Canvas(160, 120, (250, 246, 232))
    c.rect(30, 10, 130, 72, (40, 44, 52))      # monitor frame
    c.rect(36, 16, 124, 66, (70, 150, 220))    # screen
    c.ellipse(96, 34, 10, 10, (250, 210, 60))  # a sun on the screen
    c.rect(36, 52, 124, 66, (90, 170, 90))     # grass on the screen
    c.rect(74, 72, 86, 84, (40, 44, 52))       # stand
    c.rect(60, 84, 100, 88, (40, 44, 52))
    c.rect(20, 94, 110, 112, (200, 200, 205))  # keyboard
    for row in range(3):
        for col in range(11):
            c.rect(23 + col * 8, 96 + row * 5, 29 + col * 8, 100 + row * 5, (120, 120, 130))
    c.ellipse(132, 102, 8, 11, (200, 200, 205))  # mouse
    c.rect(131, 92, 133, 100, (120, 120, 130))
    return c


def main():
    out = ROOT / "lessons" / "example" / "assets"
    out.mkdir(parents=True, exist_ok=True)
    c = computer()
    png(out / "computer.png", c.w, c.h, c.px)


if __name__ == "__main__":
    main()
