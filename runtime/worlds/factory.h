// worlds/factory.h — makes a World from a coding step's world table (as JSON text, see
// course::literalToJson), dispatching on its "kind".
// Depends on: worlds/world.h, core/status.h. Core layer.
// Ownership: the caller owns the returned World.
// Errors: Status{Invalid, "world.err.json"} for text that is not a JSON object,
// {Invalid, "world.err.kind"} for a missing or unknown kind, and each world's own set-up errors
// (e.g. "world.err.maze_no_start"). The robot simulation lives in its own library
// (worlds/robot, robot::createRobotWorld); createWorld answers "robot" with
// {NotFound, "world.err.kind_elsewhere"} so the integration code (scripting) dispatches it there.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "worlds/world.h"

namespace sandyq::worlds {

// The "kind" field of a world table ("" when absent or not a string; never fails).
std::string worldKind(std::string_view json);

// {"kind":"maze",...} or {"kind":"turtle",...}.
Result<std::unique_ptr<World>> createWorld(std::string_view json);

}  // namespace sandyq::worlds
