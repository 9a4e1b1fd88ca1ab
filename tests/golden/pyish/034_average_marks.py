marks = {"Әлия": [5, 4, 5], "Бекзат": [3, 4, 4], "Дана": [5, 5, 5]}
for name, m in marks.items():
    avg = sum(m) / len(m)
    print(f"{name}: орташа {avg:.2f}")
