-- tries to make every string method return something else
local mt = getmetatable("")
mt.__index = function() return "hacked" end
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
