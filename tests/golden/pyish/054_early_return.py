def first_negative(a):
    for i, x in enumerate(a):
        if x < 0:
            return i
    return None

print(first_negative([3, 4, -1, 5]), first_negative([1, 2]), first_negative([]))
