age = 11
print("Менің жасым " + age)
