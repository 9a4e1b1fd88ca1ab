// Mats: built-in ones load, bad descriptions are Statuses with catalogue keys, PNG pictures,
// pack world tables (Lua literals) go through course::literalToJson.
#include <cstdio>
#include <fstream>
#include <sstream>

#include "course/literal.h"
#include "robot_test_util.h"
#include "worlds/robot/mat.h"

using namespace sandyq::robot;

namespace {

uint32_t crc32(const std::string& s, size_t from) {
    uint32_t c = 0xffffffffu;
    for (size_t i = from; i < s.size(); ++i) {
        c ^= static_cast<uint8_t>(s[i]);
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
    }
    return ~c;
}

void be32(std::string& out, uint32_t v) {
    for (int i = 3; i >= 0; --i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

void chunk(std::string& png, const char* type, const std::string& data) {
    be32(png, static_cast<uint32_t>(data.size()));
    const size_t start = png.size();
    png += type;
    png += data;
    be32(png, crc32(png, start));
}

// A w x h RGB PNG (stored deflate blocks, no compression): left half black, right half white.
std::string halfBlackPng(int w, int h) {
    std::string raw;
    for (int y = 0; y < h; ++y) {
        raw += '\0';  // filter: none
        for (int x = 0; x < w; ++x) raw += std::string(3, x < w / 2 ? '\x10' : '\xff');
    }
    std::string z = "\x78\x01";
    for (size_t pos = 0; pos < raw.size();) {
        const size_t n = std::min<size_t>(65535, raw.size() - pos);
        z += static_cast<char>(pos + n == raw.size() ? 1 : 0);
        z += static_cast<char>(n & 0xff);
        z += static_cast<char>(n >> 8);
        z += static_cast<char>(~n & 0xff);
        z += static_cast<char>((~n >> 8) & 0xff);
        z += raw.substr(pos, n);
        pos += n;
    }
    uint32_t a = 1, b = 0;
    for (unsigned char c : raw) {
        a = (a + c) % 65521;
        b = (b + a) % 65521;
    }
    be32(z, (b << 16) | a);
    std::string png = "\x89PNG\r\n\x1a\n";
    std::string ihdr;
    be32(ihdr, w);
    be32(ihdr, h);
    ihdr += std::string("\x08\x02\x00\x00\x00", 5);
    chunk(png, "IHDR", ihdr);
    chunk(png, "IDAT", z);
    chunk(png, "IEND", "");
    return png;
}

std::string readFile(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("robot.mat: every built-in mat loads with its goals, the robot starts free") {
    REQUIRE(builtinMatNames().size() >= 6);
    for (const std::string& name : builtinMatNames()) {
        CAPTURE(name);
        auto r = createRobotWorld("{\"mat\":\"" + name + "\"}");
        REQUIRE(r.ok());
        const Mat& m = r.value()->mat();
        CHECK(m.name == name);
        CHECK(m.px_w == static_cast<int>(m.width_cm * m.scale));
        CHECK(m.rgba.size() == static_cast<size_t>(m.px_w) * m.px_h * 4);
        CHECK_FALSE(m.goals.empty());
    }
    // Fields next to "mat" replace the built-in ones.
    auto r = createRobotWorld(R"({"mat": "stop_wall", "start": {"x": 60, "y": 40, "heading": 0}, "max_seconds": 10})");
    REQUIRE(r.ok());
    CHECK(r.value()->pose().x == 60);
    CHECK(r.value()->mat().max_seconds == 10);
}

TEST_CASE("robot.mat: a bad description is a Status with a catalogue key and the field") {
    struct Case {
        const char* json;
        const char* key;
        const char* where;
    };
    const Case cases[] = {
        {"not json", "robot.mat.err.json", ""},
        {"[1,2]", "robot.mat.err.json", ""},
        {R"({"mat": "moon"})", "robot.mat.err.unknown_mat", "mat"},
        {R"({"walls": []})", "robot.mat.err.size", "size"},
        {R"({"size": [5, 100]})", "robot.mat.err.size", "size"},
        {R"({"size": [100, 100], "scale": 100})", "robot.mat.err.field", "scale"},
        {R"({"size": [1000, 1000], "scale": 8})", "robot.mat.err.too_big", "scale"},
        {R"({"size": [100, 100], "walls": [{"rect": [1, 2, 3, 4]}, {"rect": [1, 2]}]})", "robot.mat.err.shape", "walls[1]"},
        {R"({"size": [100, 100], "walls": [{"circle": [1, 2, -3]}]})", "robot.mat.err.shape", "walls[0]"},
        {R"({"size": [100, 100], "paint": [{"line": [[0, 0]]}]})", "robot.mat.err.shape", "paint[0]"},
        {R"({"size": [100, 100], "paint": [{"rect": [0, 0, 5, 5], "color": "purple"}]})", "robot.mat.err.color", "paint[0]"},
        {R"({"size": [100, 100], "zones": [{"rect": [0, 0, 5, 5]}]})", "robot.mat.err.zone_id", "zones[0]"},
        {R"({"size": [100, 100], "zones": [{"id": "a", "kind": "lava", "rect": [0, 0, 5, 5]}]})", "robot.mat.err.zone_kind", "zones[0]"},
        {R"({"size": [100, 100], "zones": [{"id": "a", "rect": [0, 0, 5, 5]}, {"id": "a", "circle": [9, 9, 1]}]})", "robot.mat.err.zone_twice", "zones[1]"},
        {R"({"size": [100, 100], "start": {"x": 500}})", "robot.mat.err.start", "start"},
        {R"({"size": [100, 100], "start": {"x": 50, "y": 50}, "walls": [{"circle": [55, 50, 3]}]})", "robot.mat.err.start", "start"},
        {R"({"size": [100, 100], "robot": {"wheel_radius": 0}})", "robot.mat.err.robot", "robot"},
        {R"({"size": [100, 100], "border": "lava"})", "robot.mat.err.field", "border"},
        {R"({"size": [100, 100], "goals": [{"args": {}}]})", "robot.mat.err.goal", "goals[0]"},
    };
    const std::string catalogue = readFile(std::string(SANDYQ_SOURCE_DIR) + "/assets/i18n/en/robot.json");
    for (const Case& c : cases) {
        CAPTURE(c.json);
        auto r = createRobotWorld(c.json);
        REQUIRE_FALSE(r.ok());
        CHECK(r.status().message_key == c.key);
        CHECK(r.status().where == c.where);
        CHECK(catalogue.find(std::string("\"") + c.key + "\"") != std::string::npos);
    }
    auto pic = createRobotWorld(R"({"size": [100, 100]})", "not a png");
    REQUIRE_FALSE(pic.ok());
    CHECK(pic.status().message_key == "robot.mat.err.picture");
}

TEST_CASE("robot.mat: a PNG picture is the mat the colour sensor reads") {
    const std::string png = halfBlackPng(200, 100);
    auto r = createRobotWorld(R"({"size": [100, 50], "start": {"x": 10, "y": 25, "heading": 0}})", png);
    REQUIRE(r.ok());
    RobotWorld& w = *r.value();
    CHECK(w.mat().scale == doctest::Approx(2));
    CHECK(w.mat().height_cm == doctest::Approx(50));
    CHECK(robot_test::call(w, Command::Color).value.text == "black");
    robot_test::call(w, Command::Forward, {60});
    CHECK(robot_test::call(w, Command::Color).value.text == "white");
}

TEST_CASE("robot.mat: a pack's world table (Lua literal) becomes a world") {
    auto json = sandyq::course::literalToJson(
        "{kind=\"robot\",size={120,80,},start={x=20,y=40,heading=0,},"
        "walls={{rect={100,0,5,80,},},},zones={{id=\"goal\",kind=\"goal\",rect={80,20,20,40,},color=\"green\",},},}");
    REQUIRE(json.ok());
    auto r = createRobotWorld(json.value());
    REQUIRE(r.ok());
    CHECK(r.value()->mat().walls.size() == 5);  // the wall and the 4 sides of the edge fence
    CHECK(r.value()->mat().zone("goal") != nullptr);
}

TEST_CASE("robot.mat: named colours the sensor reports") {
    Rgb c;
    for (const char* name : {"black", "white", "red", "green", "blue", "yellow"}) {
        REQUIRE(parseColorName(name, c));
        CHECK(std::string(classifyColor(c)) == name);
    }
    CHECK(std::string(classifyColor({128, 128, 128})) == "white");
    CHECK(std::string(classifyColor({60, 60, 60})) == "black");
    CHECK(reflectedLight({255, 255, 255}) == 100);
    CHECK(reflectedLight({0, 0, 0}) == 0);
    CHECK(parseColorName("#ff8000", c));
    CHECK(c.g == 0x80);
    CHECK_FALSE(parseColorName("#ff80", c));
}

TEST_CASE("robot.mat: damaged descriptions never crash: a Status or a usable mat") {
    size_t failed = 0, loaded = 0;
    for (const std::string& name : builtinMatNames()) {
        const std::string text = builtinMatJson(name);
        // Every prefix (cut anywhere) and every single-byte change to a digit/brace/quote.
        for (size_t cut = 0; cut < text.size(); cut += 3) {
            auto r = createRobotWorld(text.substr(0, cut));
            (r.ok() ? loaded : failed) += 1;
        }
        for (size_t pos = 0; pos < text.size(); pos += 5) {
            for (char c : {'9', '-', '}', '"', '0'}) {
                std::string bad = text;
                bad[pos] = c;
                auto r = createRobotWorld(bad);
                if (!r.ok()) {
                    CHECK(r.status().message_key.rfind("robot.mat.err.", 0) == 0);
                    ++failed;
                    continue;
                }
                ++loaded;
                // A mat that loads can be driven on.
                robot_test::call(*r.value(), Command::Motors, {100, 90, 0.2});
                CHECK(r.value()->time() <= 0.2 + 1e-9);
            }
        }
    }
    CHECK(failed > 0);
    CHECK(loaded > 0);
}

TEST_CASE("robot.mat: a mat built in code works like one from JSON") {
    Mat m = blankMat(200, 80);
    addBorder(m, Border::Wall);
    addWall(m, Shape::rect(170, 0, 6, 80));
    Rgb yellow;
    REQUIRE(parseColorName("yellow", yellow));
    Zone z;
    z.id = "near_wall";
    z.kind = "goal";
    z.shape = Shape::rect(150, 0, 20, 80);
    addZone(m, z, &yellow);
    Track line;
    line.points = {{20, 40}, {140, 40}};
    paintLine(m, line, {16, 16, 16});
    m.start = {30, 40, 0};
    auto made = createRobotWorld(m);
    REQUIRE(made.ok());
    RobotWorld& w = *made.value();
    auto r = robot_test::run(w, "robot.motors(40, 40)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()\nprint(robot.color())\n");
    CHECK(r.output == "yellow\n");
    CHECK(w.checkGoal("stop_near_wall", R"({"max_cm": 5})").passed);
    CHECK(w.checkGoal("reach_zone", R"({"zone": "near_wall"})").passed);
    CHECK(w.checkGoal("follow_line", R"({"min_share": 0.8})").passed);
    // The same mat as JSON gives the same run.
    auto j = createRobotWorld(R"({"size": [200, 80], "border": "wall", "walls": [{"rect": [170, 0, 6, 80]}],
        "zones": [{"id": "near_wall", "kind": "goal", "rect": [150, 0, 20, 80], "color": "yellow"}],
        "paint": [{"line": [[20, 40], [140, 40]]}], "start": {"x": 30, "y": 40, "heading": 0}})");
    REQUIRE(j.ok());
    robot_test::run(*j.value(), "robot.motors(40, 40)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()\nprint(robot.color())\n");
    CHECK(j.value()->traceHash() == w.traceHash());
    CHECK(j.value()->mat().rgba == w.mat().rgba);
    // A robot placed in the wall is refused.
    Mat bad = blankMat(100, 100);
    addWall(bad, Shape::circle(50, 50, 5));
    CHECK(createRobotWorld(bad).status().message_key == "robot.mat.err.start");
}
