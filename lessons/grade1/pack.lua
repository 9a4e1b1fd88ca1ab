-- Grade 1 pack of the Sandyq digital-literacy course: a whole school year in 18 short lessons.
-- Sections follow the subject «Цифрлық сауаттылық / Цифровая грамотность»: 1.1 Computer,
-- 1.2 Information, 1.3 Digital safety and hygiene, 1.4 Algorithms.
-- Objective codes (grade.section.subsection.objective), assessment and the teacher notes (also
-- teacher_note in each lesson):
-- docs/teacher-grade1.kk.md / docs/teacher-grade1.ru.md.
-- Texts and pictures (drawn by tools/pictures/grade1.py): CC BY 4.0, Sandyq.
pack {
  id = "kz.sandyq.grade1",
  version = "1.0",
  grade = 1,
  title = { kk = "Цифрлық сауаттылық. 1-сынып", ru = "Цифровая грамотность. 1 класс" },
  description = {
    kk = "Компьютер, ақпарат, желідегі қауіпсіздік және алгоритмдер туралы суретті 18 сабақ.",
    ru = "18 уроков с картинками о компьютере, информации, безопасности в сети и алгоритмах.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  objectives = {
    "1.1.1.1", "1.1.1.2", "1.1.1.3", "1.1.2.1", "1.1.2.2", "1.1.3.1", "1.1.4.1", "1.1.4.2",
    "1.2.1.1", "1.2.2.1", "1.2.3.1",
    "1.3.1.1", "1.3.1.2", "1.3.2.1", "1.3.2.2", "1.3.3.1",
    "1.4.1.1", "1.4.2.1", "1.4.3.1", "1.4.4.1",
  },
  lessons = {
    "01-computer.lua", "02-parts.lua", "03-input-output.lua", "04-sit-right.lua", "05-mouse.lua",
    "06-keyboard.lua", "07-files.lua", "08-senses.lua", "09-info-kinds.lua", "10-sorting.lua",
    "11-password.lua", "12-personal.lua", "13-strangers.lua", "14-kind-words.lua", "15-trusted.lua",
    "16-order.lua", "17-repeat-if.lua", "18-fix-order.lua",
  },
}
