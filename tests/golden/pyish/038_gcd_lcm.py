def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a

def lcm(a, b):
    return a * b // gcd(a, b)

for a, b in [(12, 18), (7, 5), (100, 75), (0, 9)]:
    print(a, b, gcd(a, b), lcm(a, b) if a and b else 0)
