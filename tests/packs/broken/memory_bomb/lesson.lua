local t = {}
for i = 1, 1e9 do t[i] = string.rep("x", 1000) .. i end
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
