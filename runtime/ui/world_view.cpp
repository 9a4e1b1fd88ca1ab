// ui/world_view.cpp — see world_view.h. Worlds are told apart by kind() (no RTTI).
#include "ui/world_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "worlds/maze.h"
#include "worlds/robot/robot_world.h"
#include "worlds/turtle.h"

namespace sandyq::ui {

namespace {

constexpr float kPi = 3.14159265f;

ImU32 namedColour(const std::string& n) {
    if (n == "red") return IM_COL32(220, 50, 47, 255);
    if (n == "green") return IM_COL32(40, 160, 70, 255);
    if (n == "blue") return IM_COL32(38, 110, 220, 255);
    if (n == "yellow") return IM_COL32(235, 190, 0, 255);
    if (n == "orange") return IM_COL32(245, 130, 20, 255);
    if (n == "purple") return IM_COL32(140, 70, 190, 255);
    if (n == "brown") return IM_COL32(140, 90, 40, 255);
    if (n == "white") return IM_COL32(255, 255, 255, 255);
    return IM_COL32(30, 30, 36, 255);
}

ImVec2 rot(ImVec2 v, float a) {
    const float c = std::cos(a), s = std::sin(a);
    return ImVec2(v.x * c - v.y * s, v.x * s + v.y * c);
}

void star(ImDrawList* dl, ImVec2 c, float r, ImU32 col) {
    ImVec2 pts[10];
    for (int i = 0; i < 10; ++i) {
        const float a = -kPi / 2 + static_cast<float>(i) * kPi / 5;
        const float rr = i % 2 == 0 ? r : r * 0.45f;
        pts[i] = ImVec2(c.x + std::cos(a) * rr, c.y + std::sin(a) * rr);
    }
    // a concave star: fill the centre and each point as triangles
    for (int i = 0; i < 10; i += 2) dl->AddTriangleFilled(pts[i], pts[(i + 1) % 10], pts[(i + 9) % 10], col);
    ImVec2 inner[5];
    for (int i = 0; i < 5; ++i) inner[i] = pts[i * 2 + 1];
    dl->AddConvexPolyFilled(inner, 5, col);
}

}  // namespace

void WorldView::reset() {
    mat_key_ = nullptr;
    mat_runs_.clear();
    trail_.clear();
    trail_frames_ = 0;
    show_frame_ = -1;
}

void WorldView::draw(const worlds::World& world, ImVec2 origin, ImVec2 size, const WorldViewStyle& st, uint64_t tex) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), st.background, 10.0f);
    if (world.kind() == "maze") drawMaze(dl, world, origin, size, st);
    else if (world.kind() == "turtle") drawTurtle(dl, world, origin, size, st);
    else if (world.kind() == "robot") drawRobot(dl, world, origin, size, st, tex);
    dl->PopClipRect();
}

void WorldView::drawMaze(ImDrawList* dl, const worlds::World& w, ImVec2 origin, ImVec2 size, const WorldViewStyle& st) {
    const auto& m = static_cast<const worlds::MazeWorld&>(w);
    if (m.width() <= 0 || m.height() <= 0) return;
    const float cell = std::floor(std::min((size.x - 12) / static_cast<float>(m.width()), (size.y - 12) / static_cast<float>(m.height())));
    const float ox = origin.x + (size.x - cell * static_cast<float>(m.width())) * 0.5f;
    const float oy = origin.y + (size.y - cell * static_cast<float>(m.height())) * 0.5f;
    const bool hc = st.high_contrast;
    for (int y = 0; y < m.height(); ++y) {
        for (int x = 0; x < m.width(); ++x) {
            const ImVec2 a(ox + static_cast<float>(x) * cell, oy + static_cast<float>(y) * cell), b(a.x + cell, a.y + cell);
            const worlds::Tile t = m.tile(x, y);
            if (t == worlds::Tile::Wall) {
                dl->AddRectFilled(a, b, hc ? IM_COL32(0, 0, 0, 255) : IM_COL32(94, 104, 128, 255));
                if (!hc) {
                    dl->AddRectFilled(a, ImVec2(b.x, a.y + cell * 0.16f), IM_COL32(120, 132, 158, 255));
                    dl->AddLine(ImVec2(a.x, (a.y + b.y) * 0.5f + cell * 0.08f), ImVec2(b.x, (a.y + b.y) * 0.5f + cell * 0.08f), IM_COL32(80, 88, 110, 255), 1);
                }
                continue;
            }
            ImU32 floor = ((x + y) % 2 == 0) ? IM_COL32(236, 244, 228, 255) : IM_COL32(226, 238, 216, 255);
            if (hc) floor = IM_COL32(255, 255, 255, 255);
            switch (m.colour(x, y)) {
                case worlds::TileColour::Red: floor = IM_COL32(246, 160, 160, 255); break;
                case worlds::TileColour::Green: floor = IM_COL32(150, 220, 150, 255); break;
                case worlds::TileColour::Blue: floor = IM_COL32(150, 190, 250, 255); break;
                case worlds::TileColour::Yellow: floor = IM_COL32(250, 228, 130, 255); break;
                default: break;
            }
            dl->AddRectFilled(a, b, floor);
            dl->AddRect(a, b, IM_COL32(200, 212, 190, 255), 0, 0, 1);
            const ImVec2 c((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            if (t == worlds::Tile::Goal) {
                // a flag on a pole
                dl->AddLine(ImVec2(c.x - cell * 0.18f, a.y + cell * 0.15f), ImVec2(c.x - cell * 0.18f, b.y - cell * 0.12f), IM_COL32(70, 60, 50, 255), std::max(2.0f, cell * 0.05f));
                const ImVec2 f0(c.x - cell * 0.18f, a.y + cell * 0.15f);
                dl->AddTriangleFilled(f0, ImVec2(f0.x + cell * 0.42f, f0.y + cell * 0.14f), ImVec2(f0.x, f0.y + cell * 0.3f), IM_COL32(230, 60, 60, 255));
            } else if (t == worlds::Tile::Door) {
                dl->AddRectFilled(ImVec2(a.x + cell * 0.15f, a.y + 2), ImVec2(b.x - cell * 0.15f, b.y - 2), IM_COL32(150, 95, 45, 255), 4);
                dl->AddCircleFilled(ImVec2(b.x - cell * 0.3f, c.y), cell * 0.06f, IM_COL32(250, 210, 60, 255));
            }
            if (m.hasItem(x, y)) star(dl, c, cell * 0.3f, IM_COL32(250, 190, 20, 255));
            if (m.hasKey(x, y)) {
                dl->AddCircle(ImVec2(c.x - cell * 0.12f, c.y), cell * 0.12f, IM_COL32(200, 150, 0, 255), 16, std::max(2.0f, cell * 0.06f));
                dl->AddLine(ImVec2(c.x, c.y), ImVec2(c.x + cell * 0.28f, c.y), IM_COL32(200, 150, 0, 255), std::max(2.0f, cell * 0.06f));
                dl->AddLine(ImVec2(c.x + cell * 0.22f, c.y), ImVec2(c.x + cell * 0.22f, c.y + cell * 0.1f), IM_COL32(200, 150, 0, 255), std::max(2.0f, cell * 0.06f));
            }
        }
    }
    // the character: a round robot with eyes looking where it goes
    const worlds::MazePose pose = m.visualPose();
    const ImVec2 c(ox + (static_cast<float>(pose.x) + 0.5f) * cell, oy + (static_cast<float>(pose.y) + 0.5f) * cell);
    const float a = static_cast<float>(pose.angle_deg) * kPi / 180.0f;  // 0 = north, clockwise
    const ImVec2 fwd(std::sin(a), -std::cos(a)), side(std::cos(a), std::sin(a));
    const float r = cell * 0.36f;
    dl->AddCircleFilled(ImVec2(c.x + 2, c.y + 3), r, IM_COL32(0, 0, 0, 50), 24);
    dl->AddCircleFilled(c, r, m.crashed() ? IM_COL32(240, 120, 80, 255) : IM_COL32(64, 140, 230, 255), 24);
    dl->AddCircle(c, r, IM_COL32(30, 70, 140, 255), 24, 2);
    const ImVec2 nose(c.x + fwd.x * r * 1.25f, c.y + fwd.y * r * 1.25f);
    dl->AddTriangleFilled(nose, ImVec2(c.x + fwd.x * r * 0.7f + side.x * r * 0.35f, c.y + fwd.y * r * 0.7f + side.y * r * 0.35f),
                          ImVec2(c.x + fwd.x * r * 0.7f - side.x * r * 0.35f, c.y + fwd.y * r * 0.7f - side.y * r * 0.35f), IM_COL32(30, 70, 140, 255));
    for (int s = -1; s <= 1; s += 2) {
        const ImVec2 e(c.x + fwd.x * r * 0.35f + side.x * r * 0.38f * static_cast<float>(s), c.y + fwd.y * r * 0.35f + side.y * r * 0.38f * static_cast<float>(s));
        dl->AddCircleFilled(e, r * 0.22f, IM_COL32(255, 255, 255, 255), 12);
        dl->AddCircleFilled(ImVec2(e.x + fwd.x * r * 0.08f, e.y + fwd.y * r * 0.08f), r * 0.1f, IM_COL32(20, 20, 30, 255), 10);
    }
    if (m.crashed()) {
        const ImVec2 bc(c.x + r * 0.9f, c.y - r * 1.1f);
        dl->AddCircleFilled(bc, r * 0.45f, st.danger, 16);
        const float fs = r * 0.8f;
        dl->AddText(st.font, fs, ImVec2(bc.x - fs * 0.15f, bc.y - fs * 0.55f), IM_COL32(255, 255, 255, 255), "!");
    }
}

void WorldView::drawTurtle(ImDrawList* dl, const worlds::World& w, ImVec2 origin, ImVec2 size, const WorldViewStyle& st) {
    const auto& t = static_cast<const worlds::TurtleWorld&>(w);
    double x0 = -120, y0 = -120, x1 = 120, y1 = 120;
    const auto grow = [&](double x, double y) { x0 = std::min(x0, x); x1 = std::max(x1, x); y0 = std::min(y0, y); y1 = std::max(y1, y); };
    for (const auto& s : t.target()) { grow(s.x1, s.y1); grow(s.x2, s.y2); }
    for (const auto& s : t.segments()) { grow(s.x1, s.y1); grow(s.x2, s.y2); }
    const worlds::TurtlePose pose = t.visualPose();
    grow(pose.x, pose.y);
    const double margin = 30;
    x0 -= margin; y0 -= margin; x1 += margin; y1 += margin;
    const float scale = static_cast<float>(std::min(size.x / (x1 - x0), size.y / (y1 - y0)));
    const float cx = origin.x + size.x * 0.5f - static_cast<float>((x0 + x1) * 0.5) * scale;
    const float cy = origin.y + size.y * 0.5f + static_cast<float>((y0 + y1) * 0.5) * scale;
    const auto P = [&](double x, double y) { return ImVec2(cx + static_cast<float>(x) * scale, cy - static_cast<float>(y) * scale); };
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(255, 255, 255, 255), 10);
    // a light grid every 50 units
    for (double gx = std::ceil(x0 / 50) * 50; gx <= x1; gx += 50) dl->AddLine(P(gx, y0), P(gx, y1), IM_COL32(236, 238, 244, 255), gx == 0 ? 2.0f : 1.0f);
    for (double gy = std::ceil(y0 / 50) * 50; gy <= y1; gy += 50) dl->AddLine(P(x0, gy), P(x1, gy), IM_COL32(236, 238, 244, 255), gy == 0 ? 2.0f : 1.0f);
    for (const auto& s : t.target()) dl->AddLine(P(s.x1, s.y1), P(s.x2, s.y2), IM_COL32(120, 180, 255, 110), std::max(8.0f, 10 * scale));
    const auto& segs = t.segments();
    for (size_t i = 0; i < segs.size(); ++i) {
        const auto& s = segs[i];
        double ex = s.x2, ey = s.y2;
        if (i + 1 == segs.size()) {
            const double f = t.drawnFraction();
            ex = s.x1 + (s.x2 - s.x1) * f;
            ey = s.y1 + (s.y2 - s.y1) * f;
        }
        dl->AddLine(P(s.x1, s.y1), P(ex, ey), namedColour(s.colour), std::max(1.5f, static_cast<float>(s.width) * std::max(1.0f, scale)));
    }
    // the turtle: shell, head and legs, pointing along the heading (CCW from east, y up)
    const float a = -static_cast<float>(pose.heading) * kPi / 180.0f;  // screen angle (y down)
    const ImVec2 c = P(pose.x, pose.y);
    const float r = 13.0f;
    const auto Q = [&](float fx, float fy) { const ImVec2 v = rot(ImVec2(fx, fy), a); return ImVec2(c.x + v.x, c.y + v.y); };
    for (int i = 0; i < 4; ++i) {
        const float lx = i < 2 ? 0.6f : -0.6f, ly = i % 2 == 0 ? 0.8f : -0.8f;
        dl->AddCircleFilled(Q(lx * r, ly * r), r * 0.32f, IM_COL32(90, 160, 80, 255), 10);
    }
    dl->AddCircleFilled(Q(r * 1.15f, 0), r * 0.38f, IM_COL32(90, 160, 80, 255), 12);
    dl->AddCircleFilled(c, r * 0.85f, IM_COL32(40, 120, 60, 255), 20);
    dl->AddCircle(c, r * 0.85f, IM_COL32(20, 70, 30, 255), 20, 2);
    if (!t.penDown()) dl->AddCircle(c, r * 1.4f, IM_COL32(150, 150, 150, 160), 24, 1.5f);
    else dl->AddCircleFilled(c, 3, namedColour(t.penColour()), 8);
    (void)st;
}

void WorldView::zoomBy(float factor, ImVec2 anchor) {
    const float z = std::clamp(zoom_ * factor, 1.0f, 8.0f);
    const float f = z / zoom_;
    // keep the mat point under the anchor where it is: anchor = centre + pan + m * scale
    pan_ = ImVec2(anchor.x - last_origin_.x - (anchor.x - last_origin_.x - pan_.x) * f,
                  anchor.y - last_origin_.y - (anchor.y - last_origin_.y - pan_.y) * f);
    zoom_ = z;
    if (zoom_ <= 1.0f) pan_ = ImVec2(0, 0);
}

void WorldView::panBy(ImVec2 d) {
    if (zoom_ <= 1.0f) return;  // the whole mat is in view: nothing to move
    pan_ = ImVec2(pan_.x + d.x, pan_.y + d.y);
}

namespace {
constexpr size_t kTrailEvery = 8;  // frames (40 ms of robot time) per trail point

std::string fmt1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}
}  // namespace

void WorldView::drawRobot(ImDrawList* dl, const worlds::World& w, ImVec2 origin, ImVec2 size, const WorldViewStyle& st, uint64_t tex) {
    const auto& rw = static_cast<const robot::RobotWorld&>(w);
    const robot::Mat& mat = rw.mat();
    if (mat.width_cm <= 0 || mat.height_cm <= 0) return;
    const size_t n = rw.frameCount();
    const size_t shown = n == 0 ? 0 : (show_frame_ < 0 || static_cast<size_t>(show_frame_) >= n ? n - 1 : static_cast<size_t>(show_frame_));
    robot::FrameView f;
    if (n > 0) f = rw.frame(shown);

    // ---- the sensor panel's items (their rows decide how much room the mat gets) ----
    struct Item { std::string text; bool swatch; robot::Rgb colour; };
    std::vector<Item> items;
    if (st.panel && n > 0) {
        robot::Rgb seen, led;
        const bool has_seen = robot::parseColorName(f.sensors.color, seen);
        const bool led_on = f.led != "off" && robot::parseColorName(f.led, led);
        const auto name = [&](const std::string& c) { return st.colour_name ? st.colour_name(c.c_str()) : c; };
        items.push_back({st.panel("robot.panel.colour", name(f.sensors.color)), has_seen, seen});
        items.push_back({st.panel("robot.panel.light", std::to_string(f.sensors.reflect)), false, {}});
        items.push_back({st.panel("robot.panel.distance", fmt1(f.sensors.distance)), false, {}});
        items.push_back({st.panel(f.sensors.touch ? "robot.panel.touch_yes" : "robot.panel.touch_no", ""), false, {}});
        items.push_back({st.panel("robot.panel.heading", std::to_string(static_cast<int>(std::lround(f.sensors.heading_deg)))), false, {}});
        items.push_back({st.panel("robot.panel.led", name(f.led)), led_on, led});
        items.push_back({st.panel("robot.panel.time", fmt1(f.time)), false, {}});
    }
    const float fs = st.font_size;
    const float chip_h = fs + 10, sw = fs * 0.8f;
    float panel_h = 0, panel_w = 0;  // rows under the mat, or a column on its left
    std::vector<ImVec2> chip_pos;    // relative to origin
    std::vector<float> chip_w;
    if (!items.empty()) {
        for (const Item& it : items) {
            chip_w.push_back(st.font->CalcTextSizeA(fs, 1e9f, 0, it.text.c_str()).x + 14 + (it.swatch ? sw + 6 : 0));
        }
        // where the readings go: rows under the mat, or 1..3 columns on its left — whichever
        // leaves the mat the largest
        const float mw = static_cast<float>(mat.width_cm), mh = static_cast<float>(mat.height_cm);
        const size_t n_items = items.size();
        float best = -1;
        int best_cols = 0;  // 0 = rows under the mat
        {
            float cx = 6, rows = 1;
            for (size_t i = 0; i < n_items; ++i) {
                if (cx > 6 && cx + chip_w[i] > size.x - 6) { cx = 6; rows += 1; }
                cx += chip_w[i] + 4;
            }
            const float ph = rows * (chip_h + 4) + 4;
            best = std::min((size.x - 8) / mw, (size.y - ph - 8) / mh);
        }
        for (int cols = 1; cols <= 3; ++cols) {
            const size_t per = (n_items + static_cast<size_t>(cols) - 1) / static_cast<size_t>(cols);
            if (static_cast<float>(per) * (chip_h + 4) + 6 > size.y) continue;
            float w = 6;
            for (int c = 0; c < cols; ++c) {
                float cw = 0;
                for (size_t i = static_cast<size_t>(c) * per; i < std::min(n_items, static_cast<size_t>(c + 1) * per); ++i) cw = std::max(cw, chip_w[i]);
                w += cw + 4;
            }
            const float sc = std::min((size.x - w - 8) / mw, (size.y - 8) / mh);
            if (sc > best) { best = sc; best_cols = cols; }
        }
        if (best_cols > 0) {
            const size_t per = (n_items + static_cast<size_t>(best_cols) - 1) / static_cast<size_t>(best_cols);
            float x = 6;
            for (int c = 0; c < best_cols; ++c) {
                float cw = 0;
                for (size_t i = static_cast<size_t>(c) * per; i < std::min(n_items, static_cast<size_t>(c + 1) * per); ++i) {
                    chip_pos.push_back(ImVec2(x, 6 + static_cast<float>(i - static_cast<size_t>(c) * per) * (chip_h + 4)));
                    cw = std::max(cw, chip_w[i]);
                }
                x += cw + 4;
            }
            panel_w = x + 2;
        } else {
            float cx = 6, cy = 0;
            for (size_t i = 0; i < n_items; ++i) {
                if (cx > 6 && cx + chip_w[i] > size.x - 6) { cx = 6; cy += chip_h + 4; }
                chip_pos.push_back(ImVec2(cx, cy));
                cx += chip_w[i] + 4;
            }
            panel_h = cy + chip_h + 8;
            for (ImVec2& c : chip_pos) c.y += size.y - panel_h + 4;
        }
    }
    const float avail_h = std::max(40.0f, size.y - panel_h);
    const float avail_w = std::max(40.0f, size.x - panel_w);

    // ---- placement: fitted (clear of the buttons' corner), then zoomed around the centre and panned ----
    const auto fitIn = [&](float w, float h) {
        return std::max(0.01f, std::min((w - 8) / static_cast<float>(mat.width_cm), (h - 8) / static_cast<float>(mat.height_cm)));
    };
    float fit_scale = fitIn(avail_w, avail_h);
    ImVec2 centre(origin.x + panel_w + avail_w * 0.5f, origin.y + avail_h * 0.5f);
    const ImVec2 rv = st.reserve_top_right;
    if (rv.x > 0 && rv.y > 0) {
        const float right = centre.x + static_cast<float>(mat.width_cm) * fit_scale * 0.5f;
        const float top = centre.y - static_cast<float>(mat.height_cm) * fit_scale * 0.5f;
        if (right > origin.x + size.x - rv.x && top < origin.y + rv.y) {
            // the mat would lie under the buttons: below them, or left of them, whichever is larger
            const float below = fitIn(avail_w, avail_h - rv.y), left = fitIn(avail_w - rv.x, avail_h);
            if (below >= left) {
                fit_scale = below;
                centre = ImVec2(centre.x, origin.y + rv.y + (avail_h - rv.y) * 0.5f);
            } else {
                fit_scale = left;
                centre = ImVec2(origin.x + panel_w + (avail_w - rv.x) * 0.5f, centre.y);
            }
        }
    }
    const float scale = fit_scale * zoom_;
    last_origin_ = centre;
    const float lim_x = static_cast<float>(mat.width_cm) * scale * 0.5f, lim_y = static_cast<float>(mat.height_cm) * scale * 0.5f;
    pan_ = ImVec2(std::clamp(pan_.x, -lim_x, lim_x), std::clamp(pan_.y, -lim_y, lim_y));
    const float ox = last_origin_.x + pan_.x - static_cast<float>(mat.width_cm) * scale * 0.5f;
    const float oy = last_origin_.y + pan_.y - static_cast<float>(mat.height_cm) * scale * 0.5f;
    const auto P = [&](double x, double y) { return ImVec2(ox + static_cast<float>(x) * scale, oy + static_cast<float>(y) * scale); };
    dl->PushClipRect(ImVec2(origin.x + panel_w, origin.y), ImVec2(origin.x + size.x, origin.y + avail_h), true);

    // ---- the mat: its raster as a texture, else as runs of one colour (built once per mat) ----
    dl->AddRectFilled(ImVec2(P(0, 0).x + 3, P(0, 0).y + 4), ImVec2(P(mat.width_cm, mat.height_cm).x + 3, P(mat.width_cm, mat.height_cm).y + 4), IM_COL32(0, 0, 0, 40));
    if (tex != 0) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(tex)), P(0, 0), P(mat.width_cm, mat.height_cm));
    } else {
        if (mat_key_ != &mat) {
            mat_key_ = &mat;
            mat_runs_.clear();
            const double res = std::max(1.0, std::max(mat.width_cm, mat.height_cm) / 160.0);
            for (double y = 0; y < mat.height_cm; y += res) {
                Run cur{0, 0, 0, 0, 0};
                bool open = false;
                for (double x = 0; x < mat.width_cm; x += res) {
                    robot::Rgb c;
                    if (!mat.pixel(robot::Vec2{x + res * 0.5, y + res * 0.5}, c)) c = robot::Rgb{};
                    const ImU32 col = IM_COL32(c.r, c.g, c.b, 255);
                    if (open && col == cur.colour) { cur.x1 = static_cast<float>(x + res); continue; }
                    if (open) mat_runs_.push_back(cur);
                    cur = Run{static_cast<float>(x), static_cast<float>(y), static_cast<float>(x + res), static_cast<float>(y + res), col};
                    open = true;
                }
                if (open) mat_runs_.push_back(cur);
            }
        }
        for (const Run& r : mat_runs_) dl->AddRectFilled(P(r.x0, r.y0), P(std::min<double>(r.x1, mat.width_cm), std::min<double>(r.y1, mat.height_cm)), r.colour);
    }
    dl->AddRect(P(0, 0), P(mat.width_cm, mat.height_cm), IM_COL32(120, 120, 130, 255), 0, 0, 2);
    // zones (outlined: their colour is painted on the mat) and walls
    const auto shape = [&](const robot::Shape& s, ImU32 fill, ImU32 edge, float thick) {
        if (s.kind == robot::Shape::Kind::Circle) {
            if (fill) dl->AddCircleFilled(P(s.centre.x, s.centre.y), static_cast<float>(s.radius) * scale, fill, 32);
            if (edge) dl->AddCircle(P(s.centre.x, s.centre.y), static_cast<float>(s.radius) * scale, edge, 32, thick);
        } else if (s.kind == robot::Shape::Kind::Polygon && s.points.size() >= 3) {
            std::vector<ImVec2> pts;
            for (const robot::Vec2& p : s.points) pts.push_back(P(p.x, p.y));
            if (fill) dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
            if (edge) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), edge, ImDrawFlags_Closed, thick);
        }
    };
    for (const robot::Zone& z : mat.zones) {
        const ImU32 edge = z.kind == "goal" ? IM_COL32(30, 160, 60, 230) : z.kind == "forbidden" ? IM_COL32(220, 40, 40, 230) : IM_COL32(60, 110, 220, 200);
        shape(z.shape, 0, edge, std::max(2.0f, 0.5f * scale));
    }
    for (const robot::Wall& wall : mat.walls) {
        if (wall.border && !wall.sonar_visible) continue;
        shape(wall.shape, st.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(120, 90, 60, 255), IM_COL32(70, 50, 30, 255), 1.5f);
    }
    if (n == 0) {
        dl->PopClipRect();
        return;
    }

    // ---- the trail up to the shown frame (sampled frames; rebuilt after a reset) ----
    if (n < trail_frames_) { trail_.clear(); trail_frames_ = 0; }
    for (size_t i = trail_frames_; i < n; i += kTrailEvery) {
        const robot::FrameView t = rw.frame(i);
        trail_.push_back(ImVec2(static_cast<float>(t.pose.x), static_cast<float>(t.pose.y)));
        trail_frames_ = i + kTrailEvery;
    }
    {
        std::vector<ImVec2> pts;
        const size_t upto = std::min(trail_.size(), shown / kTrailEvery + 1);
        pts.reserve(upto + 1);
        for (size_t i = 0; i < upto; ++i) pts.push_back(P(trail_[i].x, trail_[i].y));
        pts.push_back(P(f.pose.x, f.pose.y));
        if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(255, 120, 0, 190), 0, std::max(2.0f, 0.6f * scale));
    }

    // ---- the robot ----
    const double hr = f.pose.heading_deg * 3.14159265358979 / 180.0;
    const robot::Vec2 fw{std::cos(hr), std::sin(hr)}, rt{-std::sin(hr), std::cos(hr)};
    const auto R = [&](robot::Vec2 base, double fwd, double right) { return P(base.x + fw.x * fwd + rt.x * right, base.y + fw.y * fwd + rt.y * right); };
    // the ultrasonic beam: a cone of ±sonar_cone_deg, as long as the distance it reads
    {
        const double dist = std::min(f.sensors.distance, mat.robot.sonar_range);
        const double cone = mat.robot.sonar_cone_deg * 3.14159265358979 / 180.0;
        const ImVec2 a = P(f.sonar.x, f.sonar.y);
        const ImVec2 l = P(f.sonar.x + std::cos(hr - cone) * dist, f.sonar.y + std::sin(hr - cone) * dist);
        const ImVec2 r = P(f.sonar.x + std::cos(hr + cone) * dist, f.sonar.y + std::sin(hr + cone) * dist);
        const bool sees = f.sensors.distance < mat.robot.sonar_range;
        dl->PushClipRect(P(0, 0), P(mat.width_cm, mat.height_cm), true);  // the beam stays on the mat
        dl->AddTriangleFilled(a, l, r, sees ? IM_COL32(80, 160, 255, 70) : IM_COL32(80, 160, 255, 35));
        dl->AddLine(a, P(f.sonar.x + fw.x * dist, f.sonar.y + fw.y * dist), IM_COL32(40, 120, 230, 170), 1.5f);
        if (sees) dl->AddCircleFilled(P(f.sonar.x + fw.x * dist, f.sonar.y + fw.y * dist), std::max(2.5f, 0.8f * scale), IM_COL32(40, 120, 230, 220), 10);
        dl->PopClipRect();
    }
    // wheels at the axle ends, with treads that turn with the wheel's rotation counter
    const double half = mat.robot.track * 0.5, wr = mat.robot.wheel_radius, ww = 1.3;
    for (int s = -1; s <= 1; s += 2) {
        const robot::Vec2 c{f.pose.x + rt.x * half * s, f.pose.y + rt.y * half * s};
        const ImVec2 q[4] = {R(c, wr, -ww), R(c, wr, ww), R(c, -wr, ww), R(c, -wr, -ww)};
        dl->AddConvexPolyFilled(q, 4, IM_COL32(30, 30, 34, 255));
        const double deg = s < 0 ? f.left_deg : f.right_deg;
        const double phase = std::fmod(std::fmod(deg, 45.0) + 45.0, 45.0) / 45.0;  // a tread every 45°
        for (int k = 0; k < 3; ++k) {
            const double along = -wr + (static_cast<double>(k) + phase) * (2 * wr / 3);
            if (along > wr) continue;
            dl->AddLine(R(c, along, -ww), R(c, along, ww), IM_COL32(110, 110, 120, 255), 1.0f);
        }
    }
    // body, a front bumper (red while pressed) and an arrow for the heading
    ImVec2 body[4];
    for (int i = 0; i < 4; ++i) body[i] = P(f.body[i].x, f.body[i].y);
    dl->AddQuadFilled(ImVec2(body[0].x + 2, body[0].y + 3), ImVec2(body[1].x + 2, body[1].y + 3), ImVec2(body[2].x + 2, body[2].y + 3),
                      ImVec2(body[3].x + 2, body[3].y + 3), IM_COL32(0, 0, 0, 45));
    dl->AddConvexPolyFilled(body, 4, f.blocked ? IM_COL32(240, 140, 90, 240) : IM_COL32(250, 200, 40, 240));
    dl->AddPolyline(body, 4, IM_COL32(60, 50, 20, 255), ImDrawFlags_Closed, 2);
    dl->AddLine(body[0], body[1], f.sensors.touch ? IM_COL32(230, 40, 40, 255) : IM_COL32(90, 90, 100, 255), std::max(3.0f, 0.9f * scale));
    {
        const robot::Vec2 c{f.pose.x, f.pose.y};
        const double len = mat.robot.front * 0.45;
        dl->AddTriangleFilled(R(c, len + 1.5, 0), R(c, len - 2.0, -2.2), R(c, len - 2.0, 2.2), IM_COL32(60, 50, 20, 220));
    }
    // the colour sensor shows the colour it sees; the ultrasonic sensor's two "eyes"
    robot::Rgb seen;
    robot::parseColorName(f.sensors.color, seen);
    const float cr = std::max(4.0f, 1.6f * scale);
    dl->AddCircleFilled(P(f.color_sensor.x, f.color_sensor.y), cr, IM_COL32(seen.r, seen.g, seen.b, 255), 14);
    dl->AddCircle(P(f.color_sensor.x, f.color_sensor.y), cr, IM_COL32(200, 40, 40, 255), 14, 2.0f);
    for (int s = -1; s <= 1; s += 2) {
        const robot::Vec2 e{f.sonar.x - fw.x * 0.8 + rt.x * 1.6 * s, f.sonar.y - fw.y * 0.8 + rt.y * 1.6 * s};
        dl->AddCircleFilled(P(e.x, e.y), std::max(2.5f, 1.1f * scale), IM_COL32(60, 120, 220, 255), 10);
        dl->AddCircle(P(e.x, e.y), std::max(2.5f, 1.1f * scale), IM_COL32(20, 40, 90, 255), 10, 1.2f);
    }
    // the LED on top, with a glow; the beep as rings
    robot::Rgb led;
    if (f.led != "off" && robot::parseColorName(f.led, led)) {
        const ImVec2 c = R(robot::Vec2{f.pose.x, f.pose.y}, -1.5, 0);
        dl->AddCircleFilled(c, std::max(7.0f, 3.2f * scale), IM_COL32(led.r, led.g, led.b, 90), 16);
        dl->AddCircleFilled(c, std::max(4.0f, 1.8f * scale), IM_COL32(led.r, led.g, led.b, 255), 14);
        dl->AddCircle(c, std::max(4.0f, 1.8f * scale), IM_COL32(40, 40, 40, 255), 14, 1.2f);
    }
    if (f.beeping) {
        const ImVec2 c = P(f.pose.x, f.pose.y);
        for (int k = 1; k <= 2; ++k) dl->AddCircle(c, static_cast<float>(mat.robot.front + 3.0 * k) * scale, IM_COL32(150, 80, 220, 160), 32, 2);
    }
    if (!f.saying.empty()) {
        const ImVec2 p = P(f.pose.x, f.pose.y);
        const ImVec2 ts = st.font->CalcTextSizeA(fs, 1e9f, 0, f.saying.c_str());
        dl->AddRectFilled(ImVec2(p.x + 10, p.y - ts.y - 18), ImVec2(p.x + 22 + ts.x, p.y - 8), IM_COL32(255, 255, 255, 240), 8);
        dl->AddRect(ImVec2(p.x + 10, p.y - ts.y - 18), ImVec2(p.x + 22 + ts.x, p.y - 8), IM_COL32(120, 120, 130, 255), 8);
        dl->AddText(st.font, fs, ImVec2(p.x + 16, p.y - ts.y - 14), st.text, f.saying.c_str());
    }
    dl->PopClipRect();

    // ---- the sensor panel: one chip per reading ----
    for (size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        const ImVec2 a(origin.x + chip_pos[i].x, origin.y + chip_pos[i].y);
        const float cw = chip_w[i];
        dl->AddRectFilled(a, ImVec2(a.x + cw, a.y + chip_h), st.high_contrast ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 240), chip_h * 0.5f);
        dl->AddRect(a, ImVec2(a.x + cw, a.y + chip_h), IM_COL32(190, 190, 200, 255), chip_h * 0.5f, 0, 1);
        float tx = a.x + 7;
        if (it.swatch) {
            const ImVec2 c(tx + sw * 0.5f, a.y + chip_h * 0.5f);
            dl->AddCircleFilled(c, sw * 0.5f, IM_COL32(it.colour.r, it.colour.g, it.colour.b, 255), 14);
            dl->AddCircle(c, sw * 0.5f, IM_COL32(60, 60, 70, 255), 14, 1);
            tx += sw + 6;
        }
        dl->AddText(st.font, fs, ImVec2(tx, a.y + 5), st.text, it.text.c_str());
    }
}

}  // namespace sandyq::ui
