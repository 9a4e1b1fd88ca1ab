d = {}
d["үш"] = 3
d["бір"] = 1
d["екі"] = 2
for k in d:
    print(k, d[k])
print(sorted(d), sorted(d.values()), sorted(d.items(), key=len))
d.pop("бір")
d["бір"] = 100
print(d)
