-- Grade 1, lesson 6 (section 1.1 Computer): keyboard skills.
lesson {
  id = "keyboard",
  title = { kk = "Пернетақта", ru = "Клавиатура" },
  objectives = { "1.1.4.2" },
  minutes = 10,
  teacher_note = {
    kk = "Балаларға өз атын тергізіңіз; қатені Backspace өшіреді.",
    ru = "Дайте напечатать своё имя; ошибки стираем Backspace.",
  },
  steps = {
    theory {
      id = "letters",
      title = { kk = "Әріп пернелері", ru = "Клавиши с буквами" },
      body = {
        picture {
          file = "assets/keyboard-letters.png",
          caption = { kk = "Әріп пернелері көк түспен белгіленген", ru = "Клавиши с буквами выделены синим" },
          alt = { kk = "Пернетақта, әріп пернелері көк", ru = "Клавиатура, клавиши с буквами синие" },
        },
        { kk = "Әр пернеде әріп не сан жазылған. Пернені бассаң, экранда әріп шығады.",
          ru = "На каждой клавише есть буква или цифра. Нажмёшь клавишу — на экране появится буква." },
        { kk = "Пернені ақырын бас. Қатты ұрма.", ru = "Нажимай клавишу мягко. Не стучи." },
      },
    },
    theory {
      id = "special",
      title = { kk = "Ерекше пернелер", ru = "Особые клавиши" },
      body = {
        picture {
          file = "assets/key-space.png",
          caption = { kk = "Бос орын пернесі", ru = "Пробел" },
          alt = { kk = "Ұзын перне", ru = "Длинная клавиша" },
        },
        { kk = "**Бос орын** — ең ұзын перне. Ол сөздің арасын ашады.",
          ru = "**Пробел** — самая длинная клавиша. Он ставит промежуток между словами." },
        picture {
          file = "assets/key-backspace.png",
          caption = { kk = "Өшіру пернесі", ru = "Клавиша удаления" },
          alt = { kk = "Солға қараған көрсеткі мен айқышы бар перне", ru = "Клавиша со стрелкой влево и крестиком" },
        },
        { kk = "**Backspace** пернесі қате әріпті өшіреді.", ru = "Клавиша **Backspace** стирает неверную букву." },
        picture {
          file = "assets/key-enter.png",
          caption = { kk = "Enter пернесі", ru = "Клавиша Enter" },
          alt = { kk = "Иілген көрсеткісі бар перне", ru = "Клавиша с изогнутой стрелкой" },
        },
        { kk = "**Enter** пернесі жаңа жолды бастайды.", ru = "Клавиша **Enter** начинает новую строку." },
      },
    },
    quiz {
      id = "erase",
      kind = "single",
      question = { kk = "Қате әріпті қай перне өшіреді?", ru = "Какая клавиша стирает неверную букву?" },
      options = {
        { kk = "Backspace", ru = "Backspace", picture = "assets/key-backspace.png", correct = true },
        { kk = "Бос орын", ru = "Пробел", picture = "assets/key-space.png",
          feedback = { kk = "Бос орын сөздің арасын ашады.", ru = "Пробел ставит промежуток между словами." } },
        { kk = "Enter", ru = "Enter", picture = "assets/key-enter.png",
          feedback = { kk = "Enter жаңа жолды бастайды.", ru = "Enter начинает новую строку." } },
      },
    },
    quiz {
      id = "keys-match",
      kind = "match",
      picture = "assets/keys.png",
      question = { kk = "Перне не істейді? Қос.", ru = "Что делает клавиша? Соедини." },
      pairs = {
        { { kk = "Бос орын", ru = "Пробел" }, { kk = "Сөздің арасын ашады", ru = "Промежуток между словами" } },
        { { kk = "Enter", ru = "Enter" }, { kk = "Жаңа жол", ru = "Новая строка" } },
        { { kk = "Backspace", ru = "Backspace" }, { kk = "Әріпті өшіреді", ru = "Стирает букву" } },
      },
      explain = { kk = "Бос орын сөздерді бөледі, Enter жаңа жол ашады, Backspace әріпті өшіреді.",
                  ru = "Пробел разделяет слова, Enter начинает новую строку, Backspace стирает букву." },
    },
    quiz {
      id = "longest",
      kind = "single",
      question = { kk = "Ең ұзын перне қайсысы?", ru = "Какая клавиша самая длинная?" },
      picture = "assets/keyboard.png",
      options = {
        { kk = "Бос орын", ru = "Пробел", correct = true },
        { kk = "Enter", ru = "Enter",
          feedback = { kk = "Enter үлкен, бірақ бос орын одан да ұзын.", ru = "Enter большая, но пробел ещё длиннее." } },
        { kk = "Әріп пернесі", ru = "Клавиша с буквой",
          feedback = { kk = "Әріп пернелері кішкентай.", ru = "Клавиши с буквами маленькие." } },
      },
      explain = { kk = "Бос орын пернесі төменгі қатарда, ол ең ұзын.", ru = "Пробел в нижнем ряду, он самый длинный." },
    },
  },
}
