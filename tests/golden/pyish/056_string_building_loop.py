s = ""
for i in range(10):
    s += str(i)
print(s, len(s))
t = ""
for ch in "сәлем":
    t = ch + t
print(t)
row = ""
for i in range(5):
    row += "[" + str(i) + "]"
print(row)
