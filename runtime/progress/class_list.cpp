// progress/class_list.cpp — tolerant class-list parsing (see class_list.h).
#include "progress/class_list.h"

#include <set>

#include "core/utf8.h"

namespace sandyq::progress {
namespace {

// Splits CSV text into rows of fields (RFC 4180 quotes; a quote inside an unquoted field is
// literal). Each row remembers its first line.
struct Row {
    std::vector<std::string> fields;
    int line = 0;
};

std::vector<Row> splitCsv(std::string_view s, char sep) {
    std::vector<Row> rows;
    Row row;
    std::string field;
    bool quoted = false, field_started_quoted = false;
    int line = 1;
    row.line = 1;
    const auto endField = [&] {
        row.fields.push_back(field);
        field.clear();
        field_started_quoted = false;
    };
    const auto endRow = [&] {
        endField();
        rows.push_back(std::move(row));
        row = Row{};
        row.line = line;
    };
    for (size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && field.find_first_not_of(" \t") == std::string::npos && !field_started_quoted) {
            field.clear();
            quoted = true;
            field_started_quoted = true;
        } else if (sep != '\0' && c == sep) {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
            ++line;
            endRow();
        } else {
            field.push_back(c);
        }
    }
    if (!field.empty() || !row.fields.empty() || field_started_quoted) endRow();
    return rows;
}

// The separator used most often outside quotes in the first lines; '\0' (none) if no candidate.
char guessSeparator(std::string_view s) {
    int counts[3] = {0, 0, 0};
    const char cands[3] = {';', '\t', ','};
    bool quoted = false;
    int lines = 0;
    for (size_t i = 0; i < s.size() && lines < 50; ++i) {
        const char c = s[i];
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') ++lines;
        for (int k = 0; k < 3; ++k) if (c == cands[k]) ++counts[k];
    }
    int best = -1;
    for (int k = 0; k < 3; ++k) if (counts[k] > 0 && (best < 0 || counts[k] > counts[best])) best = k;
    return best < 0 ? '\0' : cands[best];
}

bool isRowNumber(std::string_view f) {
    if (f.empty()) return false;
    size_t digits = 0;
    for (char c : f) {
        if (c >= '0' && c <= '9') ++digits;
        else if (c != '.' && c != ')' && c != '#') return false;
    }
    return digits > 0;
}

bool isHeader(const std::string& joined) {
    static const char* const kWords[] = {"аты", "есім", "оқушы", "фио", "имя", "фамилия", "ученик",
                                         "name", "pupil", "student", "№"};
    const std::string low = text::toLower(joined);
    for (const char* w : kWords) if (low.find(w) != std::string::npos) return true;
    return false;
}

}  // namespace

const char* ClassListIssue::messageKey() const {
    switch (kind) {
        case Kind::Duplicate: return "progress.import.duplicate";
        case Kind::TooLong: return "progress.import.too_long";
        case Kind::BadText: return "progress.import.bad_text";
        case Kind::AlreadyInClass: return "progress.import.already_in_class";
        case Kind::ClassFull: return "progress.import.class_full";
        case Kind::None: break;
    }
    return "progress.import.bad_text";
}

ClassList parseClassList(std::string_view text) {
    ClassList out;
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const char sep = guessSeparator(text);
    std::set<std::string> seen;
    bool first_content_row = true;
    for (const Row& row : splitCsv(text, sep)) {
        std::string joined;
        for (const std::string& f : row.fields) {
            const std::string n = normalizeName(f);
            if (n.empty() || isRowNumber(n)) continue;
            if (!joined.empty()) joined.push_back(' ');
            joined += n;
        }
        // A line like "1. Әлия" keeps only the name.
        const size_t sp = joined.find(' ');
        if (sp != std::string::npos && isRowNumber(joined.substr(0, sp))) joined = joined.substr(sp + 1);
        if (joined.empty()) continue;
        const bool was_first = first_content_row;
        first_content_row = false;
        if (was_first && isHeader(joined)) continue;
        ClassListIssue issue;
        issue.line = row.line;
        if (!text::isValidUtf8(joined) || validateName(joined).code == ErrorCode::Invalid) {
            issue.name = text::sanitizeUtf8(joined);
            issue.kind = joined.size() > kMaxNameBytes && text::isValidUtf8(joined) ? ClassListIssue::Kind::TooLong
                                                                                      : ClassListIssue::Kind::BadText;
            if (issue.kind == ClassListIssue::Kind::TooLong) {
                issue.name = std::string(text::truncateCodepoints(issue.name, 40)) + "…";
            }
            out.issues.push_back(issue);
            continue;
        }
        if (!seen.insert(nameKey(joined)).second) {
            issue.kind = ClassListIssue::Kind::Duplicate;
            issue.name = joined;
            out.issues.push_back(issue);
            continue;
        }
        out.names.push_back(joined);
        out.lines.push_back(row.line);
    }
    return out;
}

Result<ClassListImport> importClassList(ProgressStore& store, ClassId class_id, std::string_view text) {
    if (!store.findClass(class_id)) return Status::error(ErrorCode::NotFound, "progress.err.no_such_class");
    ClassList list = parseClassList(text);
    ClassListImport out;
    out.issues = std::move(list.issues);
    for (size_t i = 0; i < list.names.size(); ++i) {
        ClassListIssue issue;
        issue.line = list.lines[i];
        issue.name = list.names[i];
        if (store.findPupilByName(class_id, list.names[i])) {
            issue.kind = ClassListIssue::Kind::AlreadyInClass;
            out.issues.push_back(issue);
            continue;
        }
        Result<PupilId> id = store.addPupil(class_id, list.names[i]);
        if (!id.ok()) {
            issue.kind = id.status().code == ErrorCode::Limit ? ClassListIssue::Kind::ClassFull
                                                              : ClassListIssue::Kind::BadText;
            out.issues.push_back(issue);
            continue;
        }
        out.added.push_back(id.value());
    }
    return out;
}

}  // namespace sandyq::progress
