lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    python {
      id = "p1",
      task = { kk = "Бағдарлама жаз", ru = "Напиши программу" },
      goals = {
        function(world, trace)
          while true do end
        end,
      },
      solution = "print(1)",
    },
  },
}
