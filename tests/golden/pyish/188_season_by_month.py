months = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"]
for i, m in enumerate(months, start=1):
    if i in (12, 1, 2):
        season = "қыс"
    elif 3 <= i <= 5:
        season = "көктем"
    elif 6 <= i <= 8:
        season = "жаз"
    else:
        season = "күз"
    print(f"{i:2d}. {m:<10} {season}")
