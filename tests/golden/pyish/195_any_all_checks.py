nums = [12, 18, 24, 30]
print(all(x % 6 == 0 for x in nums), any(x > 25 for x in nums))
print(all([]), any([]), all(x > 0 for x in [1, -1]))
words = ["алма", "анар", "апельсин"]
print(all(w.startswith("а") for w in words), any(len(w) > 5 for w in words))
