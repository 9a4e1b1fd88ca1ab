text = "Без труда не выловишь и рыбку из пруда"
words = text.split()
print(text)
print("Сөздер:", len(words), "Әріптер:", sum(1 for c in text if c.isalpha()))
print("Ең ұзын:", max(words, key=len), "Ең қысқа:", min(words, key=len))
print("Бас әріппен:", text.upper())
print("Кері:", " ".join(reversed(words)))
def by_count(pair):
    return (-pair[1], pair[0])
freq = {}
for c in text.lower():
    if c.isalpha():
        freq[c] = freq.get(c, 0) + 1
top = sorted(freq.items(), key=by_count)[:3]
print("Жиі әріптер:", top)
print("Бірінші және соңғы әріп:", text[0], text[-1], text[:5], text[-5:])
