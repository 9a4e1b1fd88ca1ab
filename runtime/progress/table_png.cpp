// progress/table_png.cpp — the class roll-up as a PNG (see table_png.h).
// Sections: stb implementation · canvas and text · layout and drawing · encoding
#include "progress/table_png.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "core/utf8.h"

// ---- stb implementation (static, so nothing clashes with ImGui's copy of stb_truetype) -----------
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb_truetype.h>
#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>

namespace sandyq::progress {

namespace {

struct Rgb {
    uint8_t r, g, b;
};
// Print-friendly colours (white paper, dark ink); status colours stay apart also in grey print
// because every cell also carries a mark (✓ passed, … tried, – not started).
constexpr Rgb kInk{26, 26, 26};
constexpr Rgb kMuted{96, 96, 96};
constexpr Rgb kGrid{200, 200, 200};
constexpr Rgb kFrame{60, 60, 60};
constexpr Rgb kHeader{236, 236, 236};
constexpr Rgb kBand{221, 232, 246};
constexpr Rgb kStripe{247, 247, 247};
constexpr Rgb kPassed{198, 236, 200};
constexpr Rgb kTried{253, 233, 168};
constexpr Rgb kNone{255, 255, 255};
constexpr Rgb kStar{150, 100, 0};

// ---- canvas and text -------------------------------------------------------------------------------
class Canvas {
public:
    Canvas(int w, int h) : w_(w), h_(h), px_(static_cast<size_t>(w) * static_cast<size_t>(h) * 3, 255) {}
    int width() const { return w_; }
    int height() const { return h_; }
    const uint8_t* data() const { return px_.data(); }

    void fill(int x0, int y0, int x1, int y1, Rgb c) {
        x0 = std::max(x0, 0), y0 = std::max(y0, 0), x1 = std::min(x1, w_), y1 = std::min(y1, h_);
        for (int y = y0; y < y1; ++y) {
            uint8_t* p = &px_[(static_cast<size_t>(y) * w_ + x0) * 3];
            for (int x = x0; x < x1; ++x, p += 3) p[0] = c.r, p[1] = c.g, p[2] = c.b;
        }
    }
    void frame(int x0, int y0, int x1, int y1, Rgb c, int t = 1) {
        fill(x0, y0, x1, y0 + t, c);
        fill(x0, y1 - t, x1, y1, c);
        fill(x0, y0, x0 + t, y1, c);
        fill(x1 - t, y0, x1, y1, c);
    }
    // Blends `c` with coverage a (0..255) at (x, y).
    void blend(int x, int y, Rgb c, int a) {
        if (x < 0 || y < 0 || x >= w_ || y >= h_ || a <= 0) return;
        uint8_t* p = &px_[(static_cast<size_t>(y) * w_ + x) * 3];
        p[0] = static_cast<uint8_t>((c.r * a + p[0] * (255 - a)) / 255);
        p[1] = static_cast<uint8_t>((c.g * a + p[1] * (255 - a)) / 255);
        p[2] = static_cast<uint8_t>((c.b * a + p[2] * (255 - a)) / 255);
    }

private:
    int w_, h_;
    std::vector<uint8_t> px_;
};

class Font {
public:
    bool load(std::string_view ttf) {
        bytes_.assign(ttf.begin(), ttf.end());
        if (bytes_.size() < 12) return false;
        const auto* data = reinterpret_cast<const unsigned char*>(bytes_.data());
        const int offset = stbtt_GetFontOffsetForIndex(data, 0);
        if (offset < 0 || stbtt_InitFont(&info_, data, offset) == 0) return false;
        stbtt_GetFontVMetrics(&info_, &ascent_, &descent_, &gap_);
        return true;
    }
    bool has(char32_t cp) const { return stbtt_FindGlyphIndex(&info_, static_cast<int>(cp)) != 0; }

    float width(std::string_view text, float px) const {
        const float scale = stbtt_ScaleForPixelHeight(&info_, px);
        float w = 0;
        for (char32_t cp : text::toCodepoints(text)) {
            int adv = 0, lsb = 0;
            stbtt_GetCodepointHMetrics(&info_, static_cast<int>(cp), &adv, &lsb);
            w += static_cast<float>(adv) * scale;
        }
        return w;
    }
    // Draws `text` with its top at y (the line is `px` high); returns the end x.
    float draw(Canvas& cv, float x, float y, float px, Rgb c, std::string_view text) {
        const float scale = stbtt_ScaleForPixelHeight(&info_, px);
        const int baseline = static_cast<int>(std::lround(y + static_cast<float>(ascent_) * scale));
        for (char32_t cp : text::toCodepoints(text)) {
            const int glyph = stbtt_FindGlyphIndex(&info_, static_cast<int>(cp));
            const Glyph& g = glyphOf(glyph, px, scale);
            const int gx = static_cast<int>(std::lround(x)) + g.x0;
            for (int j = 0; j < g.h; ++j) {
                for (int i = 0; i < g.w; ++i) cv.blend(gx + i, baseline + g.y0 + j, c, g.bitmap[static_cast<size_t>(j * g.w + i)]);
            }
            x += g.advance;
        }
        return x;
    }
    // `text` cut to fit `max_w` with a trailing "…".
    std::string fit(std::string_view text, float px, float max_w) const {
        if (width(text, px) <= max_w) return std::string(text);
        std::u32string cps = text::toCodepoints(text);
        while (!cps.empty()) {
            cps.pop_back();
            const std::string s = text::fromCodepoints(cps) + "…";
            if (width(s, px) <= max_w) return s;
        }
        return "…";
    }
    // Word-wrapped into at most `lines` lines; the last one ends in "…" when text is left over.
    std::vector<std::string> wrap(std::string_view text, float px, float max_w, size_t lines) const {
        std::vector<std::string> out;
        std::string line;
        size_t i = 0;
        while (i < text.size()) {
            const size_t sp = text.find(' ', i);
            const std::string word(text.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i));
            i = sp == std::string_view::npos ? text.size() : sp + 1;
            const std::string joined = line.empty() ? word : line + " " + word;
            if (line.empty() || width(joined, px) <= max_w) {
                line = joined;
                continue;
            }
            out.push_back(line);
            line = word;
            if (out.size() == lines) break;
        }
        if (out.size() < lines && !line.empty()) {
            out.push_back(line);
            line.clear();
        }
        if (!out.empty()) {
            const bool rest = !line.empty() || i < text.size();
            out.back() = fit(rest ? out.back() + "…" : out.back(), px, max_w);
        }
        return out;
    }

private:
    struct Glyph {
        int w = 0, h = 0, x0 = 0, y0 = 0;
        float advance = 0;
        std::vector<uint8_t> bitmap;
    };
    const Glyph& glyphOf(int glyph, float px, float scale) {
        const auto key = std::make_pair(glyph, static_cast<int>(px * 4));
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        Glyph g;
        int adv = 0, lsb = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphHMetrics(&info_, glyph, &adv, &lsb);
        g.advance = static_cast<float>(adv) * scale;
        stbtt_GetGlyphBitmapBox(&info_, glyph, scale, scale, &g.x0, &g.y0, &x1, &y1);
        g.w = std::max(0, x1 - g.x0);
        g.h = std::max(0, y1 - g.y0);
        g.bitmap.assign(static_cast<size_t>(g.w * g.h), 0);
        if (g.w > 0 && g.h > 0) stbtt_MakeGlyphBitmap(&info_, g.bitmap.data(), g.w, g.h, g.w, scale, scale, glyph);
        return cache_.emplace(key, std::move(g)).first->second;
    }

    std::string bytes_;
    stbtt_fontinfo info_{};
    int ascent_ = 0, descent_ = 0, gap_ = 0;
    std::map<std::pair<int, int>, Glyph> cache_;
};

std::string label(const text::Catalogue& c, const char* key) {
    const text::Catalogue::Entry* e = c.find(key);
    return e ? e->text : std::string(key);
}

const std::string& packTitle(const TablePngOptions& o, const std::string& pack_id) {
    for (const auto& [id, title] : o.pack_titles) {
        if (id == pack_id && !title.empty()) return title;
    }
    return pack_id;
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<size_t>(size));
}

}  // namespace

PngSize classTablePngSize(const ClassTable& t, const TablePngGeometry& g) {
    PngSize s;
    s.width = 2 * g.margin + g.name_w + static_cast<int>(t.lessons.size()) * g.cell_w + g.total_w;
    s.height = 2 * g.margin + g.title_h + g.group_h + g.header_h + static_cast<int>(t.rows.size()) * g.row_h + g.legend_h;
    return s;
}

std::u32string missingGlyphs(std::string_view font_ttf, std::string_view text) {
    Font font;
    const std::u32string cps = text::toCodepoints(text);
    if (!font.load(font_ttf)) return cps;
    std::u32string out;
    for (char32_t cp : cps) {
        if (!font.has(cp)) out.push_back(cp);
    }
    return out;
}

// ---- layout and drawing ------------------------------------------------------------------------------
Result<std::string> classTablePng(const ClassTable& t, std::string_view font_ttf, const text::Catalogue& cat,
                                  const TablePngOptions& o) {
    const TablePngGeometry& g = o.geometry;
    const PngSize size = classTablePngSize(t, g);
    if (static_cast<int64_t>(size.width) * size.height > kMaxPngPixels || size.width <= 0 || size.height <= 0) {
        return Status::error(ErrorCode::Limit, "rollup.png.too_big");
    }
    Font font;
    if (!font.load(font_ttf)) return Status::error(ErrorCode::Invalid, "rollup.png.bad_font");
    Canvas cv(size.width, size.height);
    const float body = g.text_px, small = std::round(g.text_px * 0.82f), big = std::round(g.text_px * 1.6f);
    const float content_w = static_cast<float>(size.width - 2 * g.margin);

    // Title lines.
    const float m = static_cast<float>(g.margin);
    font.draw(cv, m, m, big, kInk, font.fit(o.title, big, content_w));
    font.draw(cv, m, m + big + 10, body, kMuted, font.fit(o.subtitle, body, content_w));

    // Table frame: columns x, rows y.
    const int x_name = g.margin, x_cells = x_name + g.name_w;
    const int x_total = x_cells + static_cast<int>(t.lessons.size()) * g.cell_w, x_end = x_total + g.total_w;
    const int y_group = g.margin + g.title_h, y_head = y_group + g.group_h, y_rows = y_head + g.header_h;
    const int y_end = y_rows + static_cast<int>(t.rows.size()) * g.row_h;
    const auto cellText = [&](int x0, int x1, int y, float px, Rgb c, const std::string& s, bool centre) {
        const float w = static_cast<float>(x1 - x0 - 12);
        const std::string f = font.fit(s, px, w);
        const float tw = font.width(f, px);
        const float x = centre ? static_cast<float>(x0 + x1) * 0.5f - tw * 0.5f : static_cast<float>(x0 + 6);
        font.draw(cv, x, static_cast<float>(y), px, c, f);
    };

    // Pack bands over their lessons (consecutive lessons of one pack share a band).
    cv.fill(x_name, y_group, x_end, y_rows, kHeader);
    for (size_t i = 0; i < t.lessons.size();) {
        size_t j = i;
        while (j < t.lessons.size() && t.lessons[j].pack_id == t.lessons[i].pack_id) ++j;
        const int x0 = x_cells + static_cast<int>(i) * g.cell_w, x1 = x_cells + static_cast<int>(j) * g.cell_w;
        cv.fill(x0, y_group, x1, y_head, kBand);
        cv.fill(x1 - 1, y_group, x1, y_end, kFrame);
        cellText(x0, x1, y_group + (g.group_h - static_cast<int>(body)) / 2 - 1, body, kInk, packTitle(o, t.lessons[i].pack_id), false);
        i = j;
    }
    cv.fill(x_name, y_head, x_end, y_head + 1, kGrid);

    // Column headers: pupil, "N. title" per lesson (two lines at most), total.
    const int head_text_y = y_head + 6;
    cellText(x_name, x_cells, y_rows - static_cast<int>(body) - 10, body, kInk, label(cat, "rollup.col.pupil"), false);
    cellText(x_total, x_end, y_rows - static_cast<int>(body) - 10, body, kInk, label(cat, "rollup.col.total"), true);
    for (size_t i = 0; i < t.lessons.size(); ++i) {
        const int x0 = x_cells + static_cast<int>(i) * g.cell_w;
        const std::string head = std::to_string(i + 1) + ". " + t.lessons[i].title(o.lang);
        const auto lines = font.wrap(head, small, static_cast<float>(g.cell_w - 12), 2);
        float y = static_cast<float>(head_text_y);
        for (const std::string& line : lines) {
            font.draw(cv, static_cast<float>(x0 + 6), y, small, kInk, line);
            y += small + 4;
        }
        cv.fill(x0, y_head, x0 + 1, y_end, kGrid);
    }

    // Rows.
    for (size_t r = 0; r < t.rows.size(); ++r) {
        const ClassTableRow& row = t.rows[r];
        const int y0 = y_rows + static_cast<int>(r) * g.row_h, y1 = y0 + g.row_h;
        if (r % 2 == 1) {
            cv.fill(x_name, y0, x_cells, y1, kStripe);
            cv.fill(x_total, y0, x_end, y1, kStripe);
        }
        cellText(x_name, x_cells, y0 + (g.row_h - static_cast<int>(body)) / 2 - 1, body, kInk, row.name, false);
        const int line1 = y0 + 3, line2 = y0 + 3 + static_cast<int>(body) + 1;
        for (size_t i = 0; i < row.cells.size() && i < t.lessons.size(); ++i) {
            const LessonResult& c = row.cells[i];
            const int x0 = x_cells + static_cast<int>(i) * g.cell_w, x1 = x0 + g.cell_w;
            const Rgb bg = c.status == StepStatus::Passed ? kPassed : c.status == StepStatus::Tried ? kTried : kNone;
            cv.fill(x0 + 1, y0, x1, y1, bg);
            if (c.status == StepStatus::None) {
                cellText(x0, x1, y0 + (g.row_h - static_cast<int>(body)) / 2 - 1, body, kMuted, "–", true);
                continue;
            }
            const std::string mark = c.status == StepStatus::Passed ? "✓ " : "… ";
            cellText(x0, x1, line1, body, kInk, mark + std::to_string(c.points) + "/" + std::to_string(c.max_points), true);
            if (c.stars > 0) cellText(x0, x1, line2, small, kStar, "★ " + std::to_string(c.stars), true);
        }
        cellText(x_total, x_end, line1, body, kInk, std::to_string(row.total_points) + "/" + std::to_string(row.total_max), true);
        cellText(x_total, x_end, line2, small, kStar,
                 "★ " + std::to_string(row.total_stars) + "   ✓ " + std::to_string(row.lessons_completed), true);
        cv.fill(x_name, y1 - 1, x_end, y1, kGrid);
    }
    cv.fill(x_cells - 1, y_group, x_cells + 1, y_end, kFrame);
    cv.fill(x_total - 1, y_group, x_total + 1, y_end, kFrame);
    cv.fill(x_name, y_rows - 1, x_end, y_rows + 1, kFrame);
    cv.frame(x_name, y_group, x_end, y_end, kFrame, 2);

    // Legend.
    float lx = m;
    const float ly = static_cast<float>(y_end + 16);
    const int sq = static_cast<int>(body);
    const auto key = [&](Rgb c, const std::string& mark, const char* text_key) {
        const int x = static_cast<int>(lx), y = static_cast<int>(ly);
        cv.fill(x, y, x + sq + 8, y + sq + 4, c);
        cv.frame(x, y, x + sq + 8, y + sq + 4, kGrid);
        font.draw(cv, static_cast<float>(x + 3), ly + 1, body, kInk, mark);
        lx = font.draw(cv, static_cast<float>(x + sq + 16), ly + 1, body, kInk, label(cat, text_key)) + 28;
    };
    key(kPassed, "✓", "rollup.legend.passed");
    key(kTried, "…", "rollup.legend.tried");
    key(kNone, "–", "rollup.legend.none");
    lx = font.draw(cv, lx, ly + 1, body, kStar, "★") + 6;
    font.draw(cv, lx, ly + 1, body, kInk, label(cat, "rollup.legend.stars"));

    // ---- encoding ----
    std::string png;
    png.reserve(static_cast<size_t>(size.width) * size.height / 4);
    if (stbi_write_png_to_func(appendBytes, &png, cv.width(), cv.height(), 3, cv.data(), cv.width() * 3) == 0) {
        return Status::error(ErrorCode::Io, "rollup.png.failed");
    }
    return png;
}

}  // namespace sandyq::progress
