// worlds/maze.h — the grid/maze world of block lessons (like Blockly Games Maze, Code.org):
// a character on a tile map with walls, goal tiles, items to collect and coloured floor tiles.
// Depends on: worlds/world.h, core/status.h. Core layer (no SDL, ImGui, Emscripten or Lua);
// the UI draws it from the accessors below (tiles, items, visualPose()).
// Ownership: a MazeWorld owns its map, character and trace. No globals.
// Errors: a bad set-up table is a Status from createMaze ("world.err.maze_*", where = "row:col"
// for a bad character); a pupil's mistake (walking into a wall, collecting where nothing lies, a
// bad argument) is a WorldReply Diagnostic ("world.err.maze_wall", …) and the character stays.
//
// Set-up JSON: {"kind":"maze", "map":["#####","#S.*G#"], "dir":"east"}
//   '#' wall, '.' floor, 'S' start (exactly one), 'G' goal (one or more), '*' an item on floor,
//   'r' 'g' 'b' 'y' floor of colour red / green / blue / yellow, ' ' outside (a wall),
//   'K' a key on floor (collect() picks it up), 'D' a locked door: walking into it with a key
//   opens it for good (the key is used up); without a key it is a wall ("world.err.maze_door").
//   Rows may differ in length (missing cells are walls); at most kMaxSide × kMaxSide cells.
//   "dir": "north" | "east" | "south" | "west" (default east). x grows to the right (column),
//   y grows downwards (row), both from 0.
// Commands (index order): forward(n=1), turn_left(), turn_right(), collect(), wall_ahead(),
//   wall_left(), wall_right(), at_goal(), on_goal() (same as at_goal), on_item(), colour_under()
//   ("red" | "green" | "blue" | "yellow" | "none").
// Goals (checkGoal): "reach" (on a goal tile, or at {"x","y"} when given), "collect_all",
//   "max_steps" {"n"} (cells walked), "max_actions" {"n"} (moves, turns, collects),
//   "no_crash" (never walked into a wall).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "worlds/world.h"

namespace sandyq::worlds {

enum class Dir : uint8_t { North = 0, East, South, West };
enum class Tile : uint8_t { Wall = 0, Floor, Goal, Door };  // Door: still locked
enum class TileColour : uint8_t { None = 0, Red, Green, Blue, Yellow };

const char* dirName(Dir d);
const char* colourName(TileColour c);

// One action of the pupil's program, for replay and Lua goals.
struct MazeStep {
    std::string cmd;   // "forward", "turn_left", "turn_right", "collect"
    int x = 0, y = 0;  // position after the action
    Dir dir = Dir::East;
    bool ok = true;    // false: this action hit a wall / found nothing
};

// Where to draw the character: cell coordinates (fractional while moving) and the heading in
// degrees clockwise from north (0 north, 90 east, …; fractional while turning).
struct MazePose {
    double x = 0, y = 0;
    double angle_deg = 90;
};

class MazeWorld final : public World {
public:
    static constexpr int kMaxSide = 32;
    static constexpr double kSecondsPerCell = 0.3;
    static constexpr double kSecondsPerTurn = 0.2;

    std::string_view kind() const override { return "maze"; }
    const std::vector<CommandSpec>& commands() const override;
    program::WorldReply call(size_t index, const std::vector<program::WorldArg>& args) override;
    bool busy() const override { return anim_left_ > 0; }
    void advance(double seconds) override;
    void reset() override;
    GoalResult checkGoal(std::string_view builtin, std::string_view args_json) const override;
    std::string stateLiteral() const override;
    std::string traceLiteral() const override;

    // ---- state for rendering and tests ----
    int width() const { return width_; }
    int height() const { return height_; }
    Tile tile(int x, int y) const;                 // Wall outside the map
    TileColour colour(int x, int y) const;
    bool hasItem(int x, int y) const;              // an item not yet collected
    bool hasKey(int x, int y) const;               // a key not yet picked up
    int keysHeld() const { return keys_held_; }
    int x() const { return x_; }
    int y() const { return y_; }
    Dir dir() const { return dir_; }
    bool crashed() const { return crashed_; }      // the last move hit a wall
    int itemsLeft() const;
    int stepsWalked() const { return steps_; }     // cells moved in total
    const std::vector<MazeStep>& trace() const { return trace_; }
    MazePose visualPose() const;                   // interpolated while busy()

private:
    friend Result<std::unique_ptr<MazeWorld>> createMaze(std::string_view json);
    bool wallAt(int x, int y) const { const Tile t = tile(x, y); return t == Tile::Wall || t == Tile::Door; }
    size_t cellIndex(int x, int y) const { return static_cast<size_t>(y) * static_cast<size_t>(width_) + static_cast<size_t>(x); }
    void startAnim(double seconds);

    int width_ = 0, height_ = 0;
    std::vector<Tile> tiles_;
    std::vector<TileColour> colours_;
    std::vector<uint8_t> items_start_, items_;
    std::vector<uint8_t> keys_start_, keys_;
    std::vector<uint8_t> doors_open_;          // per cell: a door opened during this run
    int keys_held_ = 0;
    int start_x_ = 0, start_y_ = 0;
    Dir start_dir_ = Dir::East;

    int x_ = 0, y_ = 0;
    Dir dir_ = Dir::East;
    bool crashed_ = false, ever_crashed_ = false;
    int steps_ = 0;
    std::vector<MazeStep> trace_;
    MazePose from_, to_;
    double anim_left_ = 0, anim_total_ = 0;
};

// Parses a maze set-up table (JSON text). See the header comment for the format.
Result<std::unique_ptr<MazeWorld>> createMaze(std::string_view json);

}  // namespace sandyq::worlds
