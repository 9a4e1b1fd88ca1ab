lesson { id = "extra", title = { kk = "Қосымша", ru = "Доп" }, steps = {} }
