a, b, c = map(int, input().split())
print(a + b + c, a * b * c, max(a, b, c))
nums = list(map(float, input().split()))
print(sum(nums) / len(nums))
