x = 1
if x > 0:
    print(1)
else
    print(2)
