s = "  Сәлем, Әлем!  "
print(s.strip(), "|", s.lstrip(), "|", s.rstrip(), "|")
t = "Python сабағы"
print(t.upper(), t.lower(), t.capitalize(), t.title())
print(t.startswith("Py"), t.endswith("ы"), t.find("сабақ"), t.find("x"), t.count("а"))
print(t.replace("сабағы", "тілі"), "-".join(["a", "b", "c"]), "a,b,,c".split(","))
print("123".isdigit(), "12a".isdigit(), "абв".isalpha(), "ab1".isalnum(), "   ".isspace())
print("hello world".split(), "a b  c".split(" "), "x".center(5, "*"), "7".zfill(3))
