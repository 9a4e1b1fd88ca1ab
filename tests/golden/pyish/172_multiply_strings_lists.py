print("ab" * 3, [0] * 4, [1, 2] * 2, 3 * "ха", (1,) * 3)
line = "-" * 30
print(line)
row = [" "] * 5
row[2] = "X"
print("|" + "|".join(row) + "|")
