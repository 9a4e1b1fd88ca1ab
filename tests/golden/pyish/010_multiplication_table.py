for i in range(1, 10):
    line = ""
    for j in range(1, 10):
        line += f"{i * j:4d}"
    print(line)
