subjects = ["Математика", "Информатика", "Қазақ тілі"]
for i, s in enumerate(subjects, 1):
    print(f"{i}) {s} - {len(s)} әріп")
