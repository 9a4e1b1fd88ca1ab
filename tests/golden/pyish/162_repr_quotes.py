print(["it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline"])
print(repr("сәлем"), repr('a"b'), str("x"), [None, True, 1.0, -0.5])
print({"k": "v's"}, ("a",), [[], [[]]], {})
