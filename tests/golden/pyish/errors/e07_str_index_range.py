s = "сәлем"
print(s[5])
