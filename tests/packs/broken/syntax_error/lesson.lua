lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    theory { id = "t1", body = { { kk = "Мәтін", ru = "Текст" } } },
    theory { id = "t2" body = {} },
  },
}
