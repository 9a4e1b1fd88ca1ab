heights = [150, 143, 162, 139, 158]
names = ["Асан", "Бота", "Ғани", "Дәмеш", "Елдос"]
i_max = 0
i_min = 0
for i in range(1, len(heights)):
    if heights[i] > heights[i_max]:
        i_max = i
    if heights[i] < heights[i_min]:
        i_min = i
print(names[i_max], heights[i_max], names[i_min], heights[i_min])
print(sorted(zip(heights, names)))
