n = list(range(10))
print(n[2:7], n[::3], n[::-1], n[-3:], n[:-3], n[7:2:-1], n[100:], n[-100:2])
n[2:5] = ["a", "b"]
print(n)
del n[0]
print(n)
