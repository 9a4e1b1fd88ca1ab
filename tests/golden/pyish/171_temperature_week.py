temps = {"Дс": -5, "Сс": -3, "Ср": 0, "Бс": 2, "Жм": 1, "Сн": -8, "Жс": -10}
warm = [d for d, t in temps.items() if t > 0]
print("Жылы күндер:", warm)
print("Орташа:", round(sum(temps.values()) / len(temps), 2))
coldest = min(temps, key=temps.get)
print("Ең суық:", coldest, temps[coldest])
