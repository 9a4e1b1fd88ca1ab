import math
def root(x):
    return math.sqrt(x)
print(root(4))
print(root(-4))
