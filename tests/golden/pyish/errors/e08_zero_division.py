a = 10
b = 0
print("start")
print(a / b)
