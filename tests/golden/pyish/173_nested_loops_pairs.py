count = 0
for a in range(1, 10):
    for b in range(a, 10):
        if a * b == 12 or a + b == 12:
            print(a, b)
            count += 1
print("Барлығы:", count)
