// course/literal.h — reads the data tables a pack gives to worlds and star rules.
// The scripting layer keeps a coding step's `world`, goal `args` and `stars` as Lua table
// literals written by its own serializer (numbers, "quoted" strings with \" \\ \n \ddd escapes,
// true/false, {array items, name=value, ["key"]=value, [number]=value}). The core modules that
// use them (worlds, grading) must not include Lua, so this converts such a literal to JSON text
// that they parse with nlohmann-json.
// Depends on: core/status.h only. Tables with only an array part become JSON arrays (an empty
// table is an empty object); tables with named fields become objects, their array part under
// keys "1", "2", … (Lua semantics kept). Depth and size are bounded.
// Errors: Status{Invalid, "pack.err.literal", where = byte offset}.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace sandyq::course {

// "{size={5,4},start={x=1,y=2}}" → "{\"size\":[5,4],\"start\":{\"x\":1,\"y\":2}}".
// An empty literal gives "{}".
Result<std::string> literalToJson(std::string_view literal);

// The writing side: appends `text` as a Lua string literal in exactly that subset (double quotes;
// backslash escapes for quote, backslash and newline; three-digit escapes for other control
// bytes), as the pack loader, the worlds and the step checks write their tables.
void appendLuaString(std::string& out, std::string_view text);

}  // namespace sandyq::course
