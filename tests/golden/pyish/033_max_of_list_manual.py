numbers = [12, 45, 2, 41, 45, 7]
biggest = numbers[0]
for n in numbers:
    if n > biggest:
        biggest = n
print("Ең үлкен сан:", biggest)
print("Орны:", numbers.index(biggest))
