// worlds/robot/mat.cpp — mat descriptions: JSON parsing, built-in mats, rasterising, PNG pictures.
// Sections: 1. colours  2. JSON helpers  3. rasterising  4. matFromJson  5. built-in mats
#include "worlds/robot/mat.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#define STB_IMAGE_STATIC  // private copy: scripting/ has its own, both may link into one binary
#define STB_IMAGE_IMPLEMENTATION
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_NO_FAILURE_STRINGS
#include <stb_image.h>

namespace sandyq::robot {
namespace {

using nlohmann::json;

constexpr double kMaxSizeCm = 1000;
constexpr size_t kMaxPixels = 4'000'000;
constexpr size_t kMaxItems = 2000;
constexpr size_t kMaxPoints = 20000;

// ---- 1. colours ----
struct NamedColor {
    const char* name;
    Rgb rgb;
};
constexpr NamedColor kColors[] = {
    {"black", {16, 16, 16}},   {"white", {255, 255, 255}}, {"red", {220, 40, 40}},
    {"green", {40, 160, 70}},  {"blue", {40, 90, 220}},    {"yellow", {245, 210, 40}},
    {"grey", {150, 150, 150}}, {"gray", {150, 150, 150}},  {"orange", {245, 140, 30}},
    {"brown", {139, 90, 43}},
};
constexpr Rgb kWallColor{139, 90, 43};

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// ---- 2. JSON helpers ----
Status bad(const char* key, const std::string& where, std::string detail = {}) {
    return Status::error(ErrorCode::Invalid, key, where, std::move(detail));
}

bool number(const json& j, double& out) {
    if (!j.is_number()) return false;
    out = j.get<double>();
    return std::isfinite(out);
}

bool numberField(const json& obj, const char* name, double& out, double lo, double hi) {
    auto it = obj.find(name);
    if (it == obj.end()) return true;
    double v;
    if (!number(*it, v) || v < lo || v > hi) return false;
    out = v;
    return true;
}

bool point(const json& j, Vec2& out) {
    return j.is_array() && j.size() == 2 && number(j[0], out.x) && number(j[1], out.y) &&
           std::fabs(out.x) <= 10 * kMaxSizeCm && std::fabs(out.y) <= 10 * kMaxSizeCm;
}

bool points(const json& j, std::vector<Vec2>& out, size_t min) {
    if (!j.is_array() || j.size() < min || j.size() > kMaxPoints) return false;
    for (const json& p : j) {
        Vec2 v;
        if (!point(p, v)) return false;
        out.push_back(v);
    }
    return true;
}

bool numbers(const json& j, size_t n, double* out) {
    if (!j.is_array() || j.size() != n) return false;
    for (size_t i = 0; i < n; ++i)
        if (!number(j[i], out[i]) || std::fabs(out[i]) > 10 * kMaxSizeCm) return false;
    return true;
}

bool color(const json& j, Rgb& out) {
    if (j.is_string()) return parseColorName(j.get<std::string>(), out);
    double v[3];
    if (!numbers(j, 3, v)) return false;
    for (double x : v)
        if (x < 0 || x > 255) return false;
    out = {static_cast<uint8_t>(v[0]), static_cast<uint8_t>(v[1]), static_cast<uint8_t>(v[2])};
    return true;
}

// {"rect": [x,y,w,h], "angle": a} | {"circle": [x,y,r]} | {"polygon": [[x,y],…]} |
// {"segment": [x1,y1,x2,y2], "thickness": t}. Returns false if no shape key or a bad one.
bool shape(const json& obj, Shape& out) {
    double v[4];
    if (auto it = obj.find("rect"); it != obj.end()) {
        double angle = 0;
        if (!numbers(*it, 4, v) || v[2] <= 0 || v[3] <= 0 || !numberField(obj, "angle", angle, -3600, 3600)) return false;
        out = Shape::rect(v[0], v[1], v[2], v[3], angle);
    } else if (auto it2 = obj.find("circle"); it2 != obj.end()) {
        if (!numbers(*it2, 3, v) || v[2] <= 0) return false;
        out = Shape::circle(v[0], v[1], v[2]);
    } else if (auto it3 = obj.find("polygon"); it3 != obj.end()) {
        std::vector<Vec2> pts;
        if (!points(*it3, pts, 3)) return false;
        out = Shape::polygon(std::move(pts));
    } else if (auto it4 = obj.find("segment"); it4 != obj.end()) {
        double t = 2;
        if (!numbers(*it4, 4, v) || !numberField(obj, "thickness", t, 0.1, 100)) return false;
        out = Shape::segment({v[0], v[1]}, {v[2], v[3]}, t);
    } else {
        return false;
    }
    return out.valid();
}

std::string indexed(const char* list, size_t i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s[%zu]", list, i);
    return buf;
}

// ---- 3. rasterising (pixel centres; no anti-aliasing, so every platform paints alike) ----
void setPixel(Mat& m, int x, int y, Rgb c) {
    uint8_t* p = &m.rgba[(static_cast<size_t>(y) * m.px_w + x) * 4];
    p[0] = c.r;
    p[1] = c.g;
    p[2] = c.b;
    p[3] = 255;
}

template <class Inside>
void paintBox(Mat& m, Box b, Rgb c, Inside inside) {
    int x0 = static_cast<int>(std::floor(b.x0 * m.scale)), x1 = static_cast<int>(std::ceil(b.x1 * m.scale));
    int y0 = static_cast<int>(std::floor(b.y0 * m.scale)), y1 = static_cast<int>(std::ceil(b.y1 * m.scale));
    if (x0 < 0) x0 = 0;
    if (y0 < 0) y0 = 0;
    if (x1 > m.px_w) x1 = m.px_w;
    if (y1 > m.px_h) y1 = m.px_h;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x)
            if (inside(Vec2{(x + 0.5) / m.scale, (y + 0.5) / m.scale})) setPixel(m, x, y, c);
}

void rasterShape(Mat& m, const Shape& s, Rgb c) {
    paintBox(m, s.box, c, [&](Vec2 p) { return contains(s, p); });
}

void rasterLine(Mat& m, const std::vector<Vec2>& pts, bool closed, double width, Rgb c) {
    const double h = width / 2;
    const size_t n = pts.size();
    for (size_t i = 0; i + 1 < n + (closed ? 1 : 0); ++i) {
        const Vec2 a = pts[i], b = pts[(i + 1) % n];
        const Box box{(a.x < b.x ? a.x : b.x) - h, (a.y < b.y ? a.y : b.y) - h,
                      (a.x < b.x ? b.x : a.x) + h, (a.y < b.y ? b.y : a.y) + h};
        paintBox(m, box, c, [&](Vec2 p) { return pointSegmentDistance(p, a, b) <= h; });
    }
}

void fillBlank(Mat& m, double w, double h, double scale, Rgb background) {
    m.width_cm = w;
    m.height_cm = h;
    m.scale = scale;
    m.px_w = static_cast<int>(std::ceil(w * scale));
    m.px_h = static_cast<int>(std::ceil(h * scale));
    m.rgba.resize(static_cast<size_t>(m.px_w) * m.px_h * 4);
    for (int y = 0; y < m.px_h; ++y)
        for (int x = 0; x < m.px_w; ++x) setPixel(m, x, y, background);
}

Status decodePicture(Mat& m, std::string_view png) {
    int w = 0, h = 0, comp = 0;
    const auto* data = reinterpret_cast<const stbi_uc*>(png.data());
    const int len = static_cast<int>(png.size());
    if (png.size() > (64u << 20) || !stbi_info_from_memory(data, len, &w, &h, &comp)) return bad("robot.mat.err.picture", "picture");
    if (w <= 0 || h <= 0 || static_cast<size_t>(w) * h > kMaxPixels) return bad("robot.mat.err.too_big", "picture");
    stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &comp, 4);
    if (!pixels) return bad("robot.mat.err.picture", "picture");
    m.px_w = w;
    m.px_h = h;
    m.rgba.assign(pixels, pixels + static_cast<size_t>(w) * h * 4);
    stbi_image_free(pixels);
    return Status::success();
}

// ---- 4. matFromJson ----
Status parseRobot(const json& j, RobotSpec& r) {
    if (!j.is_object()) return bad("robot.mat.err.robot", "robot");
    Vec2 v;
    bool ok = numberField(j, "wheel_radius", r.wheel_radius, 0.5, 20) && numberField(j, "track", r.track, 2, 60) &&
              numberField(j, "max_rpm", r.max_rpm, 1, 5000) && numberField(j, "front", r.front, 1, 60) &&
              numberField(j, "back", r.back, 0, 60) && numberField(j, "width", r.width, 2, 60) &&
              numberField(j, "sonar_range", r.sonar_range, 5, 1000) &&
              numberField(j, "sonar_cone", r.sonar_cone_deg, 0, 45);
    if (auto it = j.find("color_sensor"); ok && it != j.end()) {
        ok = point(*it, v);
        r.color_sensor = v;
    }
    if (auto it = j.find("sonar"); ok && it != j.end()) {
        ok = point(*it, v);
        r.sonar = v;
    }
    return ok ? Status::success() : bad("robot.mat.err.robot", "robot");
}

Status parseNoise(const json& j, NoiseSpec& n) {
    if (!j.is_object()) return bad("robot.mat.err.field", "noise");
    double seed = 1;
    const bool ok = numberField(j, "seed", seed, 0, 4294967295.0) && numberField(j, "reflect", n.reflect, 0, 50) &&
                    numberField(j, "distance", n.distance, 0, 50) && numberField(j, "gyro", n.gyro, 0, 45);
    n.seed = static_cast<uint64_t>(seed);
    return ok ? Status::success() : bad("robot.mat.err.field", "noise");
}

Status parseMat(const json& j, std::string_view picture_png, Mat& m) {
    // Size, scale, raster.
    double size[2] = {0, 0};
    const bool has_size = j.contains("size");
    if (has_size && (!numbers(j["size"], 2, size) || size[0] < 10 || size[1] < 10 || size[0] > kMaxSizeCm ||
                     size[1] > kMaxSizeCm))
        return bad("robot.mat.err.size", "size");
    if (!numberField(j, "scale", m.scale, 1, 8)) return bad("robot.mat.err.field", "scale");
    Rgb background{255, 255, 255};
    if (j.contains("background") && !color(j["background"], background)) return bad("robot.mat.err.color", "background");
    if (!picture_png.empty()) {
        if (Status st = decodePicture(m, picture_png); !st.ok()) return st;
        if (has_size) {
            m.width_cm = size[0];
            m.scale = m.px_w / size[0];
            m.height_cm = m.px_h / m.scale;
        } else {
            m.width_cm = m.px_w / m.scale;
            m.height_cm = m.px_h / m.scale;
        }
    } else {
        if (!has_size) return bad("robot.mat.err.size", "size");
        if (static_cast<size_t>(std::ceil(size[0] * m.scale)) * static_cast<size_t>(std::ceil(size[1] * m.scale)) > kMaxPixels)
            return bad("robot.mat.err.too_big", "scale");
        fillBlank(m, size[0], size[1], m.scale, background);
    }

    // Zones (painted first when coloured), then paint, then walls.
    if (auto it = j.find("zones"); it != j.end()) {
        if (!it->is_array() || it->size() > kMaxItems) return bad("robot.mat.err.field", "zones");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& z = (*it)[i];
            Zone zone;
            if (!z.is_object() || !shape(z, zone.shape)) return bad("robot.mat.err.shape", indexed("zones", i));
            auto id = z.find("id");
            if (id == z.end() || !id->is_string() || id->get<std::string>().empty()) return bad("robot.mat.err.zone_id", indexed("zones", i));
            zone.id = id->get<std::string>();
            if (m.zone(zone.id)) return bad("robot.mat.err.zone_twice", indexed("zones", i));
            zone.kind = "area";
            if (auto k = z.find("kind"); k != z.end()) {
                if (!k->is_string()) return bad("robot.mat.err.field", indexed("zones", i));
                zone.kind = k->get<std::string>();
                if (zone.kind != "goal" && zone.kind != "checkpoint" && zone.kind != "forbidden" && zone.kind != "area")
                    return bad("robot.mat.err.zone_kind", indexed("zones", i));
            }
            if (auto c = z.find("color"); c != z.end()) {
                Rgb rgb;
                if (!color(*c, rgb)) return bad("robot.mat.err.color", indexed("zones", i));
                rasterShape(m, zone.shape, rgb);
            }
            m.zones.push_back(std::move(zone));
        }
    }
    if (auto it = j.find("paint"); it != j.end()) {
        if (!it->is_array() || it->size() > kMaxItems) return bad("robot.mat.err.field", "paint");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& p = (*it)[i];
            Rgb rgb{16, 16, 16};
            if (!p.is_object() || (p.contains("color") && !color(p["color"], rgb)))
                return bad("robot.mat.err.color", indexed("paint", i));
            if (auto line = p.find("line"); line != p.end()) {
                Track t;
                if (!points(*line, t.points, 2) || !numberField(p, "width", t.width, 0.1, 100))
                    return bad("robot.mat.err.shape", indexed("paint", i));
                if (auto c = p.find("closed"); c != p.end()) t.closed = c->is_boolean() && c->get<bool>();
                rasterLine(m, t.points, t.closed, t.width, rgb);
                auto track = p.find("track");
                if (track == p.end() || (track->is_boolean() && track->get<bool>())) m.tracks.push_back(std::move(t));
            } else {
                Shape s;
                if (!shape(p, s)) return bad("robot.mat.err.shape", indexed("paint", i));
                rasterShape(m, s, rgb);
            }
        }
    }
    for (const char* list : {"walls", "obstacles"}) {
        auto it = j.find(list);
        if (it == j.end()) continue;
        if (!it->is_array() || it->size() > kMaxItems) return bad("robot.mat.err.field", list);
        for (size_t i = 0; i < it->size(); ++i) {
            Wall w;
            if (!(*it)[i].is_object() || !shape((*it)[i], w.shape)) return bad("robot.mat.err.shape", indexed(list, i));
            rasterShape(m, w.shape, kWallColor);
            m.walls.push_back(std::move(w));
        }
    }
    std::string border = "edge";
    if (auto it = j.find("border"); it != j.end()) {
        border = it->is_string() ? it->get<std::string>() : "";
        if (border != "edge" && border != "wall" && border != "none") return bad("robot.mat.err.field", "border");
    }
    addBorder(m, border == "none" ? Border::None : (border == "wall" ? Border::Wall : Border::Edge));

    // Robot, start, noise, time, goals.
    if (auto it = j.find("robot"); it != j.end())
        if (Status st = parseRobot(*it, m.robot); !st.ok()) return st;
    if (m.robot.back + m.robot.front < 2 || m.robot.color_sensor.x > m.robot.front + 20) return bad("robot.mat.err.robot", "robot");
    if (auto it = j.find("noise"); it != j.end())
        if (Status st = parseNoise(*it, m.noise); !st.ok()) return st;
    if (!numberField(j, "max_seconds", m.max_seconds, 1, 3600)) return bad("robot.mat.err.field", "max_seconds");
    m.start = {m.width_cm / 2, m.height_cm / 2, 0};
    if (auto it = j.find("start"); it != j.end()) {
        if (!it->is_object() || !numberField(*it, "x", m.start.x, 0, m.width_cm) ||
            !numberField(*it, "y", m.start.y, 0, m.height_cm) || !numberField(*it, "heading", m.start.heading_deg, -3600, 3600))
            return bad("robot.mat.err.start", "start");
    }
    if (auto it = j.find("goals"); it != j.end()) {
        if (!it->is_array() || it->size() > 100) return bad("robot.mat.err.field", "goals");
        for (size_t i = 0; i < it->size(); ++i) {
            const json& g = (*it)[i];
            auto b = g.is_object() ? g.find("builtin") : g.end();
            if (b == g.end() || !b->is_string()) return bad("robot.mat.err.goal", indexed("goals", i));
            GoalSpec spec{b->get<std::string>(), "{}"};
            if (auto a = g.find("args"); a != g.end()) spec.args_json = a->dump();
            m.goals.push_back(std::move(spec));
        }
    }
    return Status::success();
}

// ---- 5. built-in mats ----
json arcPoints(double cx, double cy, double r, double from_deg, double to_deg, double step_deg) {
    json pts = json::array();
    const int n = static_cast<int>(detRound(std::fabs(to_deg - from_deg) / step_deg));
    for (int i = 0; i <= n; ++i) {
        const double a = (from_deg + (to_deg - from_deg) * i / n) * kDegToRad;
        // Rounded to 1/1000 cm so the JSON text (and the raster) is the same everywhere.
        pts.push_back({detRound((cx + r * detCos(a)) * 1000) / 1000, detRound((cy + r * detSin(a)) * 1000) / 1000});
    }
    return pts;
}

std::string lineOval() {
    // A stadium: straights at y = 30 and y = 120, half circles of radius 45 around (65,75), (135,75).
    json pts = json::array();
    for (const json& p : arcPoints(135, 75, 45, 90, -90, 6)) pts.push_back(p);
    for (const json& p : arcPoints(65, 75, 45, -90, -270, 6)) pts.push_back(p);
    json j = {
        {"size", {200, 150}},
        {"paint", json::array({{{"line", pts}, {"width", 2}, {"closed", true}, {"color", "black"}}})},
        {"start", {{"x", 80}, {"y", 120}, {"heading", 0}}},
        {"max_seconds", 120},
        {"goals", json::array({{{"builtin", "follow_line"}, {"args", {{"min_share", 0.9}, {"max_off_seconds", 3}}}}})},
    };
    return j.dump();
}

const char* kLineJunction = R"({
  "size": [200, 150],
  "zones": [{"id": "goal", "kind": "goal", "rect": [115, 20, 30, 25], "color": "red"},
            {"id": "wrong_way", "kind": "forbidden", "rect": [165, 90, 35, 40]}],
  "paint": [{"line": [[20, 110], [180, 110]], "width": 2},
            {"line": [[130, 110], [130, 40]], "width": 2},
            {"rect": [112, 101, 8, 8], "color": "green", "track": false}],
  "start": {"x": 30, "y": 110, "heading": 0},
  "max_seconds": 60,
  "goals": [{"builtin": "reach_zone", "args": {"zone": "goal"}},
            {"builtin": "avoid_zones", "args": {"zones": ["wrong_way"]}}]
})";

const char* kMaze = R"({
  "size": [200, 200],
  "border": "wall",
  "walls": [{"segment": [0, 70, 140, 70], "thickness": 2},
            {"segment": [60, 140, 200, 140], "thickness": 2}],
  "zones": [{"id": "goal", "kind": "goal", "rect": [150, 150, 50, 50], "color": "green"}],
  "start": {"x": 30, "y": 35, "heading": 0},
  "max_seconds": 120,
  "goals": [{"builtin": "reach_zone", "args": {"zone": "goal"}},
            {"builtin": "no_collision", "args": {}}]
})";

const char* kStopWall = R"({
  "size": [200, 80],
  "walls": [{"rect": [170, 0, 6, 80]}],
  "zones": [{"id": "near_wall", "kind": "goal", "rect": [150, 0, 20, 80], "color": "yellow"}],
  "start": {"x": 30, "y": 40, "heading": 0},
  "max_seconds": 60,
  "goals": [{"builtin": "stop_near_wall", "args": {"max_cm": 5}}]
})";

const char* kColorZones = R"({
  "size": [200, 150],
  "zones": [{"id": "red", "kind": "checkpoint", "rect": [30, 20, 30, 30], "color": "red"},
            {"id": "green", "kind": "checkpoint", "rect": [150, 20, 30, 30], "color": "green"},
            {"id": "blue", "kind": "checkpoint", "rect": [150, 100, 30, 30], "color": "blue"},
            {"id": "yellow", "kind": "checkpoint", "rect": [30, 100, 30, 30], "color": "yellow"}],
  "start": {"x": 45, "y": 75, "heading": -90},
  "max_seconds": 60,
  "goals": [{"builtin": "visit_zones", "args": {"zones": ["red", "green", "blue"], "in_order": true}}]
})";

const char* kSumo = R"({
  "size": [150, 150],
  "background": "grey",
  "border": "none",
  "paint": [{"circle": [75, 75, 70], "color": "black"}, {"circle": [75, 75, 66], "color": "white"}],
  "zones": [{"id": "ring", "kind": "area", "circle": [75, 75, 70]}],
  "start": {"x": 75, "y": 75, "heading": 0},
  "max_seconds": 60,
  "goals": [{"builtin": "stay_inside", "args": {"zone": "ring"}},
            {"builtin": "min_distance", "args": {"cm": 150}}]
})";

}  // namespace

bool parseColorName(std::string_view name, Rgb& out) {
    if (name.size() == 7 && name[0] == '#') {
        int v[6];
        for (int i = 0; i < 6; ++i)
            if ((v[i] = hexDigit(name[1 + i])) < 0) return false;
        out = {static_cast<uint8_t>(v[0] * 16 + v[1]), static_cast<uint8_t>(v[2] * 16 + v[3]),
               static_cast<uint8_t>(v[4] * 16 + v[5])};
        return true;
    }
    for (const NamedColor& c : kColors)
        if (name == c.name) {
            out = c.rgb;
            return true;
        }
    return false;
}

const char* classifyColor(Rgb c) {
    const int mx = c.r > c.g ? (c.r > c.b ? c.r : c.b) : (c.g > c.b ? c.g : c.b);
    const int mn = c.r < c.g ? (c.r < c.b ? c.r : c.b) : (c.g < c.b ? c.g : c.b);
    if (mx < 50) return "black";
    const int chroma = mx - mn;
    if (chroma * 100 < mx * 35) return mx >= 128 ? "white" : "black";
    // Hue in degrees, integer arithmetic only.
    int hue;
    if (mx == c.r) hue = (60 * (c.g - c.b)) / chroma;
    else if (mx == c.g) hue = 120 + (60 * (c.b - c.r)) / chroma;
    else hue = 240 + (60 * (c.r - c.g)) / chroma;
    if (hue < 0) hue += 360;
    if (hue < 25 || hue >= 320) return "red";
    if (hue < 75) return "yellow";
    if (hue < 170) return "green";
    return "blue";
}

int reflectedLight(Rgb c) {
    const int lum = 299 * c.r + 587 * c.g + 114 * c.b;  // 0..255000
    return (lum * 100 + 127500) / 255000;
}

bool Mat::pixel(Vec2 p, Rgb& out) const {
    if (!(p.x >= 0 && p.y >= 0 && p.x < width_cm && p.y < height_cm)) return false;
    int x = static_cast<int>(p.x * scale), y = static_cast<int>(p.y * scale);
    if (x >= px_w) x = px_w - 1;
    if (y >= px_h) y = px_h - 1;
    const uint8_t* q = &rgba[(static_cast<size_t>(y) * px_w + x) * 4];
    out = {q[0], q[1], q[2]};
    return true;
}

const Zone* Mat::zone(std::string_view id) const {
    for (const Zone& z : zones)
        if (z.id == id) return &z;
    return nullptr;
}

Mat blankMat(double width_cm, double height_cm, double scale, Rgb background) {
    const auto clamp = [](double v, double lo, double hi) { return v < lo ? lo : (v > hi ? hi : v); };
    Mat m;
    m.name = "custom";
    const double w = clamp(width_cm, 10, kMaxSizeCm), h = clamp(height_cm, 10, kMaxSizeCm);
    double sc = clamp(scale, 1, 8);
    while (sc > 1 && std::ceil(w * sc) * std::ceil(h * sc) > static_cast<double>(kMaxPixels)) sc -= 1;
    fillBlank(m, w, h, sc, background);
    m.start = {w / 2, h / 2, 0};
    return m;
}

void paintShape(Mat& m, const Shape& s, Rgb color) { rasterShape(m, s, color); }

void paintLine(Mat& m, const Track& line, Rgb color, bool is_track) {
    if (line.points.size() < 2) return;
    rasterLine(m, line.points, line.closed, line.width, color);
    if (is_track) m.tracks.push_back(line);
}

void addWall(Mat& m, Shape s) {
    s.finish();
    rasterShape(m, s, kWallColor);
    Wall w;
    w.shape = std::move(s);
    m.walls.push_back(std::move(w));
}

void addZone(Mat& m, Zone z, const Rgb* color) {
    z.shape.finish();
    if (color) rasterShape(m, z.shape, *color);
    m.zones.push_back(std::move(z));
}

void addBorder(Mat& m, Border border) {
    if (border == Border::None) return;
    const double w = m.width_cm, h = m.height_cm, t = 50;
    for (const Shape& s : {Shape::rect(-t, -t, w + 2 * t, t), Shape::rect(-t, h, w + 2 * t, t), Shape::rect(-t, 0, t, h),
                           Shape::rect(w, 0, t, h)}) {
        Wall wall;
        wall.shape = s;
        wall.border = true;
        wall.sonar_visible = border == Border::Wall;
        m.walls.push_back(std::move(wall));
    }
}

const std::vector<std::string>& builtinMatNames() {
    static const std::vector<std::string> names = {"line_oval", "line_junction", "maze", "stop_wall", "color_zones", "sumo"};
    return names;
}

std::string builtinMatJson(std::string_view name) {
    if (name == "line_oval") return lineOval();
    if (name == "line_junction") return kLineJunction;
    if (name == "maze") return kMaze;
    if (name == "stop_wall") return kStopWall;
    if (name == "color_zones") return kColorZones;
    if (name == "sumo") return kSumo;
    return {};
}

Result<Mat> matFromJson(std::string_view text, std::string_view picture_png) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return bad("robot.mat.err.json", {});
    Mat m;
    m.name = "custom";
    if (auto it = j.find("mat"); it != j.end()) {
        const std::string name = it->is_string() ? it->get<std::string>() : "";
        const std::string base_text = builtinMatJson(name);
        if (base_text.empty()) return bad("robot.mat.err.unknown_mat", "mat", name);
        json base = json::parse(base_text, nullptr, false);
        for (auto f = j.begin(); f != j.end(); ++f)
            if (f.key() != "mat") base[f.key()] = f.value();
        j = std::move(base);
        m.name = name;
    }
    if (Status st = parseMat(j, picture_png, m); !st.ok()) return st;
    return m;
}

}  // namespace sandyq::robot
