lesson {
  id = "l1",
  title = { kk = "Саба?", ru = "Урок" },
  steps = {
    theory { id = "t1", body = { { kk = "РњУ™С‚С–РЅ", ru = "РўРµРєСЃС‚" } } },
  },
}
