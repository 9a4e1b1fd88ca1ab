pack {
  id = "test.broken.not-utf8",
  version = "1.0",
  grade = 3,
  title = { kk = "Сынақ", ru = "Тест" },
  author = "Sandyq tests",
  licence = "CC BY 4.0",
  objectives = { "3.1.1.1" },
  lessons = { "lesson.lua" },
}
