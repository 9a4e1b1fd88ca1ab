school = {"5А": {"ұлдар": 12, "қыздар": 14}, "5Ә": {"ұлдар": 13, "қыздар": 11}}
for cls, counts in school.items():
    total = counts["ұлдар"] + counts["қыздар"]
    print(cls, total, counts)
school["5Б"] = {"ұлдар": 10, "қыздар": 10}
print(len(school), sum(c["қыздар"] for c in school.values()))
