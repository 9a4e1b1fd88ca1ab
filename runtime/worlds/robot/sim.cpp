// worlds/robot/sim.cpp — see sim.h.
#include "worlds/robot/sim.h"

#include <cmath>

namespace sandyq::robot {
namespace {

constexpr double kMaxSubstepCm = 0.5;
constexpr int kBisections = 14;
constexpr double kSpotRadiusCm = 0.8;
constexpr double kBumperReachCm = 0.3;

double clampPct(double v) { return v < -100 ? -100 : (v > 100 ? 100 : v); }

}  // namespace

Sim::Sim(std::shared_ptr<const Mat> mat) : mat_(std::move(mat)) {
    const RobotSpec& r = mat_->robot;
    const double hw = r.width / 2;
    const double f = r.front > r.back ? r.front : r.back;
    reach_ = std::sqrt(f * f + hw * hw);
    const int k = static_cast<int>(kSpotRadiusCm * mat_->scale);
    const double lim = kSpotRadiusCm * mat_->scale;
    for (int dy = -k; dy <= k; ++dy)
        for (int dx = -k; dx <= k; ++dx)
            if (dx * dx + dy * dy <= lim * lim) spot_.push_back({dx / mat_->scale, dy / mat_->scale});
    cone_cos_ = detCos(r.sonar_cone_deg * kDegToRad);
    cone_sin_ = detSin(r.sonar_cone_deg * kDegToRad);
    reset();
}

void Sim::reset() {
    frames_.clear();
    hash_ = {};
    left_pct_ = right_pct_ = 0;
    Frame f;
    f.x = mat_->start.x;
    f.y = mat_->start.y;
    f.heading = mat_->start.heading_deg * kDegToRad;
    record(f);
}

void Sim::setMotors(double left_pct, double right_pct) {
    left_pct_ = clampPct(left_pct);
    right_pct_ = clampPct(right_pct);
}

void Sim::move(Frame& f, double ds, double dth) const {
    // Exact arc: the chord of an arc of length ds turning by dth is ds * sin(dth/2) / (dth/2).
    const double half = dth / 2;
    const double chord = half != 0 ? ds * detSin(half) / half : ds;
    const double mid = f.heading + half;
    f.x += chord * detCos(mid);
    f.y += chord * detSin(mid);
    f.heading += dth;
}

void Sim::step(double fraction) {
    const RobotSpec& r = mat_->robot;
    Frame f = frames_.back();
    f.flags = 0;
    f.left_pct = left_pct_;
    f.right_pct = right_pct_;
    const double wl = degreesPerSecond(left_pct_) * kStepSeconds * fraction;
    const double wr = degreesPerSecond(right_pct_) * kStepSeconds * fraction;
    const double cm_per_deg = 2 * kPi * r.wheel_radius / 360.0;
    const double dl = wl * cm_per_deg, dr = wr * cm_per_deg;
    const double ds = (dl + dr) / 2, dth = (dl - dr) / r.track;
    const double motion = std::fabs(ds) + std::fabs(dth) * reach_;
    const int n = motion > kMaxSubstepCm ? static_cast<int>(std::ceil(motion / kMaxSubstepCm)) : 1;
    for (int i = 0; i < n && (wl != 0 || wr != 0); ++i) {
        Frame c = f;
        move(c, ds / n, dth / n);
        if (!collides(c)) {
            c.left_deg += wl / n;
            c.right_deg += wr / n;
            f = c;
            continue;
        }
        // Time of impact by bisection: the robot stops at the last free position.
        double lo = 0, hi = 1;
        for (int b = 0; b < kBisections; ++b) {
            const double mid = (lo + hi) / 2;
            Frame t = f;
            move(t, ds / n * mid, dth / n * mid);
            if (collides(t)) hi = mid;
            else lo = mid;
        }
        move(f, ds / n * lo, dth / n * lo);
        f.left_deg += wl / n * lo;
        f.right_deg += wr / n * lo;
        f.flags |= kFrameBlocked;
        break;
    }
    f.step += 1;
    record(f);
}

void Sim::record(const Frame& f) {
    frames_.push_back(f);
    hash_.add(f.step);
    hash_.add(f.flags);
    hash_.addDouble(f.x);
    hash_.addDouble(f.y);
    hash_.addDouble(f.heading);
    hash_.addDouble(f.left_deg);
    hash_.addDouble(f.right_deg);
    hash_.addDouble(f.left_pct);
    hash_.addDouble(f.right_pct);
}

Vec2 Sim::toWorld(const Frame& f, Vec2 local) const {
    const double c = detCos(f.heading), s = detSin(f.heading);
    return {f.x + local.x * c - local.y * s, f.y + local.x * s + local.y * c};
}

void Sim::body(const Frame& f, Vec2 out[4]) const {
    const RobotSpec& r = mat_->robot;
    const double c = detCos(f.heading), s = detSin(f.heading), hw = r.width / 2;
    const Vec2 local[4] = {{r.front, -hw}, {r.front, hw}, {-r.back, hw}, {-r.back, -hw}};
    for (int i = 0; i < 4; ++i)
        out[i] = {f.x + local[i].x * c - local[i].y * s, f.y + local[i].x * s + local[i].y * c};
}

Vec2 Sim::bodyCentre(const Frame& f) const {
    return toWorld(f, {(mat_->robot.front - mat_->robot.back) / 2, 0});
}

bool Sim::collides(const Frame& f) const {
    Vec2 poly[4];
    body(f, poly);
    for (const Wall& w : mat_->walls)
        if (overlaps(poly, 4, w.shape)) return true;
    return false;
}

double Sim::wallDistance(const Frame& f) const {
    Vec2 poly[4];
    body(f, poly);
    double best = kInfinity;
    for (const Wall& w : mat_->walls) {
        if (w.border && !w.sonar_visible) continue;
        const double d = robot::distance(poly, 4, w.shape);
        if (d < best) best = d;
    }
    return best;
}

bool Sim::spotColor(const Frame& f, Rgb& out) const {
    const Vec2 p = colorSensorPoint(f);
    Rgb c;
    if (!mat_->pixel(p, c)) return false;
    int sr = 0, sg = 0, sb = 0, n = 0;
    for (Vec2 d : spot_) {
        if (!mat_->pixel(p + d, c)) continue;
        sr += c.r;
        sg += c.g;
        sb += c.b;
        ++n;
    }
    out = {static_cast<uint8_t>((sr + n / 2) / n), static_cast<uint8_t>((sg + n / 2) / n),
           static_cast<uint8_t>((sb + n / 2) / n)};
    return true;
}

int Sim::reflect(const Frame& f) const {
    Rgb c;
    return spotColor(f, c) ? reflectedLight(c) : 0;
}

const char* Sim::color(const Frame& f) const {
    Rgb c;
    return spotColor(f, c) ? classifyColor(c) : "none";
}

double Sim::distance(const Frame& f) const {
    const RobotSpec& r = mat_->robot;
    const Vec2 o = toWorld(f, r.sonar);
    const Vec2 d{detCos(f.heading), detSin(f.heading)};
    const Vec2 rays[3] = {d,
                          {d.x * cone_cos_ - d.y * cone_sin_, d.x * cone_sin_ + d.y * cone_cos_},
                          {d.x * cone_cos_ + d.y * cone_sin_, -d.x * cone_sin_ + d.y * cone_cos_}};
    double best = r.sonar_range;
    const Box reach{o.x - best, o.y - best, o.x + best, o.y + best};
    for (const Wall& w : mat_->walls) {
        if (!w.sonar_visible || !reach.overlaps(w.shape.box)) continue;
        for (const Vec2& ray : rays) {
            const double t = rayCast(o, ray, w.shape);
            if (t < best) best = t;
        }
    }
    return best;
}

bool Sim::touch(const Frame& f) const {
    const RobotSpec& r = mat_->robot;
    const double hw = r.width / 2;
    const Vec2 bumper[4] = {toWorld(f, {r.front, -hw}), toWorld(f, {r.front + kBumperReachCm, -hw}),
                            toWorld(f, {r.front + kBumperReachCm, hw}), toWorld(f, {r.front, hw})};
    for (const Wall& w : mat_->walls)
        if (overlaps(bumper, 4, w.shape)) return true;
    return false;
}

double Sim::headingDeg(const Frame& f) const {
    return (f.heading - mat_->start.heading_deg * kDegToRad) / kDegToRad;
}

Readings Sim::read(const Frame& f) const {
    Readings out;
    out.reflect = reflect(f);
    out.color = color(f);
    out.distance = distance(f);
    out.touch = touch(f);
    out.heading_deg = headingDeg(f);
    return out;
}

}  // namespace sandyq::robot
