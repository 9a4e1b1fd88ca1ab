sq = [x ** 2 for x in range(1, 8)]
ev = [x for x in sq if x % 2 == 0]
pairs = [(a, b) for a in range(3) for b in range(3) if a < b]
lens = {w: len(w) for w in ["алма", "өрік", "жүзім"]}
print(sq, ev)
print(pairs)
print(lens)
print(sum(x for x in range(10)), max(len(w) for w in lens))
print([c.upper() for c in "сәлем"], [i * j for i in range(1, 4) for j in range(1, 4)])
