grid = [[0] * 4 for i in range(3)]
grid[1][2] = 5
grid[0][0] = 1
for row in grid:
    print(row)
m = [[1, 2, 3], [4, 5, 6]]
t = [[m[r][c] for r in range(2)] for c in range(3)]
print(t)
print(sum([sum(r) for r in m]))
