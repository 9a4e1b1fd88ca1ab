text = "Қазақстан Республикасы – тәуелсіз мемлекет"
vowels = "аәеиоөуұүыіэюяАӘЕИОӨУҰҮЫІЭЮЯ"
count = 0
for ch in text:
    if ch in vowels:
        count += 1
print("Дауысты дыбыстар:", count)
print("Барлық әріптер:", len([c for c in text if c.isalpha()]))
