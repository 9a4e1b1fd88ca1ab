a = [1, 2, 3, 2, 4, 2]
while 2 in a:
    a.remove(2)
print(a)
b = [x for x in range(10)]
del b[2]
del b[-1]
print(b, len(b))
