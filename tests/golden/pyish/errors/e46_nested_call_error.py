def f(x):
    return g(x)
def g(x):
    return x[10]
print(f([1]))
