n = 90817263545
digits = [int(d) for d in str(n)]
print(digits, sum(digits), max(digits), min(digits))
print(sorted(digits), sorted(digits, reverse=True))
print("".join(sorted(str(n))))
