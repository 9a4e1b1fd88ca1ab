import math
print(math.sqrt(16), math.sqrt(2), math.pi, math.e)
print(math.floor(3.7), math.ceil(3.2), math.floor(-3.7), math.ceil(-3.2))
print(math.gcd(12, 18), math.factorial(10), math.fabs(-3), math.pow(2, 8))
print(round(math.sin(math.pi / 2), 6), round(math.cos(0), 6), math.hypot(3, 4))
print(math.log10(1000), math.log2(8), round(math.log(math.e), 6), math.isqrt(17))
from math import sqrt, pi
print(sqrt(81), round(pi, 3))
