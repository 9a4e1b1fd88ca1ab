word = "Алматы"
print(word[0], word[-1], word[2:5], word[:3], word[3:], word[::2], word[::-1])
print(len(word), word * 2, word + "!")
for ch in word:
    print(ch, end=".")
print()
print(ord("A"), chr(1241), ord("ә"), chr(65 + 25))
