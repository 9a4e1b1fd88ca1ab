-- Grade 3, lesson 2: files and folders. CC BY 4.0, Sandyq.
lesson {
  id = "folders",
  title = { kk = "Файлдар мен бумалар", ru = "Файлы и папки" },
  objectives = { "3.1.2.1" },
  minutes = 10,
  teacher_note = {
    kk = "Мектеп компьютерінде оқушылармен бірге «3-сынып» деген бума ашып, ішіне тағы бір бума жасаңыз. Бума ағашын тақтаға салып көрсетуге болады.",
    ru = "На школьном компьютере создайте вместе с детьми папку «3 класс» и внутри неё ещё одну папку. Дерево папок можно нарисовать на доске.",
  },
  steps = {
    theory {
      id = "file-folder",
      title = { kk = "Файл және бума", ru = "Файл и папка" },
      body = {
        { kk = "**Файл** — компьютерде аты бар ақпарат. Ол ертегі, сурет, ән немесе ойын болуы мүмкін.",
          ru = "**Файл** — это информация с именем на компьютере. Это может быть сказка, рисунок, песня или игра." },
        { kk = "**Бума** — файлдарды сақтайтын орын. Бумаға басқа бумаларды да салуға болады.",
          ru = "**Папка** — место, где хранятся файлы. В папку можно положить и другие папки." },
        { kk = "Бумалар кітап сөресіне ұқсайды: әр нәрсе өз орнында тұрса, оны тез табасың.",
          ru = "Папки похожи на книжную полку: если всё лежит на своём месте, нужное найдёшь быстро." },
      },
    },
    theory {
      id = "tree",
      title = { kk = "Бума ағашы", ru = "Дерево папок" },
      body = {
        picture {
          file = "assets/folders.png",
          caption = { kk = "school бумасы және оның ішіндегілер", ru = "Папка school и то, что в ней лежит" },
          alt = { kk = "school бумасының ішінде үш бума: photos, music, homework. photos ішінде cat.png мен tree.png, music ішінде song.mp3, homework ішінде poem.txt.",
                  ru = "В папке school три папки: photos, music, homework. В photos лежат cat.png и tree.png, в music — song.mp3, в homework — poem.txt." },
        },
        { kk = "Сары белгі — бума, ақ белгі — файл. Сызықтар қай нәрсе қай бумада жатқанын көрсетеді.",
          ru = "Жёлтый значок — папка, белый — файл. Линии показывают, что в какой папке лежит." },
      },
    },
    quiz {
      id = "where-cat",
      kind = "single",
      question = { kk = "cat.png файлы қай бумада жатыр?", ru = "В какой папке лежит файл cat.png?" },
      picture = "assets/folders.png",
      options = {
        { kk = "photos", ru = "photos", correct = true },
        { kk = "music", ru = "music",
          feedback = { kk = "music бумасында тек song.mp3 бар.", ru = "В папке music только song.mp3." } },
        { kk = "homework", ru = "homework",
          feedback = { kk = "homework бумасында poem.txt жатыр.", ru = "В папке homework лежит poem.txt." } },
      },
    },
    quiz {
      id = "open-poem",
      kind = "order",
      question = { kk = "poem.txt файлын ашу керек. Ретімен қой.", ru = "Нужно открыть файл poem.txt. Расставь по порядку." },
      items = {
        { kk = "school бумасын ашамын", ru = "Открываю папку school" },
        { kk = "homework бумасын ашамын", ru = "Открываю папку homework" },
        { kk = "poem.txt файлын ашамын", ru = "Открываю файл poem.txt" },
      },
    },
    quiz {
      id = "folder-in-folder",
      kind = "truefalse",
      question = { kk = "Буманың ішінде басқа бума болуы мүмкін.", ru = "Внутри папки может быть другая папка." },
      answer = true,
      explain = { kk = "Иә. Мысалы, school бумасының ішінде photos бумасы бар.",
                  ru = "Да. Например, в папке school есть папка photos." },
    },
    quiz {
      id = "where-song",
      kind = "text",
      question = { kk = "song.mp3 файлы қай бумада жатыр? Буманың атын жаз.", ru = "В какой папке лежит файл song.mp3? Напиши имя папки." },
      answer = { kk = "music", ru = "music" },
      explain = { kk = "song.mp3 — ән, ол music бумасында жатыр.", ru = "song.mp3 — песня, она лежит в папке music." },
    },
  },
}
