-- Grade 4 pack of the Sandyq digital-literacy course: a whole school year in 24 lessons.
-- Sections follow the subject «Цифрлық сауаттылық / Цифровая грамотность»: 4.1 Computer,
-- 4.2 Information, 4.3 Digital safety, 4.4 Algorithms and programming, 4.5 Robotics.
-- The objective codes and the teacher notes are explained in docs/teacher-grade4.kk.md / .ru.md.
-- Texts and pictures (drawn by tools/pictures/grade34.py): CC BY 4.0, Sandyq.
pack {
  id = "kz.sandyq.grade4",
  version = "1.0",
  grade = 4,
  title = { kk = "Цифрлық сауаттылық. 4-сынып", ru = "Цифровая грамотность. 4 класс" },
  description = {
    kk = "Компьютер, ақпарат, желідегі қауіпсіздік, алгоритмдер мен айнымалылар және датчиктері бар роботтар туралы 24 сабақ.",
    ru = "24 урока о компьютере, информации, безопасности в сети, алгоритмах и переменных, о роботах с датчиками.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  objectives = {
    "4.1.1.1", "4.1.2.1", "4.1.2.2", "4.1.3.1", "4.1.4.1",
    "4.2.1.1", "4.2.2.1", "4.2.3.1", "4.2.4.1",
    "4.3.1.1", "4.3.1.2", "4.3.1.3", "4.3.2.1", "4.3.3.1", "4.3.3.2",
    "4.4.1.1", "4.4.2.1", "4.4.2.2", "4.4.3.1",
    "4.5.1.1", "4.5.2.1",
  },
  lessons = {
    "01-computer.lua", "02-paths.lua", "03-file-types.lua", "04-keyboard.lua", "05-balance.lua",
    "06-processes.lua", "07-binary.lua", "08-charts.lua", "09-search.lua",
    "10-passwords.lua", "11-phishing.lua", "12-footprint.lua", "13-netiquette.lua", "14-copyright.lua", "15-fakes.lua",
    "16-flowchart.lua", "17-loops-conditions.lua", "17b-polygons.lua", "18-variables.lua", "19-debugging.lua",
    "20-sensors.lua", "21-line.lua",
    "22-robot-line.lua", "23-robot-zones.lua",
  },
}
