name = "Дана"
age = 11
h = 1.456
print(f"{name} {age} жаста, бойы {h:.2f} м")
print(f"|{name:>8}|{name:<8}|{name:^8}|")
print(f"{age:05d} {age:+d} {age:x} {age:b} {1234567:,}")
print(f"{h:.0f} {h:10.3f} {h*100:.1f}% {0.256:.1%}")
print(f"{'ok'!r} {[1, 2]} {None} {True} {3 > 2}")
w = 6
print(f"{age:{w}d}|{'x' * 3}|{{literal}}")
