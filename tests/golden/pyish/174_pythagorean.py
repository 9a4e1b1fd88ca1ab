triples = []
for a in range(1, 30):
    for b in range(a, 30):
        c2 = a * a + b * b
        c = int(c2 ** 0.5)
        if c * c == c2 and c < 30:
            triples.append((a, b, c))
print(triples)
