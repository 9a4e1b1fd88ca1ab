n = 4
identity = [[1 if i == j else 0 for j in range(n)] for i in range(n)]
for row in identity:
    print(" ".join(str(x) for x in row))
flat = [x for row in identity for x in row]
print(flat.count(1), len(flat))
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
