-- tries to run a command on the teacher's computer
os.execute("echo hacked > /tmp/sandyq-hacked")
lesson { id = "l1", title = { kk = "Сабақ", ru = "Урок" }, steps = {} }
