m = [[3, 5, 1], [4, 4, 4], [9, 0, 2]]
for row in m:
    print(row, sum(row))
cols = [sum(m[r][c] for r in range(3)) for c in range(3)]
print(cols)
diag = sum(m[i][i] for i in range(3))
print(diag)
