n = 2024
print(format(n, "b"), format(n, "o"), format(n, "x"), format(n, "X"))
print(int("11111101000", 2), int("7e8", 16), int("3750", 8), int("0x1F", 16))
b = ""
m = 13
while m > 0:
    b = str(m % 2) + b
    m //= 2
print(b)
