for n in range(-2, 3):
    sign = "оң" if n > 0 else "теріс" if n < 0 else "нөл"
    print(n, sign)
x = 7
print("жұп" if x % 2 == 0 else "тақ")
