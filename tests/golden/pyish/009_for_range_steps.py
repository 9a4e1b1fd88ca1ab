print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
for i in range(1, 11, 2):
    print(i * i, end=",")
print()
print(len(range(0, 100, 7)), range(3, 9)[2], 5 in range(0, 10, 5))
