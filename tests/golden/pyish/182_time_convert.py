total = 100000
h = total // 3600
m = total % 3600 // 60
s = total % 60
print(f"{h:02d}:{m:02d}:{s:02d}")
days, rest = divmod(total, 86400)
print(days, rest)
