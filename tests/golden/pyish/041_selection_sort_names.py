names = ["Мұрат", "Әсел", "Айдос", "Бота", "Жанар"]
for i in range(len(names)):
    m = i
    for j in range(i + 1, len(names)):
        if names[j] < names[m]:
            m = j
    names[i], names[m] = names[m], names[i]
print(names)
