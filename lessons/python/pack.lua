-- Python-style programming for grades 5–6: the first year of text programming.
-- Texts: CC BY 4.0, Sandyq. Every coding step has a reference solution that packcheck runs
-- (it must pass its goals; an empty program must fail them).
-- Objective codes (grade.section.subsection.objective), section 3 "Computational thinking /
-- Компьютерлік ойлау / Компьютерное мышление" of the informatics programme as this pack uses them:
--   5.3.1.1 write a linear program that outputs text and numbers
--   5.3.1.2 use variables and assignment
--   5.3.1.3 read data from the keyboard
--   5.3.2.1 write arithmetic expressions (+ - * / // %)
--   5.3.2.2 use branching (if, else, elif) and comparisons
--   5.3.3.1 use a loop with a counter (for, range)
--   5.3.3.2 use a loop with a condition (while)
--   6.3.1.1 store data in a list and process it
--   6.3.1.2 process text (strings)
--   6.3.2.1 write and call functions with parameters
--   6.3.3.1 find and fix errors in a program
--   6.3.3.2 plan and write a small project
-- Teachers: check the codes against the current state programme of your school year.
pack {
  id = "kz.sandyq.python",
  version = "1.0",
  grade = 5,
  title = { kk = "Python тілінде бағдарламалау", ru = "Программирование на Python" },
  description = {
    kk = "5–6 сыныптарға арналған мәтіндік бағдарламалаудың алғашқы қадамдары: шығару, айнымалылар, енгізу, шарттар, циклдер, тізімдер, жолдар, функциялар.",
    ru = "Первые шаги в текстовом программировании для 5–6 классов: вывод, переменные, ввод, условия, циклы, списки, строки, функции.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  section = "5.3",
  objectives = {
    "5.3.1.1", "5.3.1.2", "5.3.1.3", "5.3.2.1", "5.3.2.2", "5.3.3.1", "5.3.3.2",
    "6.3.1.1", "6.3.1.2", "6.3.2.1", "6.3.3.1", "6.3.3.2",
  },
  lessons = {
    "01-print.lua",
    "02-variables.lua",
    "03-input.lua",
    "04-arithmetic.lua",
    "05-if-else.lua",
    "06-elif.lua",
    "07-for.lua",
    "08-while.lua",
    "09-lists.lua",
    "10-strings.lua",
    "11-functions.lua",
    "12-debugging.lua",
    "13-project.lua",
    "14-worlds.lua",
    "15-blocks-to-text.lua",
  },
}
