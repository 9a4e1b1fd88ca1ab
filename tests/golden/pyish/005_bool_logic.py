a = True
b = False
print(a and b, a or b, not a, not b)
print(0 or "жоқ", "" or "бос", 5 and 7, 0 and 7, [] or [1])
x = 15
if x > 10 and x % 5 == 0:
    print("үлкен және 5-ке бөлінеді")
if not (x < 0 or x > 100):
    print("ауқым ішінде")
