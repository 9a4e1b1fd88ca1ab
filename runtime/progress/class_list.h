// progress/class_list.h — a class list from a CSV file or pasted text: one pupil per line.
// Depends on: progress/store (names). Pure: parsing never fails, it reports what it skipped.
// Tolerates a UTF-8 BOM, CRLF/CR line ends, `;` `,` or tab separated columns (the separator is
// guessed from the text), "quoted ""fields""", blank lines, row numbers ("1.", "12") and a header
// row (a first line naming a column like "Аты-жөні", "ФИО", "Name"). Several name columns
// ("Фамилия;Имя") are joined with a space.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "progress/store.h"

namespace sandyq::progress {

struct ClassListIssue {
    enum class Kind : uint8_t { None = 0, Duplicate, TooLong, BadText, AlreadyInClass, ClassFull };
    Kind kind = Kind::None;
    int line = 0;           // 1-based line of the input
    std::string name;       // the name as read (sanitised UTF-8)
    const char* messageKey() const;  // "progress.import.duplicate" … ({name}, {line})
};

struct ClassList {
    std::vector<std::string> names;      // unique (case-insensitive), normalised, in input order
    std::vector<int> lines;              // line of each name
    std::vector<ClassListIssue> issues;  // duplicates, names too long, invalid text
};

ClassList parseClassList(std::string_view text);

// Adds the parsed names to a class; names already in the class are reported (AlreadyInClass),
// not added twice. Returns the pupils added, in order.
struct ClassListImport {
    std::vector<PupilId> added;
    std::vector<ClassListIssue> issues;  // parse issues + AlreadyInClass / ClassFull
};
Result<ClassListImport> importClassList(ProgressStore& store, ClassId class_id, std::string_view text);

}  // namespace sandyq::progress
