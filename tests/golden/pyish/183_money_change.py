amount = 3780
coins = [2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1]
result = {}
for c in coins:
    if amount >= c:
        result[c] = amount // c
        amount %= c
print(result)
