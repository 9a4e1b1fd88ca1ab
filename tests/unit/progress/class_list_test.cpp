#include "progress/class_list.h"

#include <doctest/doctest.h>

using namespace sandyq;
using namespace sandyq::progress;

TEST_CASE("progress.class_list: pasted names, one per line, with blank lines and duplicates") {
    const ClassList l = parseClassList("Әлия\n\n  Ерлан  \r\nДана\nәлия\n\t\nБолат\n");
    CHECK(l.names == std::vector<std::string>{"Әлия", "Ерлан", "Дана", "Болат"});
    CHECK(l.lines == std::vector<int>{1, 3, 4, 7});
    REQUIRE(l.issues.size() == 1);
    CHECK(l.issues[0].kind == ClassListIssue::Kind::Duplicate);
    CHECK(l.issues[0].line == 5);
    CHECK(l.issues[0].name == "әлия");
    CHECK(std::string(l.issues[0].messageKey()) == "progress.import.duplicate");
}

TEST_CASE("progress.class_list: a spreadsheet CSV with BOM, header, row numbers and quotes") {
    const std::string csv =
        "\xEF\xBB\xBF№;Фамилия;Имя\r\n"
        "1;Иванов;Пётр\r\n"
        "2;\"Сейітқали\";\"Ә; \"\"Әсем\"\"\"\r\n"
        ";;\r\n"
        "3;Ким;Алина\r\n";
    const ClassList l = parseClassList(csv);
    CHECK(l.names == std::vector<std::string>{"Иванов Пётр", "Сейітқали Ә; \"Әсем\"", "Ким Алина"});
    CHECK(l.issues.empty());
}

TEST_CASE("progress.class_list: comma and tab separated, numbered lines, too long names") {
    CHECK(parseClassList("Name,Class\nАйдана,3 Ә\nБерік,3 Ә\n").names ==
          std::vector<std::string>{"Айдана 3 Ә", "Берік 3 Ә"});
    CHECK(parseClassList("1\tАйдана\n2\tБерік\n").names == std::vector<std::string>{"Айдана", "Берік"});
    CHECK(parseClassList("1. Айдана\n2) Берік\n").names == std::vector<std::string>{"Айдана", "Берік"});
    const ClassList l = parseClassList("Айдана\n" + std::string(80, 'x') + "\n\xFF\xFE bad\n");
    CHECK(l.names == std::vector<std::string>{"Айдана"});
    REQUIRE(l.issues.size() == 2);
    CHECK(l.issues[0].kind == ClassListIssue::Kind::TooLong);
    CHECK(l.issues[1].kind == ClassListIssue::Kind::BadText);
    CHECK(l.issues[1].line == 3);
    CHECK(parseClassList("").names.empty());
    CHECK(parseClassList("\xEF\xBB\xBF").names.empty());
}

TEST_CASE("progress.class_list: import into a class reports pupils already there") {
    ProgressStore s;
    const ClassId c = s.addClass("3 Ә", 2026, 3).value();
    REQUIRE(s.addPupil(c, "Дана").ok());
    const ClassListImport r = importClassList(s, c, "Дана\nӘлия\nЕрлан\nӘлия\n").value();
    CHECK(r.added.size() == 2);
    CHECK(s.pupilsOf(c).size() == 3);
    REQUIRE(r.issues.size() == 2);
    CHECK(r.issues[0].kind == ClassListIssue::Kind::Duplicate);
    CHECK(r.issues[1].kind == ClassListIssue::Kind::AlreadyInClass);
    CHECK(r.issues[1].name == "Дана");
    CHECK(importClassList(s, ClassId{77}, "X").status().code == ErrorCode::NotFound);
}
