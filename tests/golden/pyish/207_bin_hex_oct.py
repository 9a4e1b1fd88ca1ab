for n in [0, 5, 255, -10, 1024]:
    print(n, bin(n), hex(n), oct(n), int(bin(n), 0) if n >= 0 else n)
print(hex(48879).upper(), bin(7)[2:].zfill(8))
