-- The reference solution never stops (the counter is never increased): packcheck stops it.
lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    python {
      id = "count",
      task = { kk = "1-ден 3-ке дейін сана", ru = "Посчитай от 1 до 3" },
      goals = { { builtin = "output", text = "1\n2\n3" } },
      solution = "i = 1\nwhile i <= 3:\n    print(i)\n",
    },
  },
}
