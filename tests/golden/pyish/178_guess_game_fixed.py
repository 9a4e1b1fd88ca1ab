secret = 37
tries = 0
while True:
    g = int(input("Санды тап: "))
    tries += 1
    if g < secret:
        print("Үлкенірек")
    elif g > secret:
        print("Кішірек")
    else:
        print("Таптың!", tries, "әрекет")
        break
