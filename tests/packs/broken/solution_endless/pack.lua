pack {
  id = "test.broken.solution-endless",
  version = "1.0",
  grade = 5,
  title = { kk = "Сынақ", ru = "Тест" },
  author = "Sandyq tests",
  licence = "CC BY 4.0",
  objectives = { "5.3.1.1" },
  lessons = { "lesson.lua" },
}
