local socket = require("socket")
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
