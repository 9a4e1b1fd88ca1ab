text = "бір екі бір үш екі бір"
count = {}
for w in text.split():
    if w in count:
        count[w] += 1
    else:
        count[w] = 1
print(count)
for k, v in count.items():
    print(k, v)
print(list(count.keys()), list(count.values()), len(count))
print(count.get("төрт"), count.get("төрт", 0), "бір" in count)
