// progress/xlsx_export.h — the diary export as an Excel workbook (XLSX), written by Debian's
// libxlsxwriter. A separate target, sandyq_progress_xlsx, built only where that library is found
// (natively; in wasm from the dependency prefix of tools/setup.sh), so the rest of progress never needs it.
// Depends on: progress/export, libxlsxwriter (in the .cpp only).
// Errors: Status{Io, "progress.export.xlsx_failed", path, libxlsxwriter's error text}.
// Sheet: header row (bold, frozen) as in exportHeaders(); one row per ExportRow; points, max,
// percent and mark as numbers, the date as a real date (dd.mm.yyyy); grade 1: completion words.
#pragma once

#include <string>

#include "core/status.h"
#include "progress/export.h"

namespace sandyq::progress {

// Writes the workbook to `path` (libxlsxwriter needs a file; in the browser use a MEMFS path).
Status writeXlsx(const ExportTable& table, const text::Catalogue& catalogue, const std::string& path);
// The same, returned as bytes for a download; `temp_path` is used and removed.
Result<std::string> exportXlsx(const ExportTable& table, const text::Catalogue& catalogue, const std::string& temp_path);

}  // namespace sandyq::progress
