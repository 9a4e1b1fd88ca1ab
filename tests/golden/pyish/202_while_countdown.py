n = 10
while n > 0:
    print(n, end=" ")
    n -= 3
print("Старт!")
k = 1
while k < 1000:
    k *= 3
print(k)
