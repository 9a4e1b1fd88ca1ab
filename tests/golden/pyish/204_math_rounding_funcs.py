import math
for x in [2.5, -2.5, 3.49, -0.1, 7.0]:
    print(x, math.floor(x), math.ceil(x), round(x), int(x), math.trunc(x))
print(math.sqrt(2) * math.sqrt(2) == 2, round(math.sqrt(2) ** 2, 10) == 2)
