pack {
  id = "test.broken.misplaced-calls",
  version = "1.0",
  grade = 3,
  title = { kk = "Сынақ", ru = "Тест" },
  author = "Sandyq tests",
  licence = "CC BY 4.0",
  lessons = { "lesson.lua" },
}
lesson { id = "in-manifest", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
