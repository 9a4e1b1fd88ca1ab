print("Сандарды енгіз (0 - тоқтау):")
total = 0
count = 0
while True:
    x = int(input())
    if x == 0:
        break
    total += x
    count += 1
print("Саны:", count, "Қосындысы:", total)
if count > 0:
    print("Орташа:", total / count)
