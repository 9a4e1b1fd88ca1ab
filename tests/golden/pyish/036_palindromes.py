words = ["қазақ", "level", "Python", "ата", "шалаш", "кітап"]
for w in words:
    if w == w[::-1]:
        print(w, "- палиндром")
    else:
        print(w, "- палиндром емес")
