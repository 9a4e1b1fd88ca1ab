print(round(1e308, 300) == 1e308, round(1.23456e-25, 27), round(-2.5, 0), round(123.456, -1), round(5, -1), round(15, -1))
