sentence = "Мен Python тілін үйреніп жүрмін"
words = sentence.split()
for w in words:
    print(w, len(w))
print("Ең ұзын сөз:", max(words, key=len))
print("Сөздер саны:", len(words))
