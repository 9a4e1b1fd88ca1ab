fib = [0, 1]
while len(fib) < 20:
    fib.append(fib[-1] + fib[-2])
print(fib)
print([x for x in fib if x % 2 == 0])
print(sum(fib), fib[-1] / fib[-2])
