-- Example lesson pack: a complete model for teachers (docs/packs.kk.md, docs/packs.ru.md).
-- Texts and the picture (drawn by tests/packs/make_example_pictures.py): CC BY 4.0, Sandyq.
pack {
  id = "kz.sandyq.example",
  version = "1.0",
  grade = 3,
  title = { kk = "Компьютермен танысу", ru = "Знакомство с компьютером" },
  description = {
    kk = "Компьютердің негізгі құрылғылары: енгізу және шығару.",
    ru = "Основные устройства компьютера: ввод и вывод.",
  },
  author = "Sandyq",
  licence = "CC BY 4.0",
  section = "3.1",
  objectives = { "3.1.1.1", "3.1.1.2" },
  lessons = { "devices.lua", "check.lua" },
}
