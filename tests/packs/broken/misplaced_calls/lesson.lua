lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    theory { id = "t1", body = { { kk = "Мәтін", ru = "Текст" } } },
  },
}
pack { id = "test.other", version = "2.0" }
