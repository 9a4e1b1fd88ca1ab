local secret = "none"
local f = io.open("/etc/passwd")
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
