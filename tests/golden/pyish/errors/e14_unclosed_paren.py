print("сәлем"
x = 5
print(x)
