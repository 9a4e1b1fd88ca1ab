n = 5
print(f"{'i':>3} | {'cubes':>8} | {'half':>8}")
print("-" * 26)
total = 0
for i in range(1, n + 1):
    v = i ** 3
    total += v
    print(f"{i:>3} | {v:>8} | {v / 2:>8.1f}")
print(f"Барлығы: {total:,}")
