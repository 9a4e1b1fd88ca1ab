a = 5
d = 5
n = 20
seq = [a + d * k for k in range(n)]
print(seq)
print("Қосынды:", sum(seq), "формула:", n * (2 * a + (n - 1) * d) / 2)
print("Соңғы мүше:", seq[-1], "ортасы:", seq[n // 2])
