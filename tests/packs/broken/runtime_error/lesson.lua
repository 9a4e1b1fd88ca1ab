local function make_steps()
  local steps = {}
  steps[1] = thoery { id = "t1", body = { { kk = "Мәтін", ru = "Текст" } } }
  return steps
end
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = make_steps() }
