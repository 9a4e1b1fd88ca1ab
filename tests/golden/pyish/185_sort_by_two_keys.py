people = [("Айжан", 12, 150), ("Болат", 11, 145), ("Айжан", 11, 140), ("Дина", 12, 150)]
def key_age_height(p):
    return (p[1], -p[2], p[0])
for p in sorted(people, key=key_age_height):
    print(p)
print(sorted(people, key=len)[0], sorted(people)[0])
