keys = ["a", "b", "c"]
vals = [1, 2, 3]
d = dict(zip(keys, vals))
print(d)
inv = {v: k for k, v in d.items()}
print(inv)
print({k: v * v for k, v in d.items() if v != 2})
