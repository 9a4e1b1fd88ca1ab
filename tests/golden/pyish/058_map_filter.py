def double(x):
    return x * 2
def is_even(x):
    return x % 2 == 0
nums = [1, 2, 3, 4, 5, 6]
print(list(map(double, nums)))
print(list(filter(is_even, nums)))
print(list(map(str, nums)), list(map(int, ["7", "8"])))
print(sum(map(len, ["аа", "ббб", "в"])))
