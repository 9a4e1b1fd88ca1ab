n = int(input())
names = []
for i in range(n):
    names.append(input().strip())
for name in sorted(names):
    print(f"Сәлем, {name}!")
print(", ".join(names))
