def square(x):
    return x * x

def sum_of_squares(n):
    total = 0
    for i in range(1, n + 1):
        total += square(i)
    return total

def describe(n):
    s = sum_of_squares(n)
    return f"1..{n}: {s}"

for n in [1, 5, 10, 100]:
    print(describe(n))
