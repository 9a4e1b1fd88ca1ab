// progress/table_png.h — the class roll-up (progress/table.h) as a printable PNG picture: the
// WHOLE table (every pupil and lesson, not just what a screen shows), with a title line (class,
// date), lessons grouped by pack, a coloured cell per pupil and lesson (status colour, points/max,
// stars), totals per pupil and a legend. Text is rasterised with stb_truetype from the app's font
// (the build's DejaVu subset, which has every Kazakh letter); the picture is encoded with
// stb_image_write (Debian's libstb-dev). No ImGui: natively testable.
// Depends on: core (Status, i18n catalogue), progress/table, stb (only in the .cpp).
// Ownership: plain values in, PNG bytes out; nothing is kept between calls.
// Errors: a font stb_truetype cannot read → Invalid "rollup.png.bad_font"; a picture over
//   kMaxPngPixels → Limit "rollup.png.too_big"; an encoder failure → Io "rollup.png.failed".
// Labels come from the catalogue ("rollup.col.*", "rollup.legend.*"); title lines from the caller.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/i18n.h"
#include "core/status.h"
#include "progress/table.h"

namespace sandyq::progress {

// Geometry in pixels. The picture is exactly
//   width  = 2·margin + name_w + lessons·cell_w + total_w
//   height = 2·margin + title_h + group_h + header_h + pupils·row_h + legend_h
// (see classTablePngSize), so a printed page can be planned and tests can check it.
struct TablePngGeometry {
    int margin = 24;
    int name_w = 220;    // pupil names (longer ones end in "…")
    int cell_w = 96;     // one lesson
    int total_w = 120;   // the pupil's total
    int title_h = 72;    // title and subtitle lines
    int group_h = 30;    // the pack band above its lessons
    int header_h = 64;   // lesson number and title (two lines at most)
    int row_h = 36;      // one pupil
    int legend_h = 52;
    float text_px = 15;  // body text size; titles are larger, headers smaller
};

constexpr int64_t kMaxPngPixels = 16'000'000;  // about 48 MB of RGB while encoding

struct TablePngOptions {
    std::string title;     // first line, e.g. "3 Ә · 2026–2027"
    std::string subtitle;  // second line, e.g. the date and counts
    text::Lang lang = text::Lang::Kk;  // lesson titles
    // Pack id → title for the band over its lessons (a pack missing here shows its id).
    std::vector<std::pair<std::string, std::string>> pack_titles;
    TablePngGeometry geometry;
};

struct PngSize {
    int width = 0;
    int height = 0;
};
PngSize classTablePngSize(const ClassTable& table, const TablePngGeometry& geometry);

// The PNG (8-bit RGB) of the whole table. `font_ttf` is a TrueType file's bytes.
Result<std::string> classTablePng(const ClassTable& table, std::string_view font_ttf, const text::Catalogue& catalogue,
                                  const TablePngOptions& options);

// Code points of `text` the font has no glyph for (empty: everything can be drawn). For checks
// that the font subset keeps the Kazakh letters; an unreadable font returns every code point.
std::u32string missingGlyphs(std::string_view font_ttf, std::string_view text);

}  // namespace sandyq::progress
