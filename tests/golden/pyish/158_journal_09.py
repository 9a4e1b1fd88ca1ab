scores = {'Өмір': 0, 'Үміт': 85, 'Іңкәр': 84}
def mark(p):
    if p >= 85:
        return 5
    if p >= 65:
        return 4
    if p >= 40:
        return 3
    return 2
marks = {}
for name, p in scores.items():
    marks[name] = mark(p)
    print(f"{name:<10} {p:>3}% -> {marks[name]}")
counts = {}
for m in marks.values():
    counts[m] = counts.get(m, 0) + 1
print("Бағалар:", sorted(counts.items()))
print("Орташа:", round(sum(scores.values()) / len(scores), 1))
print("Үздіктер:", [n for n in scores if marks[n] == 5])
