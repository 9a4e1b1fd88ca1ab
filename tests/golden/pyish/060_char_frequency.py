text = "мама мен апа"
freq = {}
for ch in text:
    if ch != " ":
        freq[ch] = freq.get(ch, 0) + 1
for ch in sorted(freq):
    print(ch, freq[ch])
