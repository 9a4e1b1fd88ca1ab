-- The only goal is "no error": an empty program meets it, so the step checks nothing.
lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    python {
      id = "anything",
      task = { kk = "Сәлем деп жаз", ru = "Напиши привет" },
      goals = { { builtin = "no_error" } },
      solution = "print('Сәлем')",
    },
  },
}
