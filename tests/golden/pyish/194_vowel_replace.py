text = "программалау қызықты"
result = ""
for ch in text:
    if ch in "аеиоуыэюяәөұүі":
        result += "*"
    else:
        result += ch
print(result)
print(text.replace("а", "А", 2))
