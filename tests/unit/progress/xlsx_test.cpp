// XLSX export (libxlsxwriter), natively and in the wasm build under node: the workbook is a real
// zip that a spreadsheet opens — read back here with minizip — holding the class's sheet, the
// Kazakh headers and names, numbers as numbers and the date as an Excel date; a path that cannot
// be written is a clear error.
#include "progress/xlsx_export.h"

#include <doctest/doctest.h>

#include <unzip.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "export_fixture.h"

using namespace sandyq;
using namespace sandyq::progress;
using namespace sandyq::progress::test;
namespace fs = std::filesystem;

namespace {

std::string tempPath(const char* stem) {
    return (fs::temp_directory_path() / (std::string(stem) + "-" + std::to_string(::getpid()) + ".xlsx")).string();
}

// The bytes of one zip entry ("" when the zip or the entry is missing).
std::string zipEntry(const std::string& zip_path, const char* name) {
    unzFile zip = unzOpen64(zip_path.c_str());
    if (!zip) return "";
    std::string out;
    if (unzLocateFile(zip, name, 1) == UNZ_OK && unzOpenCurrentFile(zip) == UNZ_OK) {
        char buf[8192];
        int n = 0;
        while ((n = unzReadCurrentFile(zip, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
        if (unzCloseCurrentFile(zip) != UNZ_OK) out.clear();
    }
    unzClose(zip);
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A cell of the sheet as libxlsxwriter writes it: <c r="G8" ...><v>9</v></c> (numbers, dates) or
// <c r="A8" t="s"><v>index</v></c> (shared strings). Returns the <v> text, "" if the cell is absent.
std::string cellValue(const std::string& sheet, const std::string& ref) {
    const size_t at = sheet.find("<c r=\"" + ref + "\"");
    if (at == std::string::npos) return "";
    const size_t end = sheet.find("</c>", at);
    const size_t v = sheet.find("<v>", at);
    if (v == std::string::npos || v > end) return "";
    return sheet.substr(v + 3, sheet.find("</v>", v) - v - 3);
}

bool isString(const std::string& sheet, const std::string& ref) {
    const size_t at = sheet.find("<c r=\"" + ref + "\"");
    return at != std::string::npos && sheet.compare(sheet.find('>', at) - 6, 6, " t=\"s\"") == 0;
}

}  // namespace

TEST_CASE("progress.xlsx: the class sheet with Kazakh headers, numbers as numbers, the date as a date") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c3;
    o.lessons = f.lessons;
    const ExportTable t = buildExport(f.s, o).value();
    REQUIRE(t.rows.size() == 8);
    const text::Catalogue kk = progressCatalogue("kk");
    const std::string path = tempPath("sandyq-xlsx-test");
    REQUIRE(writeXlsx(t, kk, path).ok());

    const std::string workbook = zipEntry(path, "xl/workbook.xml");
    const std::string sheet = zipEntry(path, "xl/worksheets/sheet1.xml");
    const std::string strings = zipEntry(path, "xl/sharedStrings.xml");
    std::remove(path.c_str());
    REQUIRE_FALSE(workbook.empty());
    REQUIRE_FALSE(sheet.empty());
    CHECK(contains(workbook, "name=\"3 Ә\""));
    CHECK(contains(strings, "<t>Оқушы</t>"));  // header in Kazakh
    CHECK(contains(strings, "<t>Әлия</t>"));
    CHECK(contains(strings, "<t>Роботқа жол</t>"));
    CHECK(contains(sheet, "ySplit=\"1\""));      // header row frozen
    // Row 4 = Әлия (after =Дана's two rows), lesson 1: 9 of 10 points, 90 %, mark 5, last attempt on 15.01.2027 (UTC+5).
    CHECK(isString(sheet, "A4"));
    CHECK(cellValue(sheet, "G4") == "9");
    CHECK(cellValue(sheet, "H4") == "10");
    CHECK(cellValue(sheet, "I4") == "90");
    CHECK(cellValue(sheet, "J4") == "5");
    CHECK_FALSE(isString(sheet, "G4"));
    // Excel dates count days from 30.12.1899; 1970-01-01 is day 25569.
    const int64_t day = (t.rows[2].last_time + t.utc_offset_s) / 86400 + 25569;
    CHECK(cellValue(sheet, "C4") == std::to_string(day));
    CHECK_FALSE(isString(sheet, "C4"));
    // =Дана never tried lesson 1: no points, no mark (empty cells, not zeros).
    CHECK(cellValue(sheet, "G2").empty());
    CHECK(cellValue(sheet, "J2").empty());
}

TEST_CASE("progress.xlsx: bytes for a download, sheet names Excel accepts, clear errors") {
    ExportFixture f;
    ExportOptions o;
    o.class_id = f.c1;
    o.lessons = {f.lessons[0]};
    ExportTable t = buildExport(f.s, o).value();
    const text::Catalogue ru = progressCatalogue("ru");

    const std::string temp = tempPath("sandyq-xlsx-bytes");
    auto bytes = exportXlsx(t, ru, temp);
    REQUIRE(bytes.ok());
    CHECK(bytes.value().compare(0, 4, "PK\x03\x04") == 0);
    CHECK_FALSE(fs::exists(temp));  // the temporary file is gone

    // Characters Excel forbids in sheet names become '_', and names stop at 31 characters.
    t.class_name = "[1/А]: очень длинное имя класса для Excel";
    const std::string path = tempPath("sandyq-xlsx-name");
    REQUIRE(writeXlsx(t, ru, path).ok());
    const std::string workbook = zipEntry(path, "xl/workbook.xml");
    std::remove(path.c_str());
    CHECK(contains(workbook, "name=\"_1_А__ очень длинное имя класса\""));

    const Status st = writeXlsx(t, ru, "/no/such/folder/x.xlsx");
    CHECK_FALSE(st.ok());
    CHECK(st.message_key == "progress.export.xlsx_failed");
    CHECK(st.where == "/no/such/folder/x.xlsx");
}
