p = (3, 4)
x, y = p
print(x, y, p, p[0], len(p))
single = (5,)
print(single, (), tuple("abc"), (1, 2) + (3,))
a, b, c = 1, 2, 3
a, b = b, a
print(a, b, c)
for i, (n, s) in enumerate([(1, "бір"), (2, "екі")]):
    print(i, n, s)
print((1, 2, 2, 3).count(2), (5, 6, 7).index(7))
