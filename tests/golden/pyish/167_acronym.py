phrase = "Қазақстан Республикасы Білім және Ғылым Министрлігі"
print("".join(w[0] for w in phrase.split()))
print("".join([w[0].upper() for w in "portable network graphics".split()]))
