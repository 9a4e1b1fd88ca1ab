a = 0
d = 0.5
n = 9
seq = [a + d * k for k in range(n)]
print(seq)
print("Қосынды:", sum(seq), "формула:", n * (2 * a + (n - 1) * d) / 2)
print("Соңғы мүше:", seq[-1], "ортасы:", seq[n // 2])
