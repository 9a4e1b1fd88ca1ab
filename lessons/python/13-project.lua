-- Lesson 13: a small project — a shop receipt (input, list, loop, condition, function together).
lesson {
  id = "project",
  title = { kk = "Жоба: дүкен чегі", ru = "Проект: чек из магазина" },
  objectives = { "6.3.3.2", "6.3.1.1", "6.3.2.1", "5.3.2.2" },
  minutes = 15,
  teacher_note = {
    kk = "Жобалық сабақ: оқушылар бір бағдарламаны үш қадаммен толықтырады. Жұппен жұмыс істеуге болады. Соңғы қадамды бөлімнің жиынтық бағалауына алыңыз; жұлдыздар жұмыстың сапасын көрсетеді.",
    ru = "Проектный урок: ученики дополняют одну программу за три шага. Можно работать в парах. Последний шаг используйте для суммативного оценивания за раздел; звёзды показывают качество решения.",
  },
  steps = {
    theory {
      id = "plan",
      title = { kk = "Жоспар құрамыз", ru = "Составляем план" },
      body = {
        { kk = "Үлкен тапсырманы кішкентай бөліктерге бөлеміз. Біздің жоба — дүкендегі **чек**: тауарлардың бағасын енгізіп, қанша төлеу керегін есептейміз.",
          ru = "Большую задачу делим на маленькие части. Наш проект — **чек** в магазине: вводим цены товаров и считаем, сколько нужно заплатить." },
        { kk = "1-қадам: бағаларды тізімге жинау. 2-қадам: қосындыны есептеу. 3-қадам: жеңілдік. Әр қадамнан кейін бағдарламаны тексер.",
          ru = "Шаг 1: собрать цены в список. Шаг 2: посчитать сумму. Шаг 3: скидка. После каждого шага проверяй программу." },
      },
    },
    quiz {
      id = "plan-order",
      kind = "order",
      question = { kk = "Чек бағдарламасының бөліктерін ретімен қой.", ru = "Расставь части программы-чека по порядку." },
      items = {
        { kk = "Тауар санын енгізу", ru = "Ввести количество товаров" },
        { kk = "Бағаларды тізімге жинау", ru = "Собрать цены в список" },
        { kk = "Қосындыны есептеу", ru = "Посчитать сумму" },
        { kk = "Жеңілдікті есептеу", ru = "Посчитать скидку" },
        { kk = "Төлейтін соманы шығару", ru = "Вывести сумму к оплате" },
      },
    },
    python {
      id = "receipt-1",
      title = { kk = "1-қадам: бағалар", ru = "Шаг 1: цены" },
      task = { kk = "Тауар санын n, сосын n бағаны (бүтін сан, теңгемен) енгіз. Бағаларды prices тізіміне жина және олардың қосындысын шығар.",
               ru = "Введи количество товаров n, потом n цен (целые числа, в тенге). Собери цены в список prices и выведи их сумму." },
      world = { inputs = { "3", "450", "1200", "300" } },
      goals = {
        { builtin = "output", text = "1950" },
        { builtin = "output", text = "0", inputs = { "0" } },
        { builtin = "variable", name = "prices", value = { 450, 1200, 300 },
          message = { kk = "Бағаларды prices тізіміне жина.", ru = "Собери цены в список prices." } },
        { builtin = "uses", name = { "for", "append" } },
      },
      hints = {
        { kk = "prices = [] — бос тізім.", ru = "prices = [] — пустой список." },
        { kk = "for i in range(n):\n    prices.append(int(input()))", ru = "for i in range(n):\n    prices.append(int(input()))" },
        { kk = "Қосынды: print(sum(prices))", ru = "Сумма: print(sum(prices))" },
      },
      stars = { max_lines = 5 },
      solution = "n = int(input())\nprices = []\nfor i in range(n):\n    prices.append(int(input()))\nprint(sum(prices))",
      points = 2,
    },
    python {
      id = "receipt-2",
      title = { kk = "2-қадам: жеңілдік", ru = "Шаг 2: скидка" },
      task = { kk = "Бағдарламаны толықтыр. Қосынды 5000 теңгеден көп болса, 10% жеңілдік бар. Екі жол шығар: қосынды және төлейтін сома (бүтін сан, // арқылы).",
               ru = "Дополни программу. Если сумма больше 5000 тенге, действует скидка 10%. Выведи две строки: сумму и сумму к оплате (целое число, через //)." },
      world = { inputs = { "2", "4000", "2000" } },
      goals = {
        { builtin = "output", text = "6000\n5400" },
        { builtin = "output", text = "1950\n1950", inputs = { "3", "450", "1200", "300" } },
        { builtin = "output", text = "5000\n5000", inputs = { "1", "5000" } },
        { builtin = "uses", name = "if" },
      },
      hints = {
        { kk = "Төлейтін сома алдымен қосындыға тең: pay = total", ru = "Сначала сумма к оплате равна сумме: pay = total" },
        { kk = "if total > 5000: — тек сонда жеңілдік бар.", ru = "if total > 5000: — только тогда есть скидка." },
        { kk = "10% жеңілдікпен: pay = total * 90 // 100", ru = "Со скидкой 10%: pay = total * 90 // 100" },
      },
      stars = { max_lines = 10 },
      solution = "n = int(input())\nprices = []\nfor i in range(n):\n    prices.append(int(input()))\ntotal = sum(prices)\npay = total\nif total > 5000:\n    pay = total * 90 // 100\nprint(total)\nprint(pay)",
      points = 3,
    },
    python {
      id = "receipt-3",
      title = { kk = "3-қадам: функция", ru = "Шаг 3: функция" },
      task = { kk = "to_pay(total) функциясын жаз: ол жеңілдікпен төлейтін соманы қайтарсын. Бағдарлама төрт жол шығарсын: тауар саны, қосынды, төлейтін сома және ең қымбат тауардың бағасы.",
               ru = "Напиши функцию to_pay(total), которая возвращает сумму к оплате со скидкой. Программа выводит четыре строки: количество товаров, сумму, сумму к оплате и цену самого дорогого товара." },
      world = { inputs = { "4", "3000", "1500", "700", "800" } },
      goals = {
        { builtin = "output", text = "4\n6000\n5400\n3000" },
        { builtin = "output", text = "1\n100\n100\n100", inputs = { "1", "100" } },
        { builtin = "uses", name = { "def", "return", "to_pay" } },
        { check = function(run, trace)
            -- to_pay is used for the answer: 10 000 tenge gives 9 000 to pay
            return run.lines[3] == "9000"
          end,
          inputs = { "2", "5000", "5000" },
          message = { kk = "10000 теңгелік чек үшін төлейтін сома 9000 болуы керек.", ru = "Для чека на 10000 тенге сумма к оплате должна быть 9000." } },
      },
      hints = {
        { kk = "def to_pay(total):\n    if total > 5000:\n        return total * 90 // 100\n    return total",
          ru = "def to_pay(total):\n    if total > 5000:\n        return total * 90 // 100\n    return total" },
        { kk = "Тауар саны — len(prices), ең қымбаты — max(prices).", ru = "Количество — len(prices), самый дорогой — max(prices)." },
      },
      stars = { max_lines = 13, time = 600 },
      solution = "def to_pay(total):\n    if total > 5000:\n        return total * 90 // 100\n    return total\n\nn = int(input())\nprices = []\nfor i in range(n):\n    prices.append(int(input()))\ntotal = sum(prices)\nprint(len(prices))\nprint(total)\nprint(to_pay(total))\nprint(max(prices))",
      points = 4,
    },
  },
}
