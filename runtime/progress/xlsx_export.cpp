// progress/xlsx_export.cpp — XLSX through libxlsxwriter (see xlsx_export.h).
#include "progress/xlsx_export.h"

#include <xlsxwriter.h>

#include <cstdio>

#include "core/utf8.h"
#include "progress/civil_time.h"

namespace sandyq::progress {
namespace {

// Excel sheet names: at most 31 characters, none of []:*?/\ .
std::string sheetName(const std::string& class_name) {
    std::string s;
    for (char c : class_name) s.push_back((c == '[' || c == ']' || c == ':' || c == '*' || c == '?' || c == '/' || c == '\\') ? '_' : c);
    s = std::string(text::truncateCodepoints(s, 31));
    return s.empty() ? "Sandyq" : s;
}

}  // namespace

Status writeXlsx(const ExportTable& table, const text::Catalogue& catalogue, const std::string& path) {
    const auto fail = [&](lxw_error err) {
        return Status::error(ErrorCode::Io, "progress.export.xlsx_failed", path, lxw_strerror(err));
    };
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) return fail(LXW_ERROR_CREATING_XLSX_FILE);
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheetName(table.class_name).c_str());
    lxw_format* bold = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(bold);
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "dd.mm.yyyy");
    if (!ws) {
        workbook_close(wb);
        return fail(LXW_ERROR_MEMORY_MALLOC_FAILED);
    }
    const std::vector<std::string> headers = exportHeaders(catalogue);
    for (size_t c = 0; c < headers.size(); ++c) worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), headers[c].c_str(), bold);
    worksheet_freeze_panes(ws, 1, 0);
    const double widths[] = {24, 8, 12, 30, 16, 14, 8, 8, 6, 12};
    for (lxw_col_t c = 0; c < 10; ++c) worksheet_set_column(ws, c, c, widths[c], c == 2 ? date : nullptr);
    lxw_row_t row = 1;
    for (const ExportRow& r : table.rows) {
        const std::vector<std::string> cells = exportCells(table, r, catalogue);
        for (lxw_col_t c = 0; c < cells.size(); ++c) {
            if (cells[c].empty()) continue;
            if (c == 2 && r.last_time > 0) {
                const detail::CivilTime t = detail::civilFromUnix(r.last_time + table.utc_offset_s);
                lxw_datetime dt{t.year, t.month, t.day, 0, 0, 0.0};
                worksheet_write_datetime(ws, row, c, &dt, date);
            } else if (c >= 6 && !(table.completion_only && c == 9)) {
                worksheet_write_number(ws, row, c, std::strtod(cells[c].c_str(), nullptr), nullptr);
            } else {
                worksheet_write_string(ws, row, c, cells[c].c_str(), nullptr);
            }
        }
        ++row;
    }
    const lxw_error err = workbook_close(wb);
    if (err != LXW_NO_ERROR) return fail(err);
    return Status::success();
}

Result<std::string> exportXlsx(const ExportTable& table, const text::Catalogue& catalogue, const std::string& temp_path) {
    if (Status st = writeXlsx(table, catalogue, temp_path); !st.ok()) return st;
    std::FILE* f = std::fopen(temp_path.c_str(), "rb");
    if (!f) return Status::error(ErrorCode::Io, "progress.export.xlsx_failed", temp_path, "read back");
    std::string bytes;
    char buf[16384];
    size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
    std::fclose(f);
    std::remove(temp_path.c_str());
    return bytes;
}

}  // namespace sandyq::progress
