pupils = [
    {"name": "Әйгерім", "class": "5А", "score": 87},
    {"name": "Нұрлан", "class": "5Ә", "score": 92},
    {"name": "Сәуле", "class": "5А", "score": 78},
]
for p in pupils:
    print(p["name"], p["class"], p["score"])
print(sorted([p["score"] for p in pupils]))
by_class = {}
for p in pupils:
    by_class.setdefault(p["class"], []).append(p["name"])
print(by_class)
