nums = [4, -2, 9, 0, 7]
print(min(nums), max(nums), sum(nums), len(nums), abs(-7), abs(-2.5))
print(min(3, 1, 2), max("a", "b"), sum([0.5, 0.25]), sum(range(1, 101)))
print(round(3.14159, 2), round(2.5), round(3.5), round(-0.5), round(1234, -2), round(7.0))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2, 10, 1000))
print(int(3.99), int(-3.99), int("-15"), float(7), str(3.0), bool(0), bool([0]))
print(any([0, 0, 1]), all([1, 2, 0]), any([]), all([]))
