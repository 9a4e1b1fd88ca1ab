pack {
  id = "test.broken.infinite-loop",
  version = "1.0",
  grade = 3,
  title = { kk = "Сынақ", ru = "Тест" },
  author = "Sandyq tests",
  licence = "CC BY 4.0",
  objectives = { "3.1.1.1" },
  lessons = { "lesson.lua" },
}
local n = 0
while true do n = n + 1 end
