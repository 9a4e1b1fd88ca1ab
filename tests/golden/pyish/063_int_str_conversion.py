a = "25"
b = "17"
print(a + b, int(a) + int(b), str(int(a) * 2) + "!")
print(int("  -8 "), float("1_000.5"), int(7.9), int(-7.9), str(-0.5))
print(len(str(2 ** 60)), str(True), str(None), str([1, "a"]))
