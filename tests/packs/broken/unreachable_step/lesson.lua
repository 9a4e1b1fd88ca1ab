lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    quiz { id = "q1", kind = "single", question = { kk = "Сұрақ", ru = "Вопрос" },
           options = { { kk = "А", ru = "А" }, { kk = "Б", ru = "Б" } } },
    theory { id = "t1", body = { { kk = "Мәтін", ru = "Текст" } } },
  },
}
