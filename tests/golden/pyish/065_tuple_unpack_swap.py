a, b, c = "xyz"
print(a, b, c)
(p, q), r = (1, 2), 3
print(p, q, r)
x = y = z = 0
x += 1
print(x, y, z)
first, second = [10, 20]
print(first + second)
for k, (a, b) in enumerate(zip("ab", "cd")):
    print(k, a, b)
