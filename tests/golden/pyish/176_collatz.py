def collatz(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
best = 1
for i in range(1, 1000):
    if collatz(i) > collatz(best):
        best = i
print(best, collatz(best), [collatz(k) for k in range(1, 11)])
