n = 28
divisors = [d for d in range(1, n + 1) if n % d == 0] if n <= 10000 else [d for d in range(1, 1000) if n % d == 0]
print("Сан:", n)
print("Бөлгіштер саны:", len(divisors), "алғашқылары:", divisors[:8])
print("Жай сан ба?", len(divisors) == 2)
print("Цифрлар қосындысы:", sum(int(c) for c in str(n)))
print("Екілік:", format(n, "b"), "он алтылық:", format(n, "x"))
print("Квадрат:", n * n, "түбір:", round(n ** 0.5, 3))
print("Жұп" if n % 2 == 0 else "Тақ", n % 3 == 0, n % 10)
