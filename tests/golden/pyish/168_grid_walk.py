x, y = 0, 0
path = "RRUULDDDR"
visited = [(x, y)]
for step in path:
    if step == "R":
        x += 1
    elif step == "L":
        x -= 1
    elif step == "U":
        y += 1
    elif step == "D":
        y -= 1
    visited.append((x, y))
print(visited)
print("Соңғы орын:", (x, y), "қашықтық:", abs(x) + abs(y))
