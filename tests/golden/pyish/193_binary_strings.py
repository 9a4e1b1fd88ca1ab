def to_bin(n):
    if n == 0:
        return "0"
    s = ""
    while n:
        s = str(n % 2) + s
        n //= 2
    return s
for n in [0, 1, 5, 10, 255, 1000]:
    print(n, to_bin(n), int(to_bin(n), 2) == n, format(n, "08b"))
