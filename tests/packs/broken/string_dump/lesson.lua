local function f() return 1 end

local bytes = string.dump(f)
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
