-- Grade 3 pack of the Sandyq digital-literacy course: a whole school year in 22 lessons.
-- Sections follow the subject «Цифрлық сауаттылық / Цифровая грамотность»: 3.1 Computer,
-- 3.2 Information, 3.3 Digital safety, 3.4 Algorithms and programming, 3.5 Robotics.
-- The objective codes and the teacher notes are explained in docs/teacher-grade3.kk.md / .ru.md.
-- Texts and pictures (drawn by tools/pictures/grade34.py): CC BY 4.0, Sandyq.
pack {
  id = "kz.sandyq.grade3",
  version = "1.0",
  grade = 3,
  title = { kk = "Цифрлық сауаттылық. 3-сынып", ru = "Цифровая грамотность. 3 класс" },
  description = {
    kk = "Компьютер, ақпарат, желідегі қауіпсіздік, алгоритмдер және роботтар туралы 22 сабақ.",
    ru = "22 урока о компьютере, информации, безопасности в сети, алгоритмах и роботах.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  objectives = {
    "3.1.1.1", "3.1.1.2", "3.1.2.1", "3.1.2.2", "3.1.3.1", "3.1.4.1",
    "3.2.1.1", "3.2.2.1", "3.2.3.1", "3.2.4.1",
    "3.3.1.1", "3.3.1.2", "3.3.2.1", "3.3.2.2", "3.3.3.1", "3.3.3.2",
    "3.4.1.1", "3.4.2.1", "3.4.2.2", "3.4.3.1",
    "3.5.1.1", "3.5.2.1",
  },
  lessons = {
    "01-devices.lua", "02-folders.lua", "03-file-names.lua", "04-shortcuts.lua", "05-healthy.lua",
    "06-info-kinds.lua", "07-coding.lua", "08-tables.lua", "09-search.lua",
    "10-passwords.lua", "11-personal-data.lua", "12-cyberbullying.lua", "13-copyright.lua", "14-trusted.lua",
    "15-algorithm.lua", "16-loops.lua", "17-conditions.lua", "18-debugging.lua",
    "19-robot.lua", "20-line.lua",
    "21-robot-zone.lua", "22-robot-wall.lua",
  },
}
