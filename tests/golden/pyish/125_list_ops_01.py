a = [5, 3, 9, 1, 7]
print("Тізім:", a, "ұзындығы:", len(a))
print("Сұрыпталған:", sorted(a), "кері:", sorted(a, reverse=True))
print("Қосынды:", sum(a), "орташа:", round(sum(a) / len(a), 2))
print("Жұптар:", [x for x in a if x % 2 == 0], "тақтар:", [x for x in a if x % 2 != 0])
print("Кесінділер:", a[1:], a[:-1], a[::2], a[::-1])
b = a.copy()
b.append(max(a) + 1)
b.insert(0, min(a) - 1)
print("Өзгертілген:", b, b.count(a[0]), b.index(a[-1]))
uniq = []
for x in a:
    if x not in uniq:
        uniq.append(x)
print("Қайталанбайтын:", uniq)
