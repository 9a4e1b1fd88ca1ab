name = "Арман"
print("Сәлем, {}! Сен {} жастасың.".format(name, 12))
print("{0} + {0} = {1}".format(2, 4))
print("{:>6}|{:<6}|{:^6}|".format("a", "b", "c"))
print("{:.3f} {:5d} {:,}".format(3.14159, 42, 1234567))
print("{name} {age}".format(name="Дина", age=10))
