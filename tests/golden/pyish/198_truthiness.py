for v in [0, 1, -1, 0.0, "", "0", [], [0], {}, None, (), (0,)]:
    if v:
        print(repr(v), "ақиқат")
    else:
        print(repr(v), "жалған")
