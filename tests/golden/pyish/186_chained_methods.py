s = "  Hello, Python World  "
print(s.strip().lower().replace(" ", "_"))
print(s.strip().split(", ")[1].upper())
print("-".join(s.split()).strip("-"))
print(" a-b-c ".strip().split("-")[::-1])
