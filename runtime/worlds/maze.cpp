// worlds/maze.cpp — see maze.h. Sections: 1 set-up · 2 commands · 3 animation · 4 goals and
// literals.
#include "worlds/maze.h"

#include <algorithm>

#include "worlds/world_util.h"

namespace sandyq::worlds {

using program::WorldArg;
using program::WorldReply;

namespace {
enum Cmd : size_t {
    kForward = 0, kTurnLeft, kTurnRight, kCollect, kWallAhead, kWallLeft, kWallRight, kAtGoal, kOnGoal, kOnItem,
    kColourUnder, kCmdCount
};
constexpr int kMaxForward = 100;

void delta(Dir d, int& dx, int& dy) {
    static const int kDx[] = {0, 1, 0, -1}, kDy[] = {-1, 0, 1, 0};
    dx = kDx[static_cast<int>(d)];
    dy = kDy[static_cast<int>(d)];
}
Dir turned(Dir d, int quarter_turns) { return static_cast<Dir>((static_cast<int>(d) + 4 + quarter_turns) % 4); }
}  // namespace

const char* dirName(Dir d) {
    switch (d) {
        case Dir::North: return "north";
        case Dir::East: return "east";
        case Dir::South: return "south";
        case Dir::West: return "west";
    }
    return "east";
}

const char* colourName(TileColour c) {
    switch (c) {
        case TileColour::Red: return "red";
        case TileColour::Green: return "green";
        case TileColour::Blue: return "blue";
        case TileColour::Yellow: return "yellow";
        default: return "none";
    }
}

// ============================== 1 set-up ==============================

Result<std::unique_ptr<MazeWorld>> createMaze(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!j.is_object()) return Status::error(ErrorCode::Invalid, "world.err.json");
    if (!j.contains("map") || !j["map"].is_array() || j["map"].empty())
        return Status::error(ErrorCode::Invalid, "world.err.maze_no_map");
    const auto& rows = j["map"];
    auto w = std::make_unique<MazeWorld>();
    int width = 0;
    for (const auto& r : rows) {
        if (!r.is_string()) return Status::error(ErrorCode::Invalid, "world.err.maze_no_map");
        width = std::max(width, static_cast<int>(r.get_ref<const std::string&>().size()));
    }
    const int height = static_cast<int>(rows.size());
    if (width == 0 || width > MazeWorld::kMaxSide || height > MazeWorld::kMaxSide)
        return Status::error(ErrorCode::Invalid, "world.err.maze_size", {}, std::to_string(width) + "x" + std::to_string(height));
    w->width_ = width;
    w->height_ = height;
    const size_t cells = static_cast<size_t>(width) * static_cast<size_t>(height);
    w->tiles_.assign(cells, Tile::Wall);
    w->colours_.assign(cells, TileColour::None);
    w->items_start_.assign(cells, 0);
    w->keys_start_.assign(cells, 0);
    int starts = 0, goals = 0;
    for (int y = 0; y < height; ++y) {
        const std::string& row = rows[static_cast<size_t>(y)].get_ref<const std::string&>();
        for (int x = 0; x < static_cast<int>(row.size()); ++x) {
            const size_t i = static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x);
            Tile t = Tile::Floor;
            switch (row[static_cast<size_t>(x)]) {
                case '#': case ' ': t = Tile::Wall; break;
                case '.': break;
                case 'S': ++starts; w->start_x_ = x; w->start_y_ = y; break;
                case 'G': t = Tile::Goal; ++goals; break;
                case '*': w->items_start_[i] = 1; break;
                case 'K': w->keys_start_[i] = 1; break;
                case 'D': t = Tile::Door; break;
                case 'r': w->colours_[i] = TileColour::Red; break;
                case 'g': w->colours_[i] = TileColour::Green; break;
                case 'b': w->colours_[i] = TileColour::Blue; break;
                case 'y': w->colours_[i] = TileColour::Yellow; break;
                default:
                    return Status::error(ErrorCode::Invalid, "world.err.maze_char",
                                         std::to_string(y + 1) + ":" + std::to_string(x + 1),
                                         std::string(1, row[static_cast<size_t>(x)]));
            }
            w->tiles_[i] = t;
        }
    }
    if (starts != 1) return Status::error(ErrorCode::Invalid, starts == 0 ? "world.err.maze_no_start" : "world.err.maze_two_starts");
    (void)goals;  // a maze without a goal is allowed (collect-only or free play)
    if (j.contains("dir")) {
        const auto& d = j["dir"];
        bool found = false;
        if (d.is_string()) {
            const std::string s = d.get<std::string>();
            for (int k = 0; k < 4; ++k)
                if (s == dirName(static_cast<Dir>(k))) { w->start_dir_ = static_cast<Dir>(k); found = true; }
        }
        if (!found) return Status::error(ErrorCode::Invalid, "world.err.maze_dir");
    }
    w->reset();
    return w;
}

const std::vector<CommandSpec>& MazeWorld::commands() const {
    static const std::vector<CommandSpec> kCommands = {
        {"forward", 0, 1},    {"turn_left", 0, 0},  {"turn_right", 0, 0}, {"collect", 0, 0},
        {"wall_ahead", 0, 0}, {"wall_left", 0, 0},  {"wall_right", 0, 0}, {"at_goal", 0, 0},
        {"on_goal", 0, 0},    {"on_item", 0, 0},    {"colour_under", 0, 0},
    };
    return kCommands;
}

void MazeWorld::reset() {
    x_ = start_x_;
    y_ = start_y_;
    dir_ = start_dir_;
    items_ = items_start_;
    keys_ = keys_start_;
    doors_open_.assign(tiles_.size(), 0);
    keys_held_ = 0;
    crashed_ = ever_crashed_ = false;
    steps_ = 0;
    trace_.clear();
    anim_left_ = anim_total_ = 0;
    from_ = to_ = MazePose{static_cast<double>(x_), static_cast<double>(y_), 90.0 * static_cast<int>(dir_)};
}

Tile MazeWorld::tile(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return Tile::Wall;
    const Tile t = tiles_[cellIndex(x, y)];
    return t == Tile::Door && doors_open_[cellIndex(x, y)] ? Tile::Floor : t;
}

bool MazeWorld::hasKey(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    return keys_[cellIndex(x, y)] != 0;
}

TileColour MazeWorld::colour(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return TileColour::None;
    return colours_[static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x)];
}

bool MazeWorld::hasItem(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return false;
    return items_[static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x)] != 0;
}

int MazeWorld::itemsLeft() const {
    return static_cast<int>(std::count(items_.begin(), items_.end(), uint8_t{1}));
}

// ============================== 2 commands ==============================

WorldReply MazeWorld::call(size_t index, const std::vector<WorldArg>& args) {
    int dx = 0, dy = 0;
    switch (index) {
        case kForward: {
            double n = 1;
            if (!args.empty()) {
                if (!detail::number(args[0], n) || n != static_cast<double>(static_cast<int64_t>(n)) || n < 1 || n > kMaxForward) {
                    WorldReply r = detail::errorReply("world.err.maze_steps", program::ExcKind::ValueError);
                    r.error.arg("max", static_cast<int64_t>(kMaxForward));
                    return r;
                }
            }
            const int cells = static_cast<int>(n);
            from_ = visualPose();
            delta(dir_, dx, dy);
            int moved = 0;
            bool locked = false;
            while (moved < cells) {
                const int nx = x_ + dx, ny = y_ + dy;
                if (tile(nx, ny) == Tile::Door && keys_held_ > 0) {
                    --keys_held_;  // the key opens the door for good
                    doors_open_[cellIndex(nx, ny)] = 1;
                }
                if (wallAt(nx, ny)) {
                    locked = tile(nx, ny) == Tile::Door;
                    break;
                }
                x_ = nx;
                y_ = ny;
                ++moved;
            }
            steps_ += moved;
            crashed_ = moved < cells;
            ever_crashed_ = ever_crashed_ || crashed_;
            trace_.push_back({"forward", x_, y_, dir_, !crashed_});
            to_ = MazePose{static_cast<double>(x_), static_cast<double>(y_), from_.angle_deg};
            if (crashed_) {
                // the pupil sees the character where it stopped, at once (no animation after a fault)
                anim_left_ = 0;
                from_ = to_;
                return detail::errorReply(locked ? "world.err.maze_door" : "world.err.maze_wall");
            }
            startAnim(kSecondsPerCell * moved);
            return {};
        }
        case kTurnLeft:
        case kTurnRight: {
            from_ = visualPose();
            dir_ = turned(dir_, index == kTurnLeft ? -1 : 1);
            crashed_ = false;
            trace_.push_back({index == kTurnLeft ? "turn_left" : "turn_right", x_, y_, dir_, true});
            to_ = MazePose{from_.x, from_.y, from_.angle_deg + (index == kTurnLeft ? -90.0 : 90.0)};
            startAnim(kSecondsPerTurn);
            return {};
        }
        case kCollect: {
            const bool item = hasItem(x_, y_), key = hasKey(x_, y_);
            trace_.push_back({"collect", x_, y_, dir_, item || key});
            if (!item && !key) return detail::errorReply("world.err.maze_no_item");
            if (item) items_[cellIndex(x_, y_)] = 0;
            if (key) {
                keys_[cellIndex(x_, y_)] = 0;
                ++keys_held_;
            }
            return {};
        }
        case kWallAhead: delta(dir_, dx, dy); return detail::boolReply(wallAt(x_ + dx, y_ + dy));
        case kWallLeft: delta(turned(dir_, -1), dx, dy); return detail::boolReply(wallAt(x_ + dx, y_ + dy));
        case kWallRight: delta(turned(dir_, 1), dx, dy); return detail::boolReply(wallAt(x_ + dx, y_ + dy));
        case kAtGoal:
        case kOnGoal: return detail::boolReply(tile(x_, y_) == Tile::Goal);
        case kOnItem: return detail::boolReply(hasItem(x_, y_) || hasKey(x_, y_));
        case kColourUnder: return detail::strReply(colourName(colour(x_, y_)));
        default: return detail::errorReply("world.err.unknown_command");
    }
}

// ============================== 3 animation ==============================

void MazeWorld::startAnim(double seconds) {
    anim_total_ = anim_left_ = seconds;
    if (seconds <= 0) from_ = to_;
}

void MazeWorld::advance(double seconds) {
    if (anim_left_ <= 0) return;
    anim_left_ -= seconds;
    if (anim_left_ <= 0) {
        anim_left_ = 0;
        // keep the angle in [0, 360) once the turn is over
        to_.angle_deg = 90.0 * static_cast<int>(dir_);
        from_ = to_;
    }
}

MazePose MazeWorld::visualPose() const {
    if (anim_left_ <= 0 || anim_total_ <= 0) return to_;
    const double t = 1.0 - anim_left_ / anim_total_;
    return MazePose{from_.x + (to_.x - from_.x) * t, from_.y + (to_.y - from_.y) * t,
                    from_.angle_deg + (to_.angle_deg - from_.angle_deg) * t};
}

// ============================== 4 goals and literals ==============================

GoalResult MazeWorld::checkGoal(std::string_view builtin, std::string_view args_json) const {
    const nlohmann::json args = detail::parseArgs(args_json);
    GoalResult g;
    auto bad = [&] {
        g.passed = false;
        g.message_key = "world.goal.bad_args";
        g.args = {{"goal", std::string(builtin)}};
        return g;
    };
    if (builtin == "reach") {
        int64_t gx = 0, gy = 0;
        const bool at_cell = args.is_object() && args.contains("x");
        if (at_cell && (!detail::intArg(args, "x", gx) || !detail::intArg(args, "y", gy))) return bad();
        g.passed = at_cell ? (x_ == gx && y_ == gy) : tile(x_, y_) == Tile::Goal;
        if (!g.passed) g.message_key = "world.goal.maze_not_reached";
        return g;
    }
    if (builtin == "collect_all") {
        const int left = itemsLeft();
        g.passed = left == 0;
        if (!g.passed) {
            g.message_key = "world.goal.maze_items_left";
            g.args = {{"n", std::to_string(left)}};
        }
        return g;
    }
    if (builtin == "max_steps" || builtin == "max_actions") {
        int64_t n = 0;
        if (!detail::intArg(args, "n", n)) return bad();
        const int64_t used = builtin == "max_steps" ? steps_ : static_cast<int64_t>(trace_.size());
        g.passed = used <= n;
        if (!g.passed) {
            g.message_key = builtin == "max_steps" ? "world.goal.maze_too_many_steps" : "world.goal.maze_too_many_actions";
            g.args = {{"n", std::to_string(n)}, {"used", std::to_string(used)}};
        }
        return g;
    }
    if (builtin == "no_crash") {
        g.passed = !ever_crashed_;
        if (!g.passed) g.message_key = "world.goal.maze_crashed";
        return g;
    }
    g.message_key = "world.goal.unknown";
    g.args = {{"goal", std::string(builtin)}};
    return g;
}

std::string MazeWorld::stateLiteral() const {
    std::string s = "{x=" + std::to_string(x_) + ",y=" + std::to_string(y_) + ",dir=" + detail::luaQuote(dirName(dir_));
    s += ",crashed=" + std::string(ever_crashed_ ? "true" : "false");
    s += ",on_goal=" + std::string(tile(x_, y_) == Tile::Goal ? "true" : "false");
    s += ",items_left=" + std::to_string(itemsLeft()) + ",keys=" + std::to_string(keys_held_);
    s += ",steps=" + std::to_string(steps_) + ",actions=" + std::to_string(trace_.size());
    s += ",colour=" + detail::luaQuote(colourName(colour(x_, y_))) + "}";
    return s;
}

std::string MazeWorld::traceLiteral() const {
    std::string s = "{";
    for (size_t i = 0; i < trace_.size(); ++i) {
        const MazeStep& t = trace_[i];
        if (i) s += ",";
        s += "{cmd=" + detail::luaQuote(t.cmd) + ",x=" + std::to_string(t.x) + ",y=" + std::to_string(t.y) +
             ",dir=" + detail::luaQuote(dirName(t.dir)) + ",ok=" + (t.ok ? "true" : "false") + "}";
    }
    return s + "}";
}

}  // namespace sandyq::worlds
