prices = {"нан": 250, "сүт": 480, "алма": 900, "шай": 1200}
basket = [("нан", 2), ("сүт", 1), ("алма", 3)]
total = 0
for item, qty in basket:
    cost = prices[item] * qty
    total += cost
    print(f"{item:<6}{qty:>3} x {prices[item]:>5} = {cost:>6}")
print(f"Барлығы: {total} теңге")
if total > 3000:
    print("Жеңілдік 10%:", total * 0.9)
