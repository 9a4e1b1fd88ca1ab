line = "12 7 45 3 19"
nums = [int(x) for x in line.split()]
print(nums, sum(nums), max(nums))
print(" ".join(str(x * 2) for x in nums))
print(",".join(map(str, sorted(nums))))
a, b = map(int, "3 4".split())
print(a + b)
