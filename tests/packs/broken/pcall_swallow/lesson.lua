for i = 1, 100 do
  pcall(function() while true do end end)
end
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
