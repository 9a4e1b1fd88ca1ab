n = int("он")
