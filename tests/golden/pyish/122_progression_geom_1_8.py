b = 1
q = 0.5
n = 8
seq = []
x = b
for k in range(n):
    seq.append(x)
    x = x * q
print(seq)
print("Қосынды:", sum(seq))
print("Ең үлкені:", max(seq), "ең кішісі:", min(seq))
