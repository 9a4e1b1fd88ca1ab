a = [3, 1, 2]
b = a
b.append(4)
a.sort()
print(a, b, a is b)
c = a[:]
c.append(5)
print(a, c)
a += [9]
print(a, b)
a = a + [10]
print(a, b)
