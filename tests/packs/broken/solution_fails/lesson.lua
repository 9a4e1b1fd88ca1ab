-- The reference solution prints the sum, the goal expects the product: packcheck reports the step.
lesson {
  id = "l1",
  title = { kk = "Сабақ", ru = "Урок" },
  steps = {
    python {
      id = "product",
      task = { kk = "2 мен 3-тің көбейтіндісін шығар", ru = "Выведи произведение 2 и 3" },
      goals = { { builtin = "output", text = "6" } },
      solution = "print(2 + 3)",
    },
  },
}
