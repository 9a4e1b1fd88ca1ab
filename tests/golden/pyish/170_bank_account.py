balance = 1000
history = []
def deposit(amount):
    global balance
    balance += amount
    history.append(("+", amount))

def withdraw(amount):
    global balance
    if amount > balance:
        history.append(("!", amount))
        return False
    balance -= amount
    history.append(("-", amount))
    return True

deposit(500)
print(withdraw(2000), withdraw(300))
deposit(45)
print(balance, history)
