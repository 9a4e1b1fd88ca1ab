#!/usr/bin/env python3
"""Draws the pictures of lessons/grade1 (ours, CC BY 4.0, Sandyq, like the pack) with the standard
library only: python3 tools/pictures/grade1.py   (shared shapes: tools/pictures/draw.py)
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw import *  # noqa: E402,F401,F403
import draw as d  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


def one(fn, *args, **kw):
    """A picture that is just one design-space object."""
    def make(c=None):
        c = c or d.Canvas()
        fn(c, *args, **kw)
        return c
    return make


def devices_family(c=None):
    c = c or d.Canvas()
    with c.at(-10, 20, 0.6):
        d.computer(c)
    with c.at(165, 30, 0.55):
        d.tablet(c)
    with c.at(200, 90, 0.6):
        d.phone(c)
    return c


def sit(posture):
    def make(c=None):
        c = c or d.Canvas()
        d.desk_scene(c, posture)
        return c
    return make


def eyes_rest(c=None):
    c = c or d.Canvas()
    d.window(c, 170, 20, 310, 150)
    with c.at(0, 0, 1):
        c.rect(176, 110, 304, 144, d.LIGHTGREEN)
        d.tree(c, 270, 100, 0.6)
        d.sun(c, 200, 50, 0.5)
    c.rect(0, 200, 320, 240, d.LIGHTBROWN)
    d.child(c, 90, 110, 0.9, mood="smile")
    c.arrow(130, 60, 220, 80, 4, d.GREEN, head=12)
    d.clock(c, 40, 40, 0.6)
    return c


def mouse_click(double=False):
    def make(c=None):
        c = c or d.Canvas()
        d.mouse(c, "left")
        c.arc(110, 70, 30, 200, 250, 4, d.ORANGE)
        c.arc(110, 70, 44, 200, 250, 4, d.ORANGE)
        if double:
            c.arc(110, 70, 58, 200, 250, 4, d.ORANGE)
            c.circle(240, 90, 16, d.ORANGE)
            c.circle(282, 90, 16, d.ORANGE)
        else:
            c.circle(260, 90, 16, d.ORANGE)
        return c
    return make


def mouse_drag(c=None):
    c = c or d.Canvas()
    d.folder(c, 250, 150, 0.9)
    d.document(c, 70, 90, 0.7, kind="picture")
    c.arrow(115, 95, 215, 135, 5, d.ORANGE, head=16)
    with c.at(110, 150, 0.35):
        d.mouse(c, "left")
    return c


def files_folder(c=None):
    c = c or d.Canvas()
    d.folder(c, 160, 150, 1.5, open_=True)
    d.document(c, 75, 65, 0.55, kind="picture")
    d.document(c, 160, 55, 0.55, kind="text")
    d.document(c, 245, 65, 0.55, kind="sound")
    return c


def doc(kind):
    def make(c=None):
        c = c or d.Canvas()
        d.document(c, 160, 120, 1.7, kind=kind)
        return c
    return make


def sense(fn, k=1.8):
    def make(c=None):
        c = c or d.Canvas()
        fn(c, 160, 120, k)
        return c
    return make


def info_picture(c=None):
    c = c or d.Canvas()
    c.rect(80, 40, 240, 200, d.BROWN)
    c.rect(92, 52, 228, 188, d.LIGHTBLUE)
    d.sun(c, 190, 95, 0.6)
    c.poly([(92, 188), (140, 110), (190, 188)], d.GREEN)
    c.poly([(150, 188), (190, 135), (228, 188)], d.LIGHTGREEN)
    return c


def info_picture_painter(c):
    c.rect(80, 40, 240, 200, d.BROWN)
    c.rect(92, 52, 228, 188, d.LIGHTBLUE)
    d.sun(c, 190, 95, 0.6)
    c.poly([(92, 188), (140, 110), (190, 188)], d.GREEN)
    c.poly([(150, 188), (190, 135), (228, 188)], d.LIGHTGREEN)


def info_number(c=None):
    c = c or d.Canvas()
    d.dots(c, 100, 120, 3, 1.1)
    d.dots(c, 220, 120, 5, 1.1)
    return c


def apples_mixed(c=None):
    c = c or d.Canvas()
    cols = [d.RED, d.GREEN, d.YELLOW, d.RED, d.GREEN, d.RED, d.YELLOW, d.RED, d.GREEN]
    pos = [(50, 60), (120, 50), (200, 70), (270, 55), (80, 130), (160, 125), (240, 140), (60, 200), (180, 195)]
    for (x, y), col in zip(pos, cols):
        d.apple(c, x, y, 1.1, col)
    return c


def apples_chart(c=None):
    c = c or d.Canvas()
    d.chart(c, [4, 3, 2], [d.RED, d.GREEN, d.YELLOW])
    for i, col in enumerate([d.RED, d.GREEN, d.YELLOW]):
        d.apple(c, 98 + i * 66.6, 222, 0.5, col)
    return c


def sort_toys(c=None):
    c = c or d.Canvas()
    c.rrect(10, 130, 150, 230, 12, d.LIGHTBLUE)
    c.rrect(170, 130, 310, 230, 12, d.PINK)
    d.ball(c, 50, 180, 1.0, d.BLUE)
    d.ball(c, 110, 185, 0.9, d.BLUE)
    d.apple(c, 215, 180, 0.9, d.RED)
    d.apple(c, 270, 185, 0.8, d.RED)
    d.ball(c, 90, 60, 1.0, d.BLUE)
    d.apple(c, 230, 60, 1.0, d.RED)
    c.arrow(90, 88, 80, 140, 4, d.DARK, head=12)
    c.arrow(230, 88, 240, 140, 4, d.DARK, head=12)
    return c


def password_lock(c=None):
    c = c or d.Canvas()
    d.lock(c, 120, 120, 1.3)
    d.key(c, 240, 190, 0.9)
    d.shield(c, 265, 70, 0.7)
    return c


def chat(kind):
    def make(c=None):
        c = c or d.Canvas()
        d.chat_phone(c, kind)
        return c
    return make


def personal_data(c=None):
    c = c or d.Canvas()
    d.house(c, 70, 150, 0.9)
    d.pin(c, 70, 65, 0.9)
    with c.at(120, 10, 0.85):
        d.phone(c, content="none")
    c.circle(222, 85, 18, d.GREEN)
    c.rrect(208, 104, 236, 140, 8, d.GREEN)
    d.face(c, 222, 84, 0.55)
    d.child(c, 270, 110, 0.0001)
    d.lock(c, 275, 175, 0.55)
    return c


def trusted_adult(c=None):
    c = c or d.Canvas()
    c.rect(0, 200, 320, 240, d.LIGHTBROWN)
    d.adult(c, 100, 95, 0.95, shirt=d.GREEN)
    d.child(c, 190, 125, 0.75, shirt=d.ORANGE, girl=True)
    with c.at(220, 70, 0.28):
        d.monitor(c)
    d.heart(c, 150, 30, 0.8)
    return c


def stranger_scene(c=None):
    c = c or d.Canvas()
    with c.at(-40, 0, 1):
        d.chat_phone(c, "stranger")
    d.stranger(c, 270, 120, 1.1)
    return c


def sources(c=None):
    c = c or d.Canvas()
    d.book(c, 70, 120, 1.0, d.BLUE)
    d.adult(c, 170, 110, 0.75, shirt=d.PURPLE)
    with c.at(210, 50, 0.45):
        d.tablet(c)
    d.tick(c, 290, 40, 0.8)
    return c


def rumour(c=None):
    c = c or d.Canvas()
    with c.at(0, 0, 1):
        d.chat_phone(c, "stranger")
    d.question(c, 40, 120, 2.0)
    d.question(c, 285, 120, 2.0)
    return c


def teeth(step):
    def make(c=None):
        c = c or d.Canvas()
        if step == 1:
            d.paste_tube(c, 110, 90, 1.3)
            d.toothbrush(c, 170, 180, 1.3, paste=True)
        elif step == 2:
            d.tooth(c, 110, 120, 1.5, shine=False)
            d.toothbrush(c, 220, 140, 1.1, paste=True)
            c.arrow(180, 90, 180, 60, 4, d.BLUE, head=10)
            c.arrow(180, 190, 180, 220, 4, d.BLUE, head=10)
        elif step == 3:
            d.cup(c, 160, 130, 2.0)
            for x, y in ((120, 50), (160, 35), (200, 50)):
                c.ellipse(x, y, 6, 9, d.BLUE)
        else:
            d.tooth(c, 160, 130, 1.9, shine=True)
        return c
    return make


def plant(step):
    def make(c=None):
        c = c or d.Canvas()
        c.rect(0, 215, 320, 240, d.LIGHTBROWN)
        if step == 1:
            d.pot(c, 120, 160, 1.4)
            d.shovel(c, 230, 130, 1.2)
        elif step == 2:
            d.pot(c, 160, 160, 1.4)
            d.seed(c, 160, 90, 1.5)
            c.arrow(160, 110, 160, 128, 4, d.DARK, head=10)
        elif step == 3:
            d.pot(c, 220, 160, 1.4)
            d.watering_can(c, 90, 100, 1.0)
        elif step == 4:
            d.pot(c, 160, 165, 1.4)
            d.sprout(c, 160, 140, 1.2, big=True)
            d.sun(c, 270, 50, 0.8)
        return c
    return make


def rain_umbrella(c=None):
    c = c or d.Canvas()
    d.cloud(c, 90, 60, 1.2, rain=True)
    d.umbrella(c, 230, 140, 1.2)
    c.arrow(150, 100, 175, 115, 5, d.DARK, head=14)
    return c


def sun_hat(c=None):
    c = c or d.Canvas()
    d.sun(c, 90, 80, 1.2)
    d.hat(c, 230, 140, 1.3)
    c.arrow(150, 100, 175, 115, 5, d.DARK, head=14)
    return c


def repeat_steps(c=None):
    c = c or d.Canvas()
    c.arc(160, 120, 80, -60, 240, 10, d.GREEN)
    c.poly([(200, 40), (240, 60), (190, 85)], d.GREEN)
    for i in range(3):
        d.hand(c, 110 + i * 50, 130, 0.45, col=d.SKIN)
    return c


def traffic(on):
    def make(c=None):
        c = c or d.Canvas()
        d.traffic_light(c, 160, 100, 1.1, on=on)
        return c
    return make


def at_centre(fn, k=1.0):
    """A painter for draw.montage from a function drawn at (x, y, scale)."""
    return lambda c: fn(c, 160, 120, k)


def mont(*painters):
    def make(c=None):
        c = c or d.Canvas()
        d.montage(c, list(painters))
        return c
    return make


def socks_shoes(c=None):
    c = c or d.Canvas()
    d.sock(c, 80, 130, 1.3)
    c.arrow(135, 120, 175, 120, 6, d.DARK, head=16)
    d.shoe(c, 245, 140, 1.2)
    return c


PICTURES = {
    "computer": one(d.computer),
    "devices": devices_family,
    "monitor": one(d.monitor),
    "keyboard": one(d.keyboard),
    "mouse": one(d.mouse),
    "printer": one(d.printer),
    "headphones": one(d.headphones),
    "microphone": one(d.microphone),
    "speakers": one(d.speakers),
    "tablet": one(d.tablet),
    "phone": one(d.phone),
    "system-unit": one(d.system_unit),
    "sit-good": sit("good"),
    "sit-bad": sit("bad"),
    "eyes-rest": eyes_rest,
    "mouse-click": mouse_click(False),
    "mouse-double": mouse_click(True),
    "mouse-drag": mouse_drag,
    "key-enter": one(d.key_symbol, "enter"),
    "key-backspace": one(d.key_symbol, "backspace"),
    "key-space": one(d.key_symbol, "space"),
    "keyboard-letters": one(d.keyboard, "letters"),
    "folder": files_folder,
    "file-picture": doc("picture"),
    "file-text": doc("text"),
    "file-sound": doc("sound"),
    "eye": sense(d.eye, 2.2),
    "ear": sense(d.ear, 2.0),
    "nose": sense(d.nose, 2.0),
    "mouth": sense(d.mouth, 2.0),
    "hand": sense(d.hand, 1.8),
    "info-picture": info_picture,
    "info-sound": sense(d.note, 2.0),
    "info-number": info_number,
    "apples": apples_mixed,
    "apples-chart": apples_chart,
    "sort-toys": sort_toys,
    "password": password_lock,
    "chat-password": chat("password"),
    "chat-address": chat("ask_address"),
    "chat-kind": chat("kind"),
    "chat-unkind": chat("unkind"),
    "stranger": stranger_scene,
    "personal-data": personal_data,
    "trusted-adult": trusted_adult,
    "sources": sources,
    "book": sense(d.book, 1.6),
    "rumour": rumour,
    "teeth-1": teeth(1),
    "teeth-2": teeth(2),
    "teeth-3": teeth(3),
    "teeth-4": teeth(4),
    "plant-1": plant(1),
    "plant-2": plant(2),
    "plant-3": plant(3),
    "plant-4": plant(4),
    "rain-umbrella": rain_umbrella,
    "sun-hat": sun_hat,
    "repeat": repeat_steps,
    "traffic-red": traffic("red"),
    "socks-shoes": socks_shoes,
    "io-devices": mont(d.microphone, d.speakers, d.printer, d.mouse),
    "keys": mont(lambda c: d.key_symbol(c, "space"), lambda c: d.key_symbol(c, "enter"), lambda c: d.key_symbol(c, "backspace")),
    "review-computer": mont(d.monitor, d.microphone, d.mouse, at_centre(d.folder, 1.6)),
    "senses": mont(at_centre(d.nose, 1.8), at_centre(d.mouth, 1.8), at_centre(d.eye, 2.2), at_centre(d.ear, 2.0)),
    "info-kinds": mont(at_centre(d.book, 1.6), at_centre(d.note, 2.0), info_picture_painter, at_centre(lambda c, x, y, s: d.dots(c, x, y, 5, s), 1.8)),
}


def main(out=ROOT / "lessons" / "grade1" / "assets", only=None):
    out.mkdir(parents=True, exist_ok=True)
    for name, make in PICTURES.items():
        if only and name not in only:
            continue
        make().save(out / f"{name}.png")


if __name__ == "__main__":
    main(only=set(sys.argv[1:]) or None)
