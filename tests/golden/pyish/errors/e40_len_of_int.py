print(len(12345))
