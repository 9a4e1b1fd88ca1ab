// course/validate.h — structural checks of a loaded pack that need no scripting: ids,
// objective codes, quiz answers, languages of every text, referenced files, reachability.
// Depends on: course/pack.h, course/problem.h, course/pack_source.h. Pure; several validations
// may run at once. Errors: appended to a Problems list, never returned as Status.
// Checks that need other modules (decoding pictures, running reference solutions and goals in
// the worlds) plug in through StepChecker, so the validator grows as those modules land.
#pragma once

#include <string_view>

#include "course/pack.h"
#include "course/pack_source.h"
#include "course/problem.h"

namespace sandyq::course {

// "3.2.1.1": 2 to 5 dot-separated numbers without leading zeros, first 1..11.
bool isValidObjectiveCode(std::string_view code);
// Pack ids: 3..64 of [a-z0-9._-], starting with a letter. Step/lesson ids: 1..64 of [A-Za-z0-9_-].
bool isValidPackId(std::string_view id);
bool isValidItemId(std::string_view id);
bool isValidVersion(std::string_view version);  // "1.0" or "1.0.3"
bool isValidSectionCode(std::string_view code);   // "3.2": 1 to 3 numbers, first 1..11

// Both kk and ru present in every text that a pupil sees; `what` names the field in problems.
void checkText(const LocalizedText& text, const SourcePos& pos, std::string_view what, bool required,
               Problems& out, const PackSource& source);

// Optional plug-in per coding step (reference solution passes, empty program fails, ...).
class StepChecker {
public:
    virtual ~StepChecker() = default;
    virtual void checkStep(const Lesson& lesson, const Step& step, Problems& out) = 0;
};

// Everything checkable on the data alone. `checker` may be null.
void validatePack(const Pack& pack, const PackSource& source, Problems& out, StepChecker* checker = nullptr);

}  // namespace sandyq::course
