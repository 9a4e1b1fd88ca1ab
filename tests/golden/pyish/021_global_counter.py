counter = 0

def tick():
    global counter
    counter += 1
    return counter

for i in range(5):
    tick()
print(counter)

def local_only():
    counter = 100
    return counter

print(local_only(), counter)
