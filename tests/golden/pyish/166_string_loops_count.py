s = "Абай Құнанбайұлы – ұлы ақын"
upper = 0
lower = 0
other = 0
for ch in s:
    if ch.isupper():
        upper += 1
    elif ch.islower():
        lower += 1
    else:
        other += 1
print(upper, lower, other)
print(s.count("а"), s.count("ұлы"), s.lower().count("а"))
