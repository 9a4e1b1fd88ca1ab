def fact(n):
    if n == 0:
        return 1
    return n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b

print([fact(i) for i in range(10)])
print([fib(i) for i in range(15)])
print(power(3, 13), fact(20))
