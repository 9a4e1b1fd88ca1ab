-- Lesson 11: functions — def, parameters, return.
lesson {
  id = "functions",
  title = { kk = "Өз функцияларың", ru = "Свои функции" },
  objectives = { "6.3.2.1" },
  minutes = 15,
  teacher_note = {
    kk = "Функцияны «жаңа команда жасау» деп түсіндіріңіз. print (экранға шығару) мен return (нәтижені қайтару) айырмашылығы — ең қиын тұс: екеуін қатар көрсетіңіз.",
    ru = "Объясните функцию как «создание новой команды». Самое трудное — разница между print (вывести на экран) и return (вернуть результат): покажите их рядом.",
  },
  steps = {
    theory {
      id = "def",
      title = { kk = "Жаңа команда жасаймыз", ru = "Создаём новую команду" },
      body = {
        { kk = "**Функция** — атауы бар командалар тобы. Оны **def** арқылы бір рет жазып, кейін көп рет шақырамыз.",
          ru = "**Функция** — это группа команд с именем. Её один раз описывают через **def**, а потом вызывают сколько угодно раз." },
        { kk = "def сәлемдес(аты):\n    print(\"Сәлем,\", аты)\n\nсәлемдес(\"Әлия\")\nсәлемдес(\"Арман\")",
          ru = "def поздоровайся(имя):\n    print(\"Привет,\", имя)\n\nпоздоровайся(\"Алия\")\nпоздоровайся(\"Арман\")" },
        { kk = "Жақшадағы аты — **параметр**: функция шақырылғанда оған мән беріледі.",
          ru = "имя в скобках — **параметр**: при вызове функции в него попадает значение." },
      },
    },
    theory {
      id = "return",
      title = { kk = "return — нәтижені қайтару", ru = "return — вернуть результат" },
      body = {
        { kk = "**return** функцияның нәтижесін шақырған жерге қайтарады:\ndef квадрат(x):\n    return x * x\nprint(квадрат(5) + 1)\nЭкранда: 26",
          ru = "**return** возвращает результат функции туда, откуда её вызвали:\ndef квадрат(x):\n    return x * x\nprint(квадрат(5) + 1)\nНа экране: 26" },
        { kk = "print тек экранға шығарады, ал return мәнді әрі қарай есептеуге береді.",
          ru = "print только показывает на экране, а return отдаёт значение для дальнейших вычислений." },
      },
    },
    quiz {
      id = "what-returns",
      kind = "single",
      question = { kk = "Не шығады?\ndef f(a, b):\n    return a * 2 + b\nprint(f(3, 1))", ru = "Что будет выведено?\ndef f(a, b):\n    return a * 2 + b\nprint(f(3, 1))" },
      options = {
        { kk = "7", ru = "7", correct = true },
        { kk = "5", ru = "5", feedback = { kk = "a = 3, b = 1: 3 * 2 + 1 = 7.", ru = "a = 3, b = 1: 3 * 2 + 1 = 7." } },
        { kk = "8", ru = "8", feedback = { kk = "Алдымен көбейту: 3 * 2 = 6, сосын 1 қосамыз.", ru = "Сначала умножение: 3 * 2 = 6, потом прибавляем 1." } },
      },
    },
    quiz {
      id = "def-order",
      kind = "order",
      question = { kk = "Функцияны жасау мен шақыру жолдарын дұрыс ретпен қой.", ru = "Расставь строки описания и вызова функции в правильном порядке." },
      items = {
        { kk = "def екі_есе(x):", ru = "def удвоить(x):" },
        { kk = "    return x * 2", ru = "    return x * 2" },
        { kk = "n = int(input())", ru = "n = int(input())" },
        { kk = "print(екі_есе(n))", ru = "print(удвоить(n))" },
      },
    },
    python {
      id = "square",
      title = { kk = "Квадрат", ru = "Квадрат" },
      task = { kk = "square(x) функциясын жаз: ол x * x қайтарсын. Сосын square(7) мәнін шығар.",
               ru = "Напиши функцию square(x), которая возвращает x * x. Потом выведи square(7)." },
      goals = {
        { builtin = "output", text = "49" },
        { builtin = "uses", name = { "def", "return", "square" } },
      },
      hints = {
        { kk = "Бірінші жол: def square(x):", ru = "Первая строка: def square(x):" },
        { kk = "Функцияның ішінде: return x * x (шегініспен)", ru = "Внутри функции: return x * x (с отступом)" },
        { kk = "Шақыру: print(square(7))", ru = "Вызов: print(square(7))" },
      },
      stars = { max_lines = 3 },
      solution = "def square(x):\n    return x * x\n\nprint(square(7))",
      points = 2,
    },
    python {
      id = "max3",
      title = { kk = "Үшеудің ең үлкені", ru = "Наибольшее из трёх" },
      task = { kk = "bigger(a, b) функциясын жаз: ол екі санның үлкенін қайтарсын (max қолданба). Үш санды енгізіп, bigger-ді екі рет шақырып, ең үлкенін шығар.",
               ru = "Напиши функцию bigger(a, b), которая возвращает большее из двух чисел (без max). Введи три числа и выведи наибольшее, вызвав bigger два раза." },
      world = { inputs = { "4", "11", "7" } },
      goals = {
        { builtin = "output", text = "11" },
        { builtin = "output", text = "9", inputs = { "9", "2", "-1" } },
        { builtin = "output", text = "5", inputs = { "1", "2", "5" } },
        { builtin = "uses", name = { "def", "return", "bigger" } },
        { builtin = "avoids", name = "max" },
      },
      hints = {
        { kk = "bigger ішінде if қолдан: if a > b: return a", ru = "Внутри bigger используй if: if a > b: return a" },
        { kk = "Әйтпесе return b.", ru = "Иначе return b." },
        { kk = "Үшеуінің ең үлкені: bigger(bigger(a, b), c)", ru = "Наибольшее из трёх: bigger(bigger(a, b), c)" },
      },
      stars = { max_lines = 9 },
      solution = "def bigger(a, b):\n    if a > b:\n        return a\n    return b\n\na = int(input())\nb = int(input())\nc = int(input())\nprint(bigger(bigger(a, b), c))",
      points = 3,
    },
  },
}
