// worlds/factory.cpp — see factory.h.
#include "worlds/factory.h"

#include <nlohmann/json.hpp>

#include "worlds/maze.h"
#include "worlds/turtle.h"

namespace sandyq::worlds {

std::string worldKind(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return {};
    return j["kind"].get<std::string>();
}

Result<std::unique_ptr<World>> createWorld(std::string_view json) {
    const nlohmann::json j = nlohmann::json::parse(json.begin(), json.end(), nullptr, false);
    if (!j.is_object()) return Status::error(ErrorCode::Invalid, "world.err.json");
    const std::string kind = worldKind(json);
    if (kind == "maze") {
        auto m = createMaze(json);
        if (!m.ok()) return m.status();
        return std::unique_ptr<World>(std::move(m.value()));
    }
    if (kind == "turtle") {
        auto t = createTurtle(json);
        if (!t.ok()) return t.status();
        return std::unique_ptr<World>(std::move(t.value()));
    }
    if (kind == "robot")
        return Status::error(ErrorCode::NotFound, "world.err.kind_elsewhere", {}, "robot::createRobotWorld");
    return Status::error(ErrorCode::Invalid, "world.err.kind", {}, kind);
}

}  // namespace sandyq::worlds
