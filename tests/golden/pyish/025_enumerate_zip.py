names = ["Асан", "Үсен", "Мәди"]
marks = [5, 4, 5]
for i, n in enumerate(names):
    print(i, n)
for i, n in enumerate(names, 1):
    print(i, n)
for n, m in zip(names, marks):
    print(n, m)
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy")))
print(dict(zip(names, marks)))
