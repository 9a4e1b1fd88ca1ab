a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b)
print(2 ** 0, 2 ** 1, 2 ** 62, 10 ** 18)
print(7 / 7, 1 / 4, 10 / 3, 2 / 3)
