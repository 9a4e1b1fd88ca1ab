lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    theory { id = "t1", title = "Plain title", body = { { kk = "Мәтін", ru = "Текст" } } },
  },
}
