def greet(name, greeting="Сәлем"):
    return greeting + ", " + name + "!"

print(greet("Әлия"))
print(greet("Иван", "Привет"))
print(greet(greeting="Hi", name="Tom"))

def area(w, h=None):
    if h is None:
        h = w
    return w * h

print(area(3), area(3, 4))
