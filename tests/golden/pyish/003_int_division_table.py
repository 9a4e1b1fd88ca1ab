for a in range(-7, 8, 3):
    row = []
    for b in [-3, -2, 2, 3]:
        row.append(str(a // b) + "," + str(a % b))
    print(a, " ".join(row))
