// scripting/pack_api.cpp — Lua bindings of the lesson-pack API.
#include "scripting/pack_api.h"

#include <lua.hpp>

#include <cstring>

namespace sandyq::scripting {

namespace {

// Pushes "file:line" of the pack code calling the binding.
void pushCallerPos(lua_State* L) {
    lua_Debug ar;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.source && ar.source[0] == '@') {
        lua_pushfstring(L, "%s:%d", ar.source + 1, ar.currentline);
    } else {
        lua_pushliteral(L, "");
    }
}

// Checks that argument 1 is a table, tags it {__kind, __pos} and returns it.
int tagTable(lua_State* L, const char* kind) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushliteral(L, "__kind");
    lua_pushstring(L, kind);
    lua_rawset(L, 1);
    lua_pushliteral(L, "__pos");
    pushCallerPos(L);
    lua_rawset(L, 1);
    return 1;
}

int appendToRegistry(lua_State* L, const char* list) {
    lua_getfield(L, LUA_REGISTRYINDEX, list);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, static_cast<lua_Integer>(lua_rawlen(L, -2)) + 1);
    lua_pop(L, 1);
    return 1;
}

int bindPack(lua_State* L) {
    tagTable(L, "pack");
    return appendToRegistry(L, kPacksRegistry);
}

int bindLesson(lua_State* L) {
    tagTable(L, "lesson");
    return appendToRegistry(L, kLessonsRegistry);
}

int bindTheory(lua_State* L) { return tagTable(L, "theory"); }
int bindQuiz(lua_State* L) { return tagTable(L, "quiz"); }
int bindBlocks(lua_State* L) { return tagTable(L, "blocks"); }
int bindPython(lua_State* L) { return tagTable(L, "python"); }
int bindRobot(lua_State* L) { return tagTable(L, "robot"); }

// picture "assets/x.png" or picture{ file=, caption=, alt= }
int bindPicture(lua_State* L) {
    if (lua_type(L, 1) == LUA_TSTRING) {
        lua_settop(L, 1);
        lua_createtable(L, 0, 3);
        lua_pushvalue(L, 1);
        lua_setfield(L, -2, "file");
        lua_replace(L, 1);
    }
    return tagTable(L, "picture");
}

struct Binding {
    ApiFunction api;
    lua_CFunction fn;
};

constexpr Binding kBindings[] = {
    {{"pack", "pack{ id=, version=, grade=, title={kk=,ru=}, author=, licence=, section=, objectives={...}, lessons={...} }",
      "pack.api.pack"}, bindPack},
    {{"lesson", "lesson{ id=, title={kk=,ru=}, objectives={...}, minutes=, steps={...} }", "pack.api.lesson"}, bindLesson},
    {{"theory", "theory{ id=, title=, body={ {kk=,ru=}, picture\"assets/x.png\", ... } }", "pack.api.theory"}, bindTheory},
    {{"picture", "picture{ file=, caption={kk=,ru=}, alt={kk=,ru=} }", "pack.api.picture"}, bindPicture},
    {{"quiz", "quiz{ id=, kind=\"single\"|\"multiple\"|\"truefalse\"|\"order\"|\"match\"|\"text\", question=, options=|answer=|items=|pairs=, points=, explain= }",
      "pack.api.quiz"}, bindQuiz},
    {{"blocks", "blocks{ id=, task=, world={...}, allowed={...}, goals={...}, hints={...}, stars={...}, solution= }", "pack.api.blocks"}, bindBlocks},
    {{"python", "python{ id=, task=, world={...}, allowed={...}, goals={...}, hints={...}, stars={...}, solution= }", "pack.api.python"}, bindPython},
    {{"robot", "robot{ id=, task=, world={...}, editor=\"blocks\"|\"python\", allowed={...}, goals={...}, hints={...}, stars={...}, solution= }", "pack.api.robot"}, bindRobot},
};

constexpr ApiFunction kApi[] = {
    kBindings[0].api, kBindings[1].api, kBindings[2].api, kBindings[3].api,
    kBindings[4].api, kBindings[5].api, kBindings[6].api, kBindings[7].api,
};
static_assert(std::size(kApi) == std::size(kBindings));

int bindInstall(lua_State* L) {
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, kPacksRegistry);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, kLessonsRegistry);
    lua_pushglobaltable(L);
    for (const Binding& b : kBindings) {
        lua_pushcfunction(L, b.fn);
        lua_setfield(L, -2, b.api.name);
    }
    return 0;
}

}  // namespace

std::span<const ApiFunction> packApi() { return kApi; }

Status installPackApi(Sandbox& sandbox) {
    lua_State* L = sandbox.state();
    lua_pushcfunction(L, bindInstall);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_pop(L, 1);
        return Status::error(ErrorCode::Limit, "pack.err.memory", sandbox.displayPrefix());
    }
    return Status::success();
}

}  // namespace sandyq::scripting
