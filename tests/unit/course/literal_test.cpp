// Lua table literals from the pack loader's serializer, read as JSON by the worlds.
#include <doctest/doctest.h>

#include "course/literal.h"

using sandyq::course::literalToJson;

TEST_CASE("literalToJson converts the serializer's tables") {
    CHECK(literalToJson("").value() == "{}");
    CHECK(literalToJson("{}").value() == "{}");
    CHECK(literalToJson("{1,2,3,}").value() == "[1,2,3]");
    CHECK(literalToJson("{size={5,4,},start={x=1,y=2,},}").value() ==
          R"({"size":[5,4],"start":{"x":1,"y":2}})");
    CHECK(literalToJson(R"({["a b"]="x\"y\\z\n",ok=true,no=false,})").value() ==
          R"({"a b":"x\"y\\z\n","ok":true,"no":false})");
    CHECK(literalToJson("{0.5,-2,1e3,}").value() == "[0.5,-2,1000.0]");
    // A Cyrillic string passes through unchanged; control bytes are escaped for JSON.
    CHECK(literalToJson("{\"Әлем\\001\",}").value() == "[\"Әлем\\u0001\"]");
    // Mixed array part and fields keep Lua's numbering.
    CHECK(literalToJson("{\"a\",kind=\"maze\",}").value() == R"({"1":"a","kind":"maze"})");
    CHECK(literalToJson("{[1.5]=true,}").value() == R"({"1.5":true})");
    CHECK(literalToJson("{true,false,}").value() == "[true,false]");
}

TEST_CASE("literalToJson rejects what it cannot read, with a catalogue key") {
    for (const char* bad : {"{", "{1,", "{x=}", "\"open", "{1}}", "os.execute()", "{inf}", "{\"\\999\"}", "{[1=2}"}) {
        CAPTURE(bad);
        auto r = literalToJson(bad);
        REQUIRE_FALSE(r.ok());
        CHECK(r.status().message_key == "pack.err.literal");
    }
    std::string deep(100, '{');
    deep += std::string(100, '}');
    CHECK_FALSE(literalToJson(deep).ok());
}
