def rsum(a):
    if not a:
        return 0
    return a[0] + rsum(a[1:])
def rmax(a):
    if len(a) == 1:
        return a[0]
    m = rmax(a[1:])
    return a[0] if a[0] > m else m
print(rsum([1, 2, 3, 4, 5]), rmax([3, 9, 2, 7]))
