def add_item(x, items=None):
    if items is None:
        items = []
    items.append(x)
    return items
print(add_item(1), add_item(2), add_item(3, [0]))
