сан = 5
print(сaн * 2)
