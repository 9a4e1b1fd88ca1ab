stock = {"алма": 5}
for fruit in ["алма", "өрік"]:
    print(stock[fruit])
