points = [(1, 2), (-3, 4), (0, -5), (6, 0)]
def dist(p):
    return (p[0] ** 2 + p[1] ** 2) ** 0.5
for p in points:
    print(p, dist(p), abs(p[0]) + abs(p[1]))
print(min(points, key=dist), max(points, key=dist))
