a = [3, 1, 2]
print(*a)
print(*a, sep=", ")
print("x", *range(3), "y", *"ab", end="!\n")
def f(x, y, z=0):
    return x + y + z
print(f(*[1, 2]), f(*(1, 2, 3)), f(1, *[2], z=5))
print("%d + %d = %d" % (2, 3, 5), "%5.2f|%-6s|%6s|%03d|%x|%%" % (3.14159, "ab", "cd", 7, 255))
print("Атым %s, жасым %d" % ("Әлия", 11.7), "%s" % [1, 2], "%r" % "q")
print(max(*a), min(*[5, 4]))
