x = 5
print(1 < x < 10, 1 < x > 10, x == 5.0, x != 5, 3 <= 3 < 4)
print("abc" < "abd", "Z" < "a", [1, 2] < [1, 3], (1, 2) == (1, 2))
print(None is None, x is not None, 5 in [1, 5], "a" not in "bcd")
print(True + True, True == 1, False < True)
