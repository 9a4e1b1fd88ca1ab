n = 987654321
total = 0
while n > 0:
    total += n % 10
    n //= 10
print("Цифрлар қосындысы:", total)
