print("apple" < "banana", "Zebra" < "apple", "а" < "б", "ә" > "я")
print(sorted(["b", "A", "a", "B"]), sorted(["ана", "Әке", "бала"]))
print("abc" == "abc", "abc" is not None, "ab" in "cabd", "abc" * 0 == "")
