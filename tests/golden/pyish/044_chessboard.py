for r in range(6):
    line = ""
    for c in range(8):
        if (r + c) % 2 == 0:
            line += "■"
        else:
            line += "□"
    print(line)
