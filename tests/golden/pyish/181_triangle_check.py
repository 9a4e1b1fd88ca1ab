def triangle(a, b, c):
    if a + b <= c or a + c <= b or b + c <= a:
        return "үшбұрыш емес"
    if a == b == c:
        return "тең қабырғалы"
    if a == b or b == c or a == c:
        return "тең бүйірлі"
    if a * a + b * b == c * c:
        return "тік бұрышты"
    return "әр түрлі қабырғалы"
for t in [(3, 4, 5), (2, 2, 2), (2, 2, 3), (1, 2, 3), (4, 5, 6)]:
    print(t, triangle(t[0], t[1], t[2]))
