items = [("Алма", 3), ("Банан", 12), ("Шие", 145)]
for name, qty in items:
    print(name.ljust(8, ".") + str(qty).rjust(5))
print("тақырып".center(20, "="))
print("Python".swapcase(), "ABC".isupper(), "abc".islower(), "Abc".isupper())
