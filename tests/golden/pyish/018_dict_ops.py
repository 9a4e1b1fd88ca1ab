d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
print(d, d.keys(), d.values(), d.items())
print(d.pop("b"), d)
d.update({"z": 26})
print(d, d.setdefault("y", 0), d)
del d["a"]
print(d, dict([("x", 1), ("y", 2)]), dict(p=1, q=2))
e = {1: "int", 1.5: "float", (1, 2): "tuple", True: "bool"}
print(e)
