x = 100
y = 7
print(x + y, x - y, x * y, x / y)
print(x // y, x % y, round(x ** 2, 4), abs(x - y))
print(f"{x:.3f} {y:8.2f} {x / y:.5f} {x * y:,.2f}")
print(max(x, y), min(x, y), x > y, x == y, round(x / y, 1))
