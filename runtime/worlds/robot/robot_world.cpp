// worlds/robot/robot_world.cpp — see robot_world.h.
// Sections: 1. helpers  2. commands  3. time (advance, actions)  4. replay frames
//           5. goals  6. literals  7. factory
#include "course/literal.h"
#include "worlds/robot/robot_world.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace sandyq::robot {
namespace {

using nlohmann::json;
using program::Diagnostic;
using program::ExcKind;
using program::WorldArg;
using program::WorldReply;
using worlds::GoalResult;

constexpr uint32_t kStallSteps = kStepsPerSecond;      // 1 s without the wheel turning
constexpr uint32_t kBeepSteps = kStepsPerSecond / 5;   // a beep lasts 0.2 s
constexpr size_t kMaxSayBytes = 200;
constexpr uint32_t kTraceSampleSteps = kStepsPerSecond / 10;

const char* const kNames[] = {
    "robot.forward", "robot.back", "robot.turn", "robot.motors", "robot.motors_degrees",
    "robot.motors_rotations", "robot.stop", "robot.speed", "robot.wait", "robot.color",
    "robot.reflect", "robot.distance", "robot.touch", "robot.heading", "robot.left_degrees",
    "robot.right_degrees", "robot.timer", "robot.reset_timer", "robot.led", "robot.beep", "robot.say",
    "wait",
};
static_assert(sizeof(kNames) / sizeof(kNames[0]) == static_cast<size_t>(Command::Count));

// ---- 1. helpers ----
WorldReply fault(ExcKind kind, const char* key, Command c) {
    WorldReply r;
    r.error = program::makeDiagnostic(kind, key);
    r.error.arg("name", kNames[static_cast<size_t>(c)]);
    return r;
}

bool number(const WorldArg& a, double& out) {
    if (a.kind == WorldArg::Kind::Int) out = static_cast<double>(a.integer);
    else if (a.kind == WorldArg::Kind::Float) out = a.real;
    else return false;
    return std::isfinite(out);
}

WorldArg intValue(int64_t v) {
    WorldArg a;
    a.kind = WorldArg::Kind::Int;
    a.integer = v;
    return a;
}

WorldArg floatValue(double v) {
    WorldArg a;
    a.kind = WorldArg::Kind::Float;
    a.real = v;
    return a;
}

std::string fmt(double v, int decimals = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v == 0 ? 0.0 : v);
    return buf;
}

// A Lua string literal (the serializer's subset).
void luaString(std::string& out, std::string_view s) { course::appendLuaString(out, s); }

// Cuts UTF-8 text to at most n bytes without splitting a character.
std::string clipUtf8(std::string_view s, size_t n) {
    if (s.size() <= n) return std::string(s);
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n));
}

GoalResult fail(const char* key, std::vector<std::pair<std::string, std::string>> args = {}) {
    return GoalResult{false, key, std::move(args)};
}

GoalResult pass() { return GoalResult{true, {}, {}}; }

bool optNumber(const json& j, const char* name, double& out) {
    auto it = j.find(name);
    if (it == j.end()) return true;
    if (!it->is_number()) return false;
    out = it->get<double>();
    return std::isfinite(out);
}

bool stringList(const json& j, const char* name, std::vector<std::string>& out) {
    auto it = j.find(name);
    if (it == j.end()) return true;
    // literalToJson turns an empty Lua table into {}: accept it as an empty list.
    if (it->is_object() && it->empty()) return true;
    if (!it->is_array()) return false;
    for (const json& s : *it) {
        if (!s.is_string()) return false;
        out.push_back(s.get<std::string>());
    }
    return true;
}

}  // namespace

// ---- 2. commands ----
RobotWorld::RobotWorld(Mat mat) : RobotWorld(std::make_shared<const Mat>(std::move(mat))) {}

RobotWorld::RobotWorld(std::shared_ptr<const Mat> mat) : sim_(std::move(mat)) { reset(); }

const std::vector<worlds::CommandSpec>& RobotWorld::commands() const {
    static const std::vector<worlds::CommandSpec> specs = [] {
        std::vector<worlds::CommandSpec> v;
        const uint32_t counts[][2] = {{1, 1}, {1, 1}, {1, 1}, {2, 3}, {3, 3}, {3, 3}, {0, 0}, {1, 1}, {1, 1}, {0, 0}, {0, 0},
                                      {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {0, 0}, {1, 1}, {0, 0}, {1, 1}, {1, 1}};
        for (size_t i = 0; i < static_cast<size_t>(Command::Count); ++i) v.push_back({kNames[i], counts[i][0], counts[i][1]});
        return v;
    }();
    return specs;
}

void RobotWorld::reset() {
    sim_.reset();
    action_ = {};
    speed_pct_ = 50;
    pending_ = 0;
    owed_ = 0;
    timer_start_ = 0;
    time_up_ = false;
    events_.clear();
    event_hash_ = {};
    rng_.state = mat().noise.seed;
}

uint32_t RobotWorld::maxSteps() const {
    return static_cast<uint32_t>(detRound(mat().max_seconds * kStepsPerSecond));
}

void RobotWorld::addEvent(EventKind kind, std::string text) {
    event_hash_.add(sim_.steps());
    event_hash_.add(static_cast<uint64_t>(kind));
    for (unsigned char c : text) event_hash_.add(c);
    events_.push_back({sim_.steps(), kind, std::move(text)});
}

uint64_t RobotWorld::traceHash() const {
    TraceHash h;
    h.add(sim_.hash());
    h.add(event_hash_.value);
    return h.value;
}

Pose RobotWorld::pose() const {
    const Frame& f = sim_.current();
    return {f.x, f.y, f.heading / kDegToRad};
}

program::WorldReply RobotWorld::call(size_t index, const std::vector<program::WorldArg>& args) {
    SANDYQ_ASSERT(!busy(), "RobotWorld::call while an action is under way: advance() until !busy() first");
    if (busy()) endAction();
    if (index >= static_cast<size_t>(Command::Count)) return {};
    const Command c = static_cast<Command>(index);
    if (args.size() < commands()[index].min_args || args.size() > commands()[index].max_args) {
        // The Vm checks counts; this guards direct callers (tests, tools).
        WorldReply r = fault(ExcKind::TypeError, "robot.err.arg_count", c);
        r.error.arg("n", static_cast<int64_t>(commands()[index].max_args));
        return r;
    }
    if (time_up_ || sim_.steps() >= maxSteps()) {
        if (!time_up_) addEvent(EventKind::TimeUp, {});
        time_up_ = true;
        WorldReply r = fault(ExcKind::WorldError, "robot.err.time_up", c);
        r.error.arg("seconds", static_cast<int64_t>(detRound(mat().max_seconds)));
        return r;
    }
    double a[3] = {0, 0, 0};
    const bool numeric = c != Command::Led && c != Command::Say;
    for (size_t i = 0; i < args.size() && i < 3; ++i) {
        if (numeric && !number(args[i], a[i])) {
            WorldReply r = fault(ExcKind::TypeError, "robot.err.need_number", c);
            r.error.arg("n", static_cast<int64_t>(i + 1));
            return r;
        }
    }
    const RobotSpec& spec = mat().robot;
    const double deg_per_cm = 360.0 / (2 * kPi * spec.wheel_radius);
    switch (c) {
        case Command::Forward:
        case Command::Back: {
            const double cm = c == Command::Back ? -a[0] : a[0];
            const double pct = cm < 0 ? -speed_pct_ : speed_pct_;
            startDegrees(pct, pct, std::fabs(cm) * deg_per_cm);
            return {};
        }
        case Command::Turn: {
            const double pct = a[0] < 0 ? -speed_pct_ : speed_pct_;
            startDegrees(pct, -pct, std::fabs(a[0]) * spec.track / (2 * spec.wheel_radius));
            return {};
        }
        case Command::Motors:
            if (args.size() == 3 && a[2] < 0) return fault(ExcKind::ValueError, "robot.err.negative_time", c);
            sim_.setMotors(a[0], a[1]);
            if (args.size() == 3) {
                startSteps(static_cast<uint32_t>(detRound((a[2] < 3600 ? a[2] : 3600) * kStepsPerSecond)), true);
            }
            return {};
        case Command::MotorsDegrees:
        case Command::MotorsRotations: {
            double amount = c == Command::MotorsRotations ? a[2] * 360 : a[2];
            double l = a[0], r = a[1];
            if (amount < 0) {  // negative degrees drive the other way, as on LEGO hubs
                amount = -amount;
                l = -l;
                r = -r;
            }
            startDegrees(l, r, amount);
            return {};
        }
        case Command::Stop:
            sim_.setMotors(0, 0);
            return {};
        case Command::Speed:
            if (a[0] <= 0) return fault(ExcKind::ValueError, "robot.err.speed_range", c);
            speed_pct_ = a[0] > 100 ? 100 : a[0];
            return {};
        case Command::Wait:
        case Command::WaitPlain:
            if (a[0] < 0) return fault(ExcKind::ValueError, "robot.err.negative_time", c);
            startSteps(static_cast<uint32_t>(detRound((a[0] < 3600 ? a[0] : 3600) * kStepsPerSecond)), false);
            return {};
        case Command::ResetTimer:
            timer_start_ = sim_.steps();
            return {};
        case Command::Led: {
            if (args[0].kind != WorldArg::Kind::Str) return fault(ExcKind::TypeError, "robot.err.need_color", c);
            Rgb rgb;
            if (args[0].text != "off" && (args[0].text.empty() || args[0].text[0] == '#' || !parseColorName(args[0].text, rgb))) {
                WorldReply r = fault(ExcKind::ValueError, "robot.err.bad_color", c);
                r.error.arg("color", clipUtf8(args[0].text, 40));
                return r;
            }
            addEvent(EventKind::Led, args[0].text);
            return {};
        }
        case Command::Beep:
            addEvent(EventKind::Beep, {});
            return {};
        case Command::Say: {
            std::string text;
            switch (args[0].kind) {
                case WorldArg::Kind::Str: text = args[0].text; break;
                case WorldArg::Kind::Int: text = std::to_string(args[0].integer); break;
                case WorldArg::Kind::Bool: text = args[0].integer ? "True" : "False"; break;
                case WorldArg::Kind::Float: {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.10g", args[0].real);
                    text = buf;
                    break;
                }
                default: break;
            }
            addEvent(EventKind::Say, clipUtf8(text, kMaxSayBytes));
            return {};
        }
        default:
            return query(c);
    }
}

program::WorldReply RobotWorld::query(Command c) {
    const Sim& s = sim_;
    const Frame& f = s.current();
    const NoiseSpec& noise = mat().noise;
    WorldReply r;
    switch (c) {
        case Command::Color: {
            r.value.kind = WorldArg::Kind::Str;
            r.value.text = s.color(f);
            break;
        }
        case Command::Reflect: {
            double v = s.reflect(f);
            if (noise.reflect > 0) v += rng_.normal() * noise.reflect;
            v = detRound(v);
            r.value = intValue(static_cast<int64_t>(v < 0 ? 0 : (v > 100 ? 100 : v)));
            break;
        }
        case Command::Distance: {
            double v = s.distance(f);
            if (noise.distance > 0) v += rng_.normal() * noise.distance;
            if (v < 0) v = 0;
            if (v > mat().robot.sonar_range) v = mat().robot.sonar_range;
            r.value = floatValue(detRound(v * 10) / 10);
            break;
        }
        case Command::Touch:
            r.value.kind = WorldArg::Kind::Bool;
            r.value.integer = s.touch(f) ? 1 : 0;
            break;
        case Command::Heading: {
            double v = s.headingDeg(f);
            if (noise.gyro > 0) v += rng_.normal() * noise.gyro;
            r.value = intValue(static_cast<int64_t>(detRound(v)));
            break;
        }
        case Command::LeftDegrees: r.value = intValue(static_cast<int64_t>(detRound(f.left_deg))); break;
        case Command::RightDegrees: r.value = intValue(static_cast<int64_t>(detRound(f.right_deg))); break;
        case Command::Timer:
            r.value = floatValue((s.steps() - timer_start_) / static_cast<double>(kStepsPerSecond));
            break;
        default: return r;
    }
    // Reading a sensor takes one physics step: polling loops advance robot time. The step is
    // simulated now and owed to the clock; the world turns busy (asks for a frame) only when a
    // frame's worth of such time has piled up, so a polling loop runs at robot speed in the UI.
    if (sim_.steps() < maxSteps()) {
        sim_.step();
        owed_ += kStepSeconds;
    }
    return r;
}

// ---- 3. time ----
void RobotWorld::startSteps(uint32_t steps, bool stop_at_end) {
    action_ = {};
    if (steps == 0) {
        if (stop_at_end) sim_.setMotors(0, 0);
        return;
    }
    action_.kind = ActionKind::Steps;
    action_.end_step = sim_.steps() + steps;
    action_.stop_at_end = stop_at_end;
}

void RobotWorld::startDegrees(double left_pct, double right_pct, double degrees) {
    action_ = {};
    sim_.setMotors(left_pct, right_pct);
    const double l = std::fabs(sim_.leftPct()), r = std::fabs(sim_.rightPct());
    if (degrees <= 0 || (l == 0 && r == 0)) {
        sim_.setMotors(0, 0);
        return;
    }
    action_.kind = ActionKind::Degrees;
    action_.lead_left = l >= r;
    action_.start_deg = action_.lead_left ? sim_.current().left_deg : sim_.current().right_deg;
    action_.target_deg = degrees;
    action_.stop_at_end = true;
}

void RobotWorld::endAction() {
    if (action_.stop_at_end) sim_.setMotors(0, 0);
    action_ = {};
    pending_after_end_ = pending_ > 0 ? pending_ : 0;
    pending_ = 0;
}

void RobotWorld::stepAction() {
    if (sim_.steps() >= maxSteps()) {
        addEvent(EventKind::TimeUp, {});
        time_up_ = true;
        action_.stop_at_end = true;
        endAction();
        return;
    }
    if (action_.kind == ActionKind::Steps) {
        sim_.step();
        if (sim_.steps() >= action_.end_step) endAction();
        return;
    }
    const auto lead = [&] { return action_.lead_left ? sim_.current().left_deg : sim_.current().right_deg; };
    const double before = lead();
    const double done = std::fabs(before - action_.start_deg);
    const double remaining = action_.target_deg - done;
    const double per_step = std::fabs(sim_.degreesPerSecond(action_.lead_left ? sim_.leftPct() : sim_.rightPct())) * kStepSeconds;
    if (remaining <= per_step) {
        // The encoder target is reached inside this step: turn the wheels only that far.
        sim_.step(remaining > 0 ? remaining / per_step : 0);
        endAction();
        return;
    }
    sim_.step();
    if (std::fabs(lead() - before) < per_step * 0.1) {
        if (++action_.stall_steps >= kStallSteps) {
            addEvent(EventKind::Stall, {});
            endAction();
        }
    } else {
        action_.stall_steps = 0;
    }
}

double RobotWorld::advanceFor(double seconds) {
    double left = seconds > 0 ? seconds : 0;
    // The frame length sets how much query time may pile up before the world asks for a frame.
    if (left > 0) pace_ = left < kStepSeconds ? kStepSeconds : (left > 1.0 ? 1.0 : left);
    // Time already simulated by queries is paid back first (it is not simulated again).
    if (owed_ > 0) {
        const double pay = left < owed_ ? left : owed_;
        owed_ -= pay;
        left -= pay;
        if (owed_ < 1e-12) owed_ = 0;
    }
    if (action_.kind == ActionKind::None) {
        pending_ = 0;
        return left;
    }
    pending_ += left;
    // A step is due when at least (almost) a whole step of time is pending; the tolerance keeps
    // frame times such as 1/60 s from losing a step to rounding.
    while (action_.kind != ActionKind::None && pending_ >= kStepSeconds * 0.999) {
        pending_ -= kStepSeconds;
        stepAction();  // ending the action resets pending_ to 0
        if (action_.kind == ActionKind::None) return pending_after_end_;
    }
    return 0;
}

// ---- 4. replay frames ----
FrameView RobotWorld::frame(size_t i) const {
    const std::vector<Frame>& frames = sim_.frames();
    if (i >= frames.size()) i = frames.size() - 1;
    const Frame& f = frames[i];
    FrameView v;
    v.time = f.step / static_cast<double>(kStepsPerSecond);
    v.pose = {f.x, f.y, f.heading / kDegToRad};
    sim_.body(f, v.body);
    v.color_sensor = sim_.colorSensorPoint(f);
    v.sonar = sim_.toWorld(f, mat().robot.sonar);
    v.left_deg = f.left_deg;
    v.right_deg = f.right_deg;
    v.left_pct = f.left_pct;
    v.right_pct = f.right_pct;
    v.sensors = sim_.read(f);
    v.blocked = (f.flags & kFrameBlocked) != 0;
    for (const Event& e : events_) {
        if (e.step > f.step) break;
        if (e.kind == EventKind::Led) v.led = e.text;
        if (e.kind == EventKind::Say) v.saying = e.text;
        if (e.kind == EventKind::Beep) v.beeping = f.step - e.step < kBeepSteps;
    }
    return v;
}

size_t RobotWorld::frameAt(double seconds) const {
    if (!(seconds > 0)) return 0;
    const double s = detRound(seconds * kStepsPerSecond);
    const size_t n = sim_.frames().size();
    return s >= static_cast<double>(n - 1) ? n - 1 : static_cast<size_t>(s);
}

// ---- 5. goals ----
namespace {

struct ZoneTimeline {
    std::vector<std::string> entered;  // zone ids in entry order (frame 0 counts as entering)
};

double trackDistance(const Track& t, Vec2 p) {
    double best = kInfinity;
    const size_t n = t.points.size();
    for (size_t i = 0; i + 1 < n + (t.closed ? 1 : 0); ++i) {
        const double d = pointSegmentDistance(p, t.points[i], t.points[(i + 1) % n]);
        if (d < best) best = d;
    }
    return best;
}

std::vector<Vec2> trackSamples(const Track& t, double spacing) {
    std::vector<Vec2> out;
    const size_t n = t.points.size();
    for (size_t i = 0; i + 1 < n + (t.closed ? 1 : 0); ++i) {
        const Vec2 a = t.points[i], b = t.points[(i + 1) % n];
        const double len = length(b - a);
        const int k = len > spacing ? static_cast<int>(std::ceil(len / spacing)) : 1;
        for (int j = 0; j < k; ++j) out.push_back(a + (b - a) * (static_cast<double>(j) / k));
    }
    if (!t.closed) out.push_back(t.points.back());
    return out;
}

}  // namespace

std::vector<std::pair<GoalSpec, GoalResult>> RobotWorld::checkMatGoals() const {
    std::vector<std::pair<GoalSpec, GoalResult>> out;
    for (const GoalSpec& g : mat().goals) out.emplace_back(g, checkGoal(g.builtin, g.args_json));
    return out;
}

GoalResult RobotWorld::checkGoal(std::string_view builtin, std::string_view args_json) const {
    json args = args_json.empty() ? json::object() : json::parse(args_json.begin(), args_json.end(), nullptr, false);
    const std::string name(builtin);
    if (args.is_discarded() || !args.is_object()) return fail("robot.goal.bad_args", {{"name", name}});
    const auto badArgs = [&] { return fail("robot.goal.bad_args", {{"name", name}}); };
    const std::vector<Frame>& frames = sim_.frames();
    const Frame& last = frames.back();
    const auto zoneArg = [&](const Zone*& z, std::string& id) {
        auto it = args.find("zone");
        if (it == args.end() || !it->is_string()) return false;
        id = it->get<std::string>();
        z = mat().zone(id);
        return true;
    };

    if (name == "reach_zone" || name == "stay_inside") {
        const Zone* z = nullptr;
        std::string id;
        if (!zoneArg(z, id)) return badArgs();
        if (!z) return fail("robot.goal.unknown_zone", {{"zone", id}});
        if (name == "stay_inside") {
            for (const Frame& f : frames)
                if (!contains(z->shape, sim_.bodyCentre(f)))
                    return fail("robot.goal.left_zone", {{"zone", id}, {"seconds", fmt(f.step / double(kStepsPerSecond), 1)}});
            return pass();
        }
        bool anytime = false;
        if (auto it = args.find("anytime"); it != args.end()) anytime = it->is_boolean() && it->get<bool>();
        if (contains(z->shape, sim_.bodyCentre(last))) return pass();
        if (anytime)
            for (const Frame& f : frames)
                if (contains(z->shape, sim_.bodyCentre(f))) return pass();
        return fail("robot.goal.not_in_zone", {{"zone", id}});
    }
    if (name == "visit_zones" || name == "avoid_zones") {
        std::vector<std::string> ids;
        if (!stringList(args, "zones", ids)) return badArgs();
        if (name == "avoid_zones" && !args.contains("zones"))
            for (const Zone& z : mat().zones)
                if (z.kind == "forbidden") ids.push_back(z.id);
        std::vector<const Zone*> zones;
        for (const std::string& id : ids) {
            const Zone* z = mat().zone(id);
            if (!z) return fail("robot.goal.unknown_zone", {{"zone", id}});
            zones.push_back(z);
        }
        bool in_order = true;
        if (auto it = args.find("in_order"); it != args.end()) in_order = it->is_boolean() && it->get<bool>();
        std::vector<bool> inside(zones.size(), false), visited(zones.size(), false);
        size_t next = 0;  // in order: the zone to visit next
        for (const Frame& f : frames) {
            const Vec2 p = sim_.bodyCentre(f);
            for (size_t k = 0; k < zones.size(); ++k) {
                const bool now = contains(zones[k]->shape, p);
                if (now && !inside[k]) {  // entering zone k
                    if (name == "avoid_zones")
                        return fail("robot.goal.entered_zone", {{"zone", ids[k]}, {"seconds", fmt(f.step / double(kStepsPerSecond), 1)}});
                    if (!visited[k]) {
                        if (in_order && k != next) return fail("robot.goal.wrong_order", {{"zone", ids[k]}, {"expected", ids[next]}});
                        visited[k] = true;
                        if (in_order) ++next;
                    }
                }
                inside[k] = now;
            }
        }
        for (size_t k = 0; k < zones.size(); ++k)
            if (name == "visit_zones" && !visited[k]) return fail("robot.goal.zone_missed", {{"zone", ids[k]}});
        return pass();
    }
    if (name == "follow_line") {
        if (mat().tracks.empty()) return fail("robot.goal.no_line");
        double min_share = 0.9, max_off = -1, tolerance = -1;
        if (!optNumber(args, "min_share", min_share) || !optNumber(args, "max_off_seconds", max_off) ||
            !optNumber(args, "tolerance", tolerance))
            return badArgs();
        size_t covered_total = 0, samples_total = 0;
        uint32_t off_steps = 0;
        std::vector<Vec2> sensor;
        sensor.reserve(frames.size());
        for (const Frame& f : frames) sensor.push_back(sim_.colorSensorPoint(f));
        std::vector<bool> off(frames.size(), true);
        for (const Track& t : mat().tracks) {
            const double tol = tolerance > 0 ? tolerance : t.width / 2 + 1.5;
            const std::vector<Vec2> samples = trackSamples(t, 1.0);
            std::vector<bool> covered(samples.size(), false);
            for (size_t i = 0; i < sensor.size(); ++i) {
                if (trackDistance(t, sensor[i]) <= tol) off[i] = false;
                else continue;
                for (size_t k = 0; k < samples.size(); ++k) {
                    const Vec2 d = samples[k] - sensor[i];
                    if (!covered[k] && dot(d, d) <= tol * tol) covered[k] = true;
                }
            }
            for (bool c : covered) covered_total += c ? 1 : 0;
            samples_total += samples.size();
        }
        for (size_t i = 1; i < off.size(); ++i) off_steps += off[i] ? 1 : 0;
        const double share = samples_total ? static_cast<double>(covered_total) / samples_total : 0;
        const double off_seconds = off_steps / static_cast<double>(kStepsPerSecond);
        if (share < min_share)
            return fail("robot.goal.line_share", {{"percent", fmt(detRound(share * 100), 0)}, {"need", fmt(detRound(min_share * 100), 0)}});
        if (max_off >= 0 && off_seconds > max_off)
            return fail("robot.goal.line_off", {{"seconds", fmt(off_seconds, 1)}, {"max", fmt(max_off, 1)}});
        return pass();
    }
    if (name == "stop_near_wall") {
        double max_cm = 5, min_cm = 0;
        if (!optNumber(args, "max_cm", max_cm) || !optNumber(args, "min_cm", min_cm)) return badArgs();
        for (const Frame& f : frames)
            if (f.flags & kFrameBlocked) return fail("robot.goal.touched_wall", {{"seconds", fmt(f.step / double(kStepsPerSecond), 1)}});
        const double gap = sim_.wallDistance(last);
        if (gap > max_cm) return fail("robot.goal.too_far", {{"cm", fmt(gap >= kInfinity ? 9999 : gap, 1)}, {"max", fmt(max_cm, 1)}});
        if (gap < min_cm) return fail("robot.goal.too_close", {{"cm", fmt(gap, 1)}, {"min", fmt(min_cm, 1)}});
        return pass();
    }
    if (name == "no_collision") {
        for (const Frame& f : frames)
            if (f.flags & kFrameBlocked) return fail("robot.goal.collided", {{"seconds", fmt(f.step / double(kStepsPerSecond), 1)}});
        return pass();
    }
    if (name == "time_limit") {
        double seconds = -1;
        if (!optNumber(args, "seconds", seconds) || seconds < 0) return badArgs();
        if (time_up_ || sim_.time() > seconds) return fail("robot.goal.too_slow", {{"seconds", fmt(sim_.time(), 1)}, {"max", fmt(seconds, 1)}});
        return pass();
    }
    if (name == "min_distance") {
        double cm = -1;
        if (!optNumber(args, "cm", cm) || cm < 0) return badArgs();
        double driven = 0;
        for (size_t i = 1; i < frames.size(); ++i)
            driven += length(Vec2{frames[i].x - frames[i - 1].x, frames[i].y - frames[i - 1].y});
        if (driven < cm) return fail("robot.goal.too_short", {{"cm", fmt(driven, 0)}, {"need", fmt(cm, 0)}});
        return pass();
    }
    return GoalResult{false, "world.goal.unknown", {{"goal", name}}};
}

int starsFor(double value, const std::vector<double>& limits) {
    int n = 0;
    for (double l : limits)
        if (value <= l) ++n;
    return n;
}

// ---- 6. literals ----
std::string RobotWorld::stateLiteral() const {
    const Frame& f = sim_.current();
    const Readings r = sim_.read(f);
    std::string s = "{x=" + fmt(f.x) + ",y=" + fmt(f.y) + ",heading=" + fmt(sim_.headingDeg(f), 1) +
                    ",time=" + fmt(sim_.time(), 3) + ",touch=" + (r.touch ? "true" : "false") + ",color=";
    luaString(s, r.color);
    s += ",reflect=" + std::to_string(r.reflect) + ",distance=" + fmt(r.distance, 1);
    int bumps = 0;
    bool was = false;
    double driven = 0;
    const std::vector<Frame>& frames = sim_.frames();
    for (size_t i = 0; i < frames.size(); ++i) {
        const bool b = frames[i].flags & kFrameBlocked;
        if (b && !was) ++bumps;
        was = b;
        if (i) driven += length(Vec2{frames[i].x - frames[i - 1].x, frames[i].y - frames[i - 1].y});
    }
    s += ",bumps=" + std::to_string(bumps) + ",driven=" + fmt(driven, 1) + ",led=";
    std::string led = "off";
    int beeps = 0;
    std::string said = "{";
    for (const Event& e : events_) {
        if (e.kind == EventKind::Led) led = e.text;
        if (e.kind == EventKind::Beep) ++beeps;
        if (e.kind == EventKind::Say) {
            luaString(said, e.text);
            said += ',';
        }
    }
    luaString(s, led);
    s += ",said=" + said + "},beeps=" + std::to_string(beeps) + ",visited={";
    // Zones in the order the body centre entered them (frame 0 counts).
    std::vector<bool> inside(mat().zones.size(), false);
    for (const Frame& fr : frames) {
        const Vec2 p = sim_.bodyCentre(fr);
        for (size_t k = 0; k < inside.size(); ++k) {
            const bool now = contains(mat().zones[k].shape, p);
            if (now && !inside[k]) {
                luaString(s, mat().zones[k].id);
                s += ',';
            }
            inside[k] = now;
        }
    }
    s += "},inside={";
    for (size_t k = 0; k < inside.size(); ++k)
        if (inside[k]) {
            luaString(s, mat().zones[k].id);
            s += ',';
        }
    s += std::string("},time_up=") + (time_up_ ? "true" : "false") + "}";
    return s;
}

std::string RobotWorld::traceLiteral() const {
    std::string s = "{";
    const std::vector<Frame>& frames = sim_.frames();
    for (size_t i = 0; i < frames.size(); ++i) {
        if (i % kTraceSampleSteps != 0 && i + 1 != frames.size()) continue;
        const Frame& f = frames[i];
        s += "{t=" + fmt(f.step / double(kStepsPerSecond), 3) + ",x=" + fmt(f.x) + ",y=" + fmt(f.y) +
             ",heading=" + fmt(sim_.headingDeg(f), 1) + ",blocked=" + ((f.flags & kFrameBlocked) ? "true" : "false") + "},";
    }
    s += "}";
    return s;
}

// ---- 7. factory ----
Result<std::unique_ptr<RobotWorld>> createRobotWorld(std::string_view json_text, std::string_view picture_png) {
    Result<Mat> mat = matFromJson(json_text, picture_png);
    if (!mat.ok()) return mat.status();
    return createRobotWorld(std::move(mat.value()));
}

Result<std::unique_ptr<RobotWorld>> createRobotWorld(Mat mat) {
    if (mat.px_w <= 0 || mat.px_h <= 0 || mat.rgba.size() != static_cast<size_t>(mat.px_w) * mat.px_h * 4)
        return Status::error(ErrorCode::Invalid, "robot.mat.err.size", "size");
    auto world = std::make_unique<RobotWorld>(std::move(mat));
    if (world->sim().collides(world->sim().current())) return Status::error(ErrorCode::Invalid, "robot.mat.err.start", "start");
    return world;
}

}  // namespace sandyq::robot
