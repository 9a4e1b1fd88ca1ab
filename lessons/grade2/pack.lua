-- Grade 2 pack of the Sandyq digital-literacy course: a whole school year in 19 short lessons.
-- Sections follow the subject «Цифрлық сауаттылық / Цифровая грамотность»: 2.1 Computer,
-- 2.2 Information, 2.3 Digital safety and hygiene, 2.4 Algorithms.
-- Objective codes (grade.section.subsection.objective), assessment and the teacher notes (also
-- teacher_note in each lesson):
-- docs/teacher-grade2.kk.md / docs/teacher-grade2.ru.md.
-- Texts and pictures (drawn by tools/pictures/grade2.py): CC BY 4.0, Sandyq.
pack {
  id = "kz.sandyq.grade2",
  version = "1.0",
  grade = 2,
  title = { kk = "Цифрлық сауаттылық. 2-сынып", ru = "Цифровая грамотность. 2 класс" },
  description = {
    kk = "Компьютер, ақпарат, желідегі қауіпсіздік және алгоритмдер туралы суретті 19 сабақ.",
    ru = "19 уроков с картинками о компьютере, информации, безопасности в сети и алгоритмах.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  objectives = {
    "2.1.1.1", "2.1.1.2", "2.1.2.1", "2.1.2.2", "2.1.3.1", "2.1.4.1", "2.1.4.2",
    "2.2.1.1", "2.2.2.1", "2.2.3.1",
    "2.3.1.1", "2.3.1.2", "2.3.2.1", "2.3.2.2", "2.3.3.1",
    "2.4.1.1", "2.4.2.1", "2.4.3.1", "2.4.4.1",
  },
  lessons = {
    "01-computers.lua", "02-devices.lua", "03-class-rules.lua", "04-screen-time.lua", "05-files.lua", "06-keyboard.lua", "07-mouse.lua",
    "08-info-actions.lua", "09-signs.lua", "10-tables.lua",
    "11-strong-password.lua", "12-personal.lua", "13-games-chat.lua", "14-kindness.lua", "15-trusted.lua",
    "16-algorithm.lua", "17-loops.lua", "18-conditions.lua", "19-debugging.lua",
  },
}
