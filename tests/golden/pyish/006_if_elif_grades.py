scores = [95, 84, 65, 40, 70, 100, 0]
for s in scores:
    if s >= 85:
        mark = 5
    elif s >= 65:
        mark = 4
    elif s >= 40:
        mark = 3
    else:
        mark = 2
    print(s, "->", mark)
