#!/usr/bin/env python3
"""Draws the pictures of lessons/grade2 (ours, CC BY 4.0, Sandyq, like the pack) with the standard
library only: python3 tools/pictures/grade2.py   (shared shapes: draw.py; grade 1 scenes: grade1.py)
"""
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import draw as d  # noqa: E402
import grade1 as g1  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
one, sense, chat, doc = g1.one, g1.sense, g1.chat, g1.doc


def no_food(c=None):
    c = c or d.Canvas()
    with c.at(20, 60, 0.6):
        d.keyboard(c)
    d.cup(c, 230, 110, 1.3, col=d.ORANGE)
    c.ellipse(120, 190, 60, 12, d.LIGHTBROWN)
    d.cross(c, 275, 45, 1.0)
    return c


def clean_hands(c=None):
    c = c or d.Canvas()
    d.hand(c, 110, 130, 1.5)
    for x, y in ((190, 70), (215, 110), (195, 150), (225, 185)):
        c.ellipse(x, y, 8, 12, d.BLUE)
    d.tick(c, 270, 45, 1.0)
    return c


def power_button(c=None):
    c = c or d.Canvas()
    c.circle(160, 120, 80, d.DARK)
    c.circle(160, 120, 68, d.GREY)
    c.arc(160, 126, 38, -60, 240, 12, d.GREEN)
    c.line(160, 70, 160, 118, 12, d.GREEN)
    return c


def screen_time(c=None):
    c = c or d.Canvas()
    d.clock(c, 80, 120, 1.4)
    with c.at(150, 40, 0.5):
        d.tablet(c)
    c.arrow(130, 120, 165, 120, 5, d.DARK, head=12)
    d.tree(c, 270, 150, 0.9)
    c.rect(230, 200, 310, 206, d.GREEN)
    return c


def eye_gym(c=None):
    c = c or d.Canvas()
    d.face(c, 160, 130, 2.4, mood="smile")
    for a0 in (200, 20):
        c.arc(160, 118, 95, a0, a0 + 60, 5, d.ORANGE)
    c.arrow(70, 60, 60, 80, 5, d.ORANGE, head=14)
    c.arrow(250, 180, 260, 160, 5, d.ORANGE, head=14)
    return c


def nested_folders(c=None):
    c = c or d.Canvas()
    d.folder(c, 80, 130, 1.0, col=d.YELLOW)
    c.arrow(150, 130, 180, 130, 5, d.DARK, head=12)
    d.folder(c, 245, 130, 0.9, col=d.YELLOW, open_=True)
    d.folder(c, 225, 145, 0.35, col=d.ORANGE)
    d.document(c, 262, 150, 0.3, kind="picture")
    return c


def save_file(c=None):
    c = c or d.Canvas()
    d.document(c, 90, 100, 1.0, kind="picture")
    c.arrow(140, 100, 200, 140, 6, d.GREEN, head=16)
    d.folder(c, 245, 160, 0.9)
    d.tick(c, 280, 50, 0.9)
    return c


def mouse_scroll(c=None):
    c = c or d.Canvas()
    d.mouse(c, "wheel")
    c.arrow(240, 120, 240, 50, 6, d.ORANGE, head=16)
    c.arrow(240, 140, 240, 210, 6, d.ORANGE, head=16)
    return c


def mouse_right(c=None):
    c = c or d.Canvas()
    d.mouse(c, "right")
    c.rrect(225, 60, 310, 150, 6, d.WHITE)
    for i in range(4):
        c.rect(235, 72 + i * 20, 295 - (i % 2) * 15, 80 + i * 20, d.MID)
    return c


def info_actions(which):
    def make(c=None):
        c = c or d.Canvas()
        if which == "collect":
            d.eye(c, 100, 120, 1.1)
            d.ear(c, 230, 120, 1.3)
        elif which == "store":
            d.book(c, 90, 120, 1.2)
            with c.at(130, 30, 0.6):
                d.flash_drive(c)
            d.folder(c, 230, 180, 0.6)
        elif which == "send":
            with c.at(-60, 0, 0.9):
                d.phone(c)
            c.arrow(145, 120, 195, 120, 6, d.ORANGE, head=16)
            c.rect(210, 80, 300, 150, d.WHITE)
            c.poly([(210, 80), (255, 120), (300, 80)], d.GREY)
            c.line(210, 80, 255, 120, 3, d.MID)
            c.line(300, 80, 255, 120, 3, d.MID)
        elif which == "process":
            d.dots(c, 60, 120, 2, 0.8)
            c.line(105, 120, 125, 120, 5, d.INK)
            c.line(115, 110, 115, 130, 5, d.INK)
            d.dots(c, 170, 120, 3, 0.8)
            c.rect(215, 110, 240, 115, d.INK)
            c.rect(215, 125, 240, 130, d.INK)
            d.dots(c, 280, 120, 5, 0.7)
        return c
    return make


def no_entry(c=None):
    c = c or d.Canvas()
    c.circle(160, 120, 90, d.RED)
    c.rect(95, 105, 225, 135, d.WHITE)
    return c


def crossing_sign(c=None):
    c = c or d.Canvas()
    c.rect(80, 20, 240, 180, d.BLUE)
    c.poly([(160, 40), (230, 165), (90, 165)], d.WHITE)
    with c.at(160, 125, 0.55):
        c.circle(0, -45, 10, d.INK)
        c.line(0, -32, -4, 5, 9, d.INK)
        c.line(-4, 5, -20, 40, 8, d.INK)
        c.line(-4, 5, 14, 40, 8, d.INK)
        c.line(-2, -25, 20, -8, 7, d.INK)
        c.line(-2, -25, -22, -5, 7, d.INK)
    for i in range(3):
        c.rect(95 + i * 40, 150, 120 + i * 40, 160, d.INK)
    c.rect(155, 180, 165, 235, d.MID)
    return c


def emojis(c=None):
    c = c or d.Canvas()
    d.smiley(c, 70, 120, 2.3, "smile")
    d.smiley(c, 170, 120, 2.3, "sad", col=d.LIGHTBLUE)
    d.smiley(c, 270, 120, 2.3, "angry", col=d.ORANGE)
    return c


def weather_icon(kind, c, x, y, s):
    if kind == "sun":
        d.sun(c, x, y, s)
    elif kind == "cloud":
        d.cloud(c, x, y, s)
    else:
        d.cloud(c, x, y - 6 * s, s, rain=True)


DAYS = ["sun", "rain", "sun", "cloud", "sun"]


def weather_table(c=None):
    c = c or d.Canvas()
    c.rect(10, 40, 310, 200, d.WHITE)
    for i in range(6):
        c.rect(10 + i * 60, 40, 13 + i * 60, 200, d.MID)
    c.rect(10, 40, 310, 43, d.MID)
    c.rect(10, 100, 310, 103, d.MID)
    c.rect(10, 197, 310, 200, d.MID)
    for i, kind in enumerate(DAYS):
        x = 40 + i * 60
        for j in range(i + 1):
            c.circle(x - (i * 5) + j * 10, 72, 3.5, d.INK)
        weather_icon(kind, c, x, 150, 0.55)
    return c


def weather_chart(c=None):
    c = c or d.Canvas()
    d.chart(c, [3, 1, 1], [d.YELLOW, d.GREY, d.BLUE])
    weather_icon("sun", c, 98, 222, 0.3)
    weather_icon("cloud", c, 164, 222, 0.3)
    weather_icon("rain", c, 231, 222, 0.3)
    return c


def pw_row(c, y, n, colours):
    for i in range(n):
        col = colours[i % len(colours)]
        x = 60 + i * 24
        if i % 3 == 0:
            c.circle(x, y, 9, col)
        elif i % 3 == 1:
            c.rect(x - 8, y - 8, x + 8, y + 8, col)
        else:
            c.poly([(x, y - 10), (x + 10, y + 8), (x - 10, y + 8)], col)


def password_weak(c=None):
    c = c or d.Canvas()
    d.lock(c, 160, 90, 0.9, body=d.GREY, open_=True)
    c.rrect(40, 170, 280, 210, 10, d.WHITE)
    for i in range(3):
        c.circle(70 + i * 24, 190, 9, d.MID)
    d.cross(c, 270, 50, 0.9)
    return c


def password_strong(c=None):
    c = c or d.Canvas()
    d.lock(c, 160, 90, 0.9)
    c.rrect(40, 170, 300, 210, 10, d.WHITE)
    pw_row(c, 190, 10, [d.RED, d.BLUE, d.GREEN, d.PURPLE, d.ORANGE])
    d.tick(c, 270, 50, 0.9)
    return c


def photo_location(c=None):
    c = c or d.Canvas()
    with c.at(-50, 0, 1):
        d.phone(c, screen=d.LIGHTBLUE, content="none")
        d.house(c, 160, 130, 0.5)
        d.pin(c, 160, 75, 0.7)
    d.stranger(c, 250, 130, 1.0)
    c.arrow(165, 120, 205, 120, 5, d.RED, head=12)
    return c


def game_chat(c=None):
    c = c or d.Canvas()
    c.rrect(30, 140, 190, 215, 30, d.DARK)
    c.rect(58, 170, 90, 180, d.GREY)
    c.rect(69, 159, 79, 191, d.GREY)
    c.circle(150, 165, 8, d.RED)
    c.circle(168, 185, 8, d.GREEN)
    d.bubble(c, 150, 20, 300, 110, d.WHITE, tail="left")
    d.stranger(c, 190, 75, 0.5)
    c.rect(222, 55, 232, 85, d.GREEN)
    c.rect(212, 65, 242, 75, d.GREEN)
    d.question(c, 270, 62, 0.8)
    return c


def stop_block_tell(c=None):
    c = c or d.Canvas()
    # stop: a raised palm
    c.circle(60, 120, 50, d.RED)
    d.hand(c, 60, 125, 0.7, col=d.WHITE)
    # block: a crossed-out chat bubble
    c.circle(165, 120, 50, d.DARK)
    c.circle(165, 120, 40, d.WHITE)
    d.bubble(c, 140, 100, 190, 130, d.GREY)
    c.line(135, 90, 195, 150, 8, d.RED)
    # tell an adult
    d.adult(c, 265, 105, 0.6, shirt=d.GREEN)
    return c


def ad_prize(c=None):
    c = c or d.Canvas()
    with c.at(0, 0, 1):
        d.tablet(c, screen=d.WHITE, content="none")
    c.rect(105, 120, 215, 185, d.RED)
    c.rect(150, 120, 170, 185, d.YELLOW)
    c.rect(100, 105, 220, 125, d.RED)
    c.rect(150, 105, 170, 125, d.YELLOW)
    c.star(110, 70, 18, d.ORANGE)
    c.star(210, 70, 18, d.ORANGE)
    c.star(160, 60, 12, d.YELLOW)
    d.question(c, 285, 60, 1.3)
    return c


def check_sources(c=None):
    c = c or d.Canvas()
    d.book(c, 60, 120, 0.8)
    d.adult(c, 160, 110, 0.7, shirt=d.PURPLE)
    with c.at(200, 60, 0.4):
        d.computer(c)
    d.tick(c, 160, 210, 0.8)
    return c


# ---- algorithms ----------------------------------------------------------------------------------
def cmd_card(c, x, y, kind, s=1.0):
    with c.at(x, y, s):
        c.rrect(-30, -30, 30, 30, 8, d.BLUE)
        if kind == "forward":
            c.arrow(0, 18, 0, -18, 7, d.WHITE, head=14)
        elif kind == "left":
            c.arc(10, 12, 22, 180, 270, 7, d.WHITE)
            c.poly([(-22, 12), (-4, 12), (-13, 26)], d.WHITE)
            c.poly([(10, -18), (10, -2), (24, -10)], d.WHITE)
        elif kind == "right":
            c.arc(-10, 12, 22, 270, 360, 7, d.WHITE)
            c.poly([(-10, -18), (-10, -2), (-24, -10)], d.WHITE)
            c.poly([(22, 12), (4, 12), (13, 26)], d.WHITE)


def commands(c=None):
    c = c or d.Canvas()
    cmd_card(c, 70, 120, "forward", 1.3)
    cmd_card(c, 160, 120, "left", 1.3)
    cmd_card(c, 250, 120, "right", 1.3)
    return c


def grid(c, cols, rows, x0, y0, cell):
    c.rect(x0, y0, x0 + cols * cell, y0 + rows * cell, d.WHITE)
    for i in range(cols + 1):
        c.rect(x0 + i * cell - 1, y0, x0 + i * cell + 1, y0 + rows * cell, d.MID)
    for j in range(rows + 1):
        c.rect(x0, y0 + j * cell - 1, x0 + cols * cell, y0 + j * cell + 1, d.MID)


def flag(c, x, y, s=1.0):
    with c.at(x, y, s):
        c.rect(-2, -20, 2, 20, d.INK)
        c.poly([(2, -20), (24, -12), (2, -4)], d.RED)


def robot_grid(path=False):
    def make(c=None):
        c = c or d.Canvas()
        grid(c, 5, 3, 35, 45, 50)
        d.robot_helper(c, 60, 180, 0.42)
        flag(c, 260, 170, 1.2)
        c.rect(135, 95, 185, 195, d.DARK)  # a wall the robot goes around
        if path:
            c.polyline([(60, 150), (60, 70), (260, 70)], 6, d.GREEN)
            c.arrow(260, 70, 260, 150, 6, d.GREEN, head=16)
        return c
    return make


def stairs(c=None):
    c = c or d.Canvas()
    for i in range(5):
        c.rect(30 + i * 55, 200 - (i + 1) * 35, 310, 200 - i * 35, d.LIGHTBROWN if i % 2 else d.ORANGE)
    c.rect(0, 200, 320, 240, d.BROWN)
    d.child(c, 70, 110, 0.55, shirt=d.GREEN)
    c.arc(150, 120, 60, -150, -30, 5, d.GREEN)
    c.poly([(195, 80), (210, 95), (192, 102)], d.GREEN)
    return c


def beads(bug=False):
    def make(c=None):
        c = c or d.Canvas()
        c.line(20, 120, 300, 120, 3, d.DARK)
        pattern = [d.RED, d.BLUE, d.RED, d.BLUE, d.RED, d.BLUE, d.RED, d.BLUE]
        if bug:
            pattern[5] = d.RED
        for i, col in enumerate(pattern):
            c.circle(40 + i * 34, 120, 15, col)
        if bug:
            c.ring(40 + 5 * 34, 120, 24, 4, d.ORANGE, d.BG)
            c.circle(40 + 5 * 34, 120, 15, d.RED)
            c.line(40 + 4 * 34 + 15, 120, 40 + 5 * 34 - 15, 120, 3, d.DARK)
            c.line(40 + 5 * 34 + 15, 120, 40 + 6 * 34 - 15, 120, 3, d.DARK)
        return c
    return make


def fork_road(c=None):
    c = c or d.Canvas()
    c.rect(0, 170, 320, 240, d.LIGHTGREEN)
    c.poly([(140, 240), (180, 240), (175, 150), (145, 150)], d.GREY)
    c.poly([(145, 160), (175, 160), (80, 60), (55, 70)], d.GREY)
    c.poly([(145, 160), (175, 160), (265, 70), (240, 60)], d.GREY)
    d.sun(c, 50, 40, 0.6)
    d.cloud(c, 280, 35, 0.6, rain=True)
    d.question(c, 160, 110, 1.2)
    return c


def ladybug(c=None):
    c = c or d.Canvas()
    with c.at(160, 125, 1.6):
        for sgn in (-1, 1):
            for k in (-1, 0, 1):
                c.line(0, k * 18, sgn * 55, k * 25 + 5, 4, d.INK)
        c.circle(0, -45, 20, d.INK)
        c.circle(0, 0, 44, d.RED)
        c.line(0, -44, 0, 44, 3, d.INK)
        for dx, dy in ((-20, -15), (20, -15), (-22, 15), (22, 15), (-8, 30), (8, 30)):
            c.circle(dx, dy, 6, d.INK)
        c.circle(-8, -52, 4, d.WHITE)
        c.circle(8, -52, 4, d.WHITE)
    return c


def sandwich(step):
    def make(c=None):
        c = c or d.Canvas()
        c.ellipse(160, 190, 120, 25, d.WHITE)
        c.ellipse(160, 190, 110, 20, d.LIGHTBLUE)
        if step >= 1:
            c.rrect(70, 150, 250, 180, 10, d.LIGHTBROWN)
            c.rrect(76, 150, 244, 172, 8, (240, 215, 170))
        if step >= 2:
            c.rrect(80, 140, 240, 152, 5, d.YELLOW)
        if step >= 3:
            c.poly([(75, 132), (245, 132), (235, 146), (85, 146)], d.ORANGE)
            for x in (110, 160, 205):
                c.circle(x, 138, 4, (230, 120, 30))
        if step >= 4:
            c.rrect(70, 110, 250, 134, 10, d.LIGHTBROWN)
        return c
    return make


PICTURES = {
    "computer": one(d.computer),
    "laptop": one(d.laptop),
    "tablet": one(d.tablet),
    "phone": one(d.phone),
    "printer": one(d.printer),
    "microphone": one(d.microphone),
    "speakers": one(d.speakers),
    "webcam": one(d.webcam),
    "scanner": one(d.scanner),
    "flash-drive": one(d.flash_drive),
    "no-food": no_food,
    "clean-hands": clean_hands,
    "power": power_button,
    "sit-good": g1.sit("good"),
    "screen-time": screen_time,
    "eye-gym": eye_gym,
    "eyes-rest": g1.eyes_rest,
    "folder": g1.files_folder,
    "file-picture": doc("picture"),
    "nested-folders": nested_folders,
    "save-file": save_file,
    "key-shift": one(d.key_symbol, "shift"),
    "key-arrows": one(d.key_symbol, "arrows"),
    "key-backspace": one(d.key_symbol, "backspace"),
    "key-enter": one(d.key_symbol, "enter"),
    "keyboard-shift": one(d.keyboard, "shift"),
    "mouse-drag": g1.mouse_drag,
    "mouse-scroll": mouse_scroll,
    "mouse-right": mouse_right,
    "info-collect": info_actions("collect"),
    "info-store": info_actions("store"),
    "info-send": info_actions("send"),
    "info-process": info_actions("process"),
    "traffic-red": g1.traffic("red"),
    "traffic-green": g1.traffic("green"),
    "no-entry": no_entry,
    "crossing": crossing_sign,
    "emojis": emojis,
    "weather-table": weather_table,
    "weather-chart": weather_chart,
    "password-weak": password_weak,
    "password-strong": password_strong,
    "chat-password": chat("password"),
    "personal-data": g1.personal_data,
    "photo-location": photo_location,
    "game-chat": game_chat,
    "stranger": g1.stranger_scene,
    "chat-kind": chat("kind"),
    "chat-unkind": chat("unkind"),
    "stop-block-tell": stop_block_tell,
    "ad-prize": ad_prize,
    "sources": check_sources,
    "rumour": g1.rumour,
    "robot": one(d.robot_helper, 160, 140, 1.4),
    "commands": commands,
    "robot-grid": robot_grid(False),
    "robot-path": robot_grid(True),
    "stairs": stairs,
    "beads": beads(False),
    "beads-bug": beads(True),
    "repeat": g1.repeat_steps,
    "fork": fork_road,
    "rain-umbrella": g1.rain_umbrella,
    "sun-hat": g1.sun_hat,
    "ladybug": ladybug,
    "keys": g1.mont(lambda c: d.key_symbol(c, "shift"), lambda c: d.key_symbol(c, "arrows"),
                    lambda c: d.key_symbol(c, "backspace"), lambda c: d.key_symbol(c, "enter")),
    "signs": g1.mont(no_entry, crossing_sign, g1.traffic("green")),
    "info-actions": g1.mont(info_actions("collect"), info_actions("store"), info_actions("send"), info_actions("process")),
    "sandwich-3": sandwich(3),
    "sandwich-4": sandwich(4),
}


def main(out=ROOT / "lessons" / "grade2" / "assets", only=None):
    out.mkdir(parents=True, exist_ok=True)
    for name, make in PICTURES.items():
        if only and name not in only:
            continue
        make().save(out / f"{name}.png")


if __name__ == "__main__":
    main(only=set(sys.argv[1:]) or None)
