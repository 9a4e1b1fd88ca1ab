total = sum([
    1,
    2,
]) + "a"
