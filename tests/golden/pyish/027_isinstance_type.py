for v in [1, 2.5, "a", [1], (1,), {"a": 1}, True, None]:
    print(type(v), isinstance(v, int), isinstance(v, (str, list)))
print(type(5) == int, type("x") is str)
