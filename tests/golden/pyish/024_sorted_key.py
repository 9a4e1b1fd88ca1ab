pupils = [("Әлия", 12), ("Бекзат", 11), ("Айгерім", 12), ("Дос", 10)]
print(sorted(pupils))
print(sorted(pupils, key=len))
def by_age(p):
    return p[1]
print(sorted(pupils, key=by_age))
print(sorted(pupils, key=by_age, reverse=True))
words = ["банан", "алма", "өрік", "шие"]
print(sorted(words), sorted(words, key=len), max(words, key=len), min(words, key=len))
print(list(reversed(words)), sorted("қазақ"))
