def count(n):
    print(n) if n < 0 else None
    return count(n + 1)

count(0)
