import random
random.seed(5)
rolls = [random.randint(1, 6) for i in range(100)]
print(len(rolls), min(rolls) >= 1, max(rolls) <= 6)
x = random.random()
print(0 <= x < 1)
items = ["тас", "қайшы", "қағаз"]
print(random.choice(items) in items)
deck = list(range(10))
random.shuffle(deck)
print(sorted(deck) == list(range(10)))
print(random.randrange(10, 20, 5) in [10, 15])
