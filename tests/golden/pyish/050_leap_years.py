def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

for y in [1900, 2000, 2020, 2023, 2024, 2100]:
    print(y, is_leap(y))
print([y for y in range(2000, 2030) if is_leap(y)])
