n = int(input())
total = 0
for i in range(n):
    x = int(input())
    total += x
print("Қосынды:", total)
name = input("Атың: ")
print("Сәлем,", name)
