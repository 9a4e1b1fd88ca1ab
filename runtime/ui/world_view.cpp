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

void WorldView::drawRobot(ImDrawList* dl, const worlds::World& w, ImVec2 origin, ImVec2 size, const WorldViewStyle& st, uint64_t tex) {
    const auto& rw = static_cast<const robot::RobotWorld&>(w);
    const robot::Mat& mat = rw.mat();
    if (mat.width_cm <= 0 || mat.height_cm <= 0) return;
    // the sensor panel's text (its height decides how much room the mat gets)
    std::string panel;
    if (st.sensor_labels.size() >= 6 && rw.frameCount() > 0) {
        const robot::FrameView f = rw.frame(rw.frameCount() - 1);
        const std::string colour = st.colour_name ? st.colour_name(f.sensors.color) : std::string(f.sensors.color);
        char buf[320];
        std::snprintf(buf, sizeof buf, "%s: %s   %s: %d   %s: %.1f   %s: %s   %s: %.0f   %s: %.1f", st.sensor_labels[0].c_str(), colour.c_str(),
                      st.sensor_labels[1].c_str(), f.sensors.reflect, st.sensor_labels[2].c_str(), f.sensors.distance,
                      st.sensor_labels[3].c_str(), f.sensors.touch ? "1" : "0", st.sensor_labels[4].c_str(), f.sensors.heading_deg,
                      st.sensor_labels[5].c_str(), f.time);
        panel = buf;
    }
    const float panel_h = panel.empty() ? 0 : st.font->CalcTextSizeA(st.font_size, 1e9f, size.x - 28, panel.c_str()).y + 16;
    const float avail_h = size.y - panel_h;
    const float scale = std::min((size.x - 8) / static_cast<float>(mat.width_cm), (avail_h - 8) / static_cast<float>(mat.height_cm));
    const float ox = origin.x + (size.x - static_cast<float>(mat.width_cm) * scale) * 0.5f;
    const float oy = origin.y + (avail_h - static_cast<float>(mat.height_cm) * scale) * 0.5f;
    const auto P = [&](double x, double y) { return ImVec2(ox + static_cast<float>(x) * scale, oy + static_cast<float>(y) * scale); };
    // the mat: its picture, or the raster as runs of one colour (built once per mat)
    if (tex != 0) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<uintptr_t>(tex)), P(0, 0), P(mat.width_cm, mat.height_cm));
    } else {
        if (mat_key_ != &mat) {
            mat_key_ = &mat;
            mat_runs_.clear();
            trail_.clear();
            trail_frames_ = 0;
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
    // zones and walls
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
        shape(z.shape, 0, edge, 3);
    }
    for (const robot::Wall& wall : mat.walls) {
        if (wall.border && !wall.sonar_visible) continue;
        shape(wall.shape, IM_COL32(120, 90, 60, 255), IM_COL32(70, 50, 30, 255), 1.5f);
    }
    if (rw.frameCount() == 0) return;
    // the trail (sampled frames; rebuilt after a reset)
    const size_t n = rw.frameCount();
    if (n < trail_frames_) { trail_.clear(); trail_frames_ = 0; }
    for (size_t i = trail_frames_; i < n; i += 8) {
        const robot::FrameView f = rw.frame(i);
        trail_.push_back(ImVec2(static_cast<float>(f.pose.x), static_cast<float>(f.pose.y)));
        trail_frames_ = i + 8;
    }
    if (trail_.size() > 1) {
        std::vector<ImVec2> pts;
        pts.reserve(trail_.size() + 1);
        for (const ImVec2& p : trail_) pts.push_back(P(p.x, p.y));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(255, 120, 0, 170), 0, 3);
    }
    const robot::FrameView f = rw.frame(n - 1);
    // sonar beam
    const double hr = f.pose.heading_deg * 3.14159265358979 / 180.0;
    const double dist = std::min(f.sensors.distance, mat.robot.sonar_range);
    dl->AddLine(P(f.sonar.x, f.sonar.y), P(f.sonar.x + std::cos(hr) * dist, f.sonar.y + std::sin(hr) * dist), IM_COL32(80, 160, 255, 140), 2);
    // body
    ImVec2 body[4];
    for (int i = 0; i < 4; ++i) body[i] = P(f.body[i].x, f.body[i].y);
    dl->AddConvexPolyFilled(body, 4, f.blocked ? IM_COL32(240, 140, 90, 235) : IM_COL32(250, 200, 40, 235));
    dl->AddPolyline(body, 4, IM_COL32(60, 50, 20, 255), ImDrawFlags_Closed, 2);
    // wheels at the axle ends
    const robot::Vec2 fw{std::cos(hr), std::sin(hr)}, rt{-std::sin(hr), std::cos(hr)};
    const double half = mat.robot.track * 0.5, wr = mat.robot.wheel_radius;
    for (int s = -1; s <= 1; s += 2) {
        const robot::Vec2 c{f.pose.x + rt.x * half * s, f.pose.y + rt.y * half * s};
        const ImVec2 q[4] = {P(c.x + fw.x * wr + rt.x * 1.2, c.y + fw.y * wr + rt.y * 1.2), P(c.x + fw.x * wr - rt.x * 1.2, c.y + fw.y * wr - rt.y * 1.2),
                             P(c.x - fw.x * wr - rt.x * 1.2, c.y - fw.y * wr - rt.y * 1.2), P(c.x - fw.x * wr + rt.x * 1.2, c.y - fw.y * wr + rt.y * 1.2)};
        dl->AddConvexPolyFilled(q, 4, IM_COL32(30, 30, 34, 255));
    }
    // sensors: the colour sensor shows what it sees; the LED
    robot::Rgb seen;
    robot::parseColorName(f.sensors.color, seen);
    dl->AddCircleFilled(P(f.color_sensor.x, f.color_sensor.y), std::max(3.0f, 1.5f * scale), IM_COL32(seen.r, seen.g, seen.b, 255), 12);
    dl->AddCircle(P(f.color_sensor.x, f.color_sensor.y), std::max(3.0f, 1.5f * scale), IM_COL32(0, 0, 0, 255), 12, 1.5f);
    dl->AddCircleFilled(P(f.sonar.x, f.sonar.y), std::max(3.0f, 1.2f * scale), IM_COL32(60, 120, 220, 255), 10);
    if (f.led != "off") {
        robot::Rgb led;
        if (robot::parseColorName(f.led, led)) dl->AddCircleFilled(P(f.pose.x, f.pose.y), std::max(4.0f, 2.0f * scale), IM_COL32(led.r, led.g, led.b, 255), 12);
    }
    if (!f.saying.empty()) {
        const ImVec2 p = P(f.pose.x, f.pose.y);
        const ImVec2 ts = st.font->CalcTextSizeA(st.font_size, 1e9f, 0, f.saying.c_str());
        dl->AddRectFilled(ImVec2(p.x + 10, p.y - ts.y - 18), ImVec2(p.x + 22 + ts.x, p.y - 8), IM_COL32(255, 255, 255, 240), 8);
        dl->AddText(st.font, st.font_size, ImVec2(p.x + 16, p.y - ts.y - 14), st.text, f.saying.c_str());
    }
    // sensor panel
    if (!panel.empty()) {
        const ImVec2 a(origin.x + 6, origin.y + size.y - panel_h + 2);
        dl->AddRectFilled(a, ImVec2(origin.x + size.x - 6, origin.y + size.y - 2), IM_COL32(255, 255, 255, 235), 8);
        dl->AddText(st.font, st.font_size, ImVec2(a.x + 8, a.y + 6), st.text, panel.c_str(), nullptr, size.x - 28);
    }
}

}  // namespace sandyq::ui
