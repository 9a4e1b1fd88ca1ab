// worlds/samples.cpp — see samples.h.
#include "worlds/samples.h"

namespace sandyq::worlds {

const std::vector<SampleWorld>& sampleWorlds() {
    static const std::vector<SampleWorld> kSamples = {
        {"maze.corridor", R"({"kind":"maze","map":["#######","#S...G#","#######"],"dir":"east"})", "reach",
         "forward(4)\n"},
        {"maze.turn", R"({"kind":"maze","map":["#####","#S..#","###.#","###G#","#####"],"dir":"east"})", "reach",
         "forward(2)\nturn_right()\nforward(2)\n"},
        {"maze.stairs",
         R"({"kind":"maze","map":["#######","#S.####","##..###","###..##","####.G#","#######"],"dir":"east"})", "reach",
         "for i in range(3):\n    forward(1)\n    turn_right()\n    forward(1)\n    turn_left()\nforward(1)\n"},
        {"maze.items", R"({"kind":"maze","map":["#######","#S*.*G#","#######"],"dir":"east"})", "reach,collect_all",
         "while not at_goal():\n    forward(1)\n    if on_item():\n        collect()\n"},
        {"maze.follow_wall",
         R"({"kind":"maze","map":["#########","#S..#...#","##.##.#.#","#..#..#.#","#.##.##.#","#....#G.#","#########"],"dir":"east"})",
         "reach",
         "while not at_goal():\n    if not wall_right():\n        turn_right()\n        forward(1)\n    elif not wall_ahead():\n        forward(1)\n    else:\n        turn_left()\n"},
        {"turtle.square", R"({"kind":"turtle","target":[[0,0,100,0],[100,0,100,100],[100,100,0,100],[0,100,0,0]]})",
         "shape_equals,closed", "for i in range(4):\n    forward(100)\n    left(90)\n"},
        {"turtle.triangle", R"({"kind":"turtle","target":[[0,0,100,0],[100,0,50,86.6025],[50,86.6025,0,0]]})",
         "shape_equals,closed", "for i in range(3):\n    forward(100)\n    left(120)\n"},
        {"turtle.star",
         R"({"kind":"turtle","target":[[0,0,100,0],[100,0,19.0983,-58.7785],[19.0983,-58.7785,50,36.3271],[50,36.3271,80.9017,-58.7785],[80.9017,-58.7785,0,0]]})",
         "shape_equals,closed", "for i in range(5):\n    forward(100)\n    right(144)\n"},
        {"turtle.free", R"({"kind":"turtle"})", "", "pen_colour('blue')\nfor i in range(6):\n    forward(60)\n    left(60)\n"},
    };
    return kSamples;
}

}  // namespace sandyq::worlds
