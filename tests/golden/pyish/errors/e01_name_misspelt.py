balance = 100
print("Balance:", balanse)
