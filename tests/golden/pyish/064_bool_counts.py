answers = [True, False, True, True, False]
print(sum(answers), answers.count(True), len(answers) - sum(answers))
print(True * 3, False + 1, int(True), bool("False"), bool(0.0))
