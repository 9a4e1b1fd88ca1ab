commands = ["алға", "алға", "оңға", "алға", "солға", "солға", "алға"]
dirs = [(0, 1), (1, 0), (0, -1), (-1, 0)]
d = 0
pos = [0, 0]
for c in commands:
    if c == "алға":
        pos[0] += dirs[d][0]
        pos[1] += dirs[d][1]
    elif c == "оңға":
        d = (d + 1) % 4
    elif c == "солға":
        d = (d - 1) % 4
print(pos, d)
