// progress/store.cpp — the in-memory progress model (see store.h).
#include "progress/store.h"

#include <algorithm>

#include "core/utf8.h"
#include "progress/hash.h"

namespace sandyq::progress {
namespace {

Status invalid(const char* key, std::string where = {}) {
    return Status::error(ErrorCode::Invalid, key, std::move(where));
}
Status notFoundClass() { return Status::error(ErrorCode::NotFound, "progress.err.no_such_class"); }
Status notFoundPupil() { return Status::error(ErrorCode::NotFound, "progress.err.no_such_pupil"); }

bool isSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0xA0 || c == 0x202F || c == 0x2007; }

bool hasControl(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        const text::Decoded d = text::decodeUtf8(s, i);
        if (d.cp < 0x20 || d.cp == 0x7F || (d.cp >= 0x80 && d.cp < 0xA0) || d.cp == 0x2028 || d.cp == 0x2029) {
            return true;
        }
        i += d.length;
    }
    return false;
}

int64_t addSat(int64_t a, int64_t b, int64_t cap) { return std::min(cap, std::max<int64_t>(0, a) + std::max<int64_t>(0, b)); }

}  // namespace

std::string normalizeName(std::string_view name) {
    std::string out;
    bool pending_space = false;
    for (size_t i = 0; i < name.size();) {
        const text::Decoded d = text::decodeUtf8(name, i);
        const std::string_view bytes = name.substr(i, d.length);
        i += d.length;
        if (isSpace(d.cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.append(bytes);
    }
    return out;
}

std::string nameKey(std::string_view name) { return text::toLower(normalizeName(name)); }

Status validateName(std::string_view name) {
    if (name.empty()) return invalid("progress.err.name_empty");
    if (name.size() > kMaxNameBytes) return invalid("progress.err.name_too_long");
    if (!text::isValidUtf8(name) || hasControl(name)) return invalid("progress.err.name_bad_chars");
    if (normalizeName(name) != name) return invalid("progress.err.name_bad_chars");
    return Status::success();
}

Status validateStepKey(const StepKey& key) {
    for (const std::string* s : {&key.pack_id, &key.lesson_id, &key.step_id}) {
        if (s->empty() || s->size() > kMaxIdBytes || !text::isValidUtf8(*s) || hasControl(*s)) {
            return invalid("progress.err.bad_step_id", *s);
        }
    }
    return Status::success();
}

Status validateRecord(const StepRecord& r) {
    if (Status st = validateStepKey(r.step); !st.ok()) return st;
    const bool ok = (r.status == StepStatus::None || r.status == StepStatus::Tried || r.status == StepStatus::Passed) &&
                    r.max_points >= 0 && r.max_points <= kMaxPoints && r.points >= 0 && r.points <= r.max_points &&
                    r.stars >= 0 && r.stars <= kMaxStars && r.attempts >= 0 && r.time_on_task_s >= 0 &&
                    r.time_on_task_s <= kMaxTimeOnTask && r.first_time >= 0 && r.first_time <= kMaxTimestamp &&
                    r.last_time >= 0 && r.last_time <= kMaxTimestamp && r.first_time <= r.last_time &&
                    (r.program_kind == ProgramKind::None || r.program_kind == ProgramKind::Blocks ||
                     r.program_kind == ProgramKind::Text) &&
                    r.last_program.size() <= kMaxProgramBytes && text::isValidUtf8(r.last_program);
    return ok ? Status::success() : invalid("progress.err.bad_record", r.step.step_id);
}

Status validateClassFields(int school_year, int grade) {
    if (school_year < 2000 || school_year > 2100) return invalid("progress.err.bad_year");
    if (grade < 1 || grade > 11) return invalid("progress.err.bad_grade");
    return Status::success();
}

StepRecord mergeRecords(const StepRecord& mine, const StepRecord& theirs) {
    StepRecord out = mine;
    out.status = std::max(mine.status, theirs.status);
    out.max_points = std::max(mine.max_points, theirs.max_points);
    out.points = std::min(out.max_points, std::max(mine.points, theirs.points));
    out.stars = std::max(mine.stars, theirs.stars);
    const bool same_history = mine.first_time != 0 && mine.first_time == theirs.first_time;
    if (same_history) {
        out.attempts = std::max(mine.attempts, theirs.attempts);
        out.time_on_task_s = std::max(mine.time_on_task_s, theirs.time_on_task_s);
    } else {
        out.attempts = static_cast<int32_t>(addSat(mine.attempts, theirs.attempts, INT32_MAX));
        out.time_on_task_s = addSat(mine.time_on_task_s, theirs.time_on_task_s, kMaxTimeOnTask);
    }
    if (mine.first_time == 0) out.first_time = theirs.first_time;
    else if (theirs.first_time != 0) out.first_time = std::min(mine.first_time, theirs.first_time);
    out.last_time = std::max(mine.last_time, theirs.last_time);
    if (theirs.last_time > mine.last_time) {
        out.last_program = theirs.last_program;
        out.program_kind = theirs.program_kind;
    }
    return out;
}

// ---- classes -------------------------------------------------------------------------------------

Class* ProgressStore::classById(ClassId id) {
    for (Class& c : classes_) if (c.id == id && id.value != 0) return &c;
    return nullptr;
}
const Class* ProgressStore::findClass(ClassId id) const { return const_cast<ProgressStore*>(this)->classById(id); }

const Class* ProgressStore::findClassByName(std::string_view name, int school_year) const {
    const std::string key = nameKey(name);
    for (const Class& c : classes_) if (c.school_year == school_year && nameKey(c.name) == key) return &c;
    return nullptr;
}

Result<ClassId> ProgressStore::addClass(std::string_view name, int school_year, int grade) {
    Class c;
    c.id = ClassId{next_class_id_};
    c.name = normalizeName(name);
    c.school_year = school_year;
    c.grade = grade;
    if (Status st = insertClass(c); !st.ok()) return st;
    return c.id;
}

Status ProgressStore::insertClass(const Class& c) {
    if (c.id.value == 0 || findClass(c.id)) return invalid("progress.err.bad_id");
    if (Status st = validateName(c.name); !st.ok()) return st;
    if (Status st = validateClassFields(c.school_year, c.grade); !st.ok()) return st;
    if (findClassByName(c.name, c.school_year)) return invalid("progress.err.class_exists", c.name);
    if (classes_.size() >= kMaxClasses) return Status::error(ErrorCode::Limit, "progress.err.too_many_classes");
    classes_.push_back(c);
    next_class_id_ = std::max(next_class_id_, c.id.value + 1);
    ++roster_rev_;
    return Status::success();
}

Status ProgressStore::editClass(ClassId id, std::string_view name, int school_year, int grade) {
    Class* c = classById(id);
    if (!c) return notFoundClass();
    const std::string n = normalizeName(name);
    if (Status st = validateName(n); !st.ok()) return st;
    if (Status st = validateClassFields(school_year, grade); !st.ok()) return st;
    const Class* other = findClassByName(n, school_year);
    if (other && !(other->id == id)) return invalid("progress.err.class_exists", n);
    c->name = n;
    c->school_year = school_year;
    c->grade = grade;
    ++roster_rev_;
    for (const Pupil& p : pupils_) if (p.class_id == id) touch(p.id);  // pupil files carry the class
    return Status::success();
}

Status ProgressStore::removeClass(ClassId id) {
    if (!classById(id)) return notFoundClass();
    for (const Pupil* p : pupilsOf(id)) data_.erase(p->id.value);
    pupils_.erase(std::remove_if(pupils_.begin(), pupils_.end(), [&](const Pupil& p) { return p.class_id == id; }),
                  pupils_.end());
    classes_.erase(std::remove_if(classes_.begin(), classes_.end(), [&](const Class& c) { return c.id == id; }),
                   classes_.end());
    ++roster_rev_;
    return Status::success();
}

// ---- pupils --------------------------------------------------------------------------------------

Pupil* ProgressStore::pupilById(PupilId id) {
    for (Pupil& p : pupils_) if (p.id == id && id.value != 0) return &p;
    return nullptr;
}
const Pupil* ProgressStore::findPupil(PupilId id) const { return const_cast<ProgressStore*>(this)->pupilById(id); }

ProgressStore::PupilData* ProgressStore::dataOf(PupilId id) {
    const auto it = data_.find(id.value);
    return it == data_.end() ? nullptr : &it->second;
}

void ProgressStore::touch(PupilId id) {
    if (PupilData* d = dataOf(id)) ++d->rev;
}

const Pupil* ProgressStore::findPupilByName(ClassId class_id, std::string_view display_name) const {
    const std::string key = nameKey(display_name);
    for (const Pupil& p : pupils_) if (p.class_id == class_id && nameKey(p.display_name) == key) return &p;
    return nullptr;
}

std::vector<const Pupil*> ProgressStore::pupilsOf(ClassId class_id) const {
    std::vector<const Pupil*> out;
    for (const Pupil& p : pupils_) if (p.class_id == class_id) out.push_back(&p);
    return out;
}

Result<PupilId> ProgressStore::addPupil(ClassId class_id, std::string_view display_name) {
    Pupil p;
    p.id = PupilId{next_pupil_id_};
    p.class_id = class_id;
    p.display_name = normalizeName(display_name);
    if (Status st = insertPupil(p); !st.ok()) return st;
    return p.id;
}

Status ProgressStore::insertPupil(const Pupil& p) {
    if (p.id.value == 0 || findPupil(p.id)) return invalid("progress.err.bad_id");
    if (!findClass(p.class_id)) return notFoundClass();
    if (Status st = validateName(p.display_name); !st.ok()) return st;
    if (findPupilByName(p.class_id, p.display_name)) return invalid("progress.err.pupil_exists", p.display_name);
    if (pupilsOf(p.class_id).size() >= kMaxPupilsPerClass) {
        return Status::error(ErrorCode::Limit, "progress.err.too_many_pupils");
    }
    pupils_.push_back(p);
    data_[p.id.value];
    next_pupil_id_ = std::max(next_pupil_id_, p.id.value + 1);
    ++roster_rev_;
    return Status::success();
}

Status ProgressStore::renamePupil(PupilId id, std::string_view display_name) {
    Pupil* p = pupilById(id);
    if (!p) return notFoundPupil();
    const std::string n = normalizeName(display_name);
    if (Status st = validateName(n); !st.ok()) return st;
    const Pupil* other = findPupilByName(p->class_id, n);
    if (other && !(other->id == id)) return invalid("progress.err.pupil_exists", n);
    p->display_name = n;
    ++roster_rev_;
    touch(id);
    return Status::success();
}

Status ProgressStore::movePupil(PupilId id, ClassId to) {
    Pupil* p = pupilById(id);
    if (!p) return notFoundPupil();
    if (!findClass(to)) return notFoundClass();
    if (p->class_id == to) return Status::success();
    if (findPupilByName(to, p->display_name)) return invalid("progress.err.pupil_exists", p->display_name);
    if (pupilsOf(to).size() >= kMaxPupilsPerClass) return Status::error(ErrorCode::Limit, "progress.err.too_many_pupils");
    p->class_id = to;
    ++roster_rev_;
    touch(id);
    return Status::success();
}

Status ProgressStore::removePupil(PupilId id) {
    if (!pupilById(id)) return notFoundPupil();
    data_.erase(id.value);
    pupils_.erase(std::remove_if(pupils_.begin(), pupils_.end(), [&](const Pupil& p) { return p.id == id; }),
                  pupils_.end());
    ++roster_rev_;
    return Status::success();
}

Status ProgressStore::eraseProgress(PupilId id) {
    PupilData* d = dataOf(id);
    if (!d) return notFoundPupil();
    d->records.clear();
    ++d->rev;
    return Status::success();
}

Status ProgressStore::setPicturePin(PupilId id, const std::vector<uint8_t>& pictures, std::string_view salt) {
    Pupil* p = pupilById(id);
    if (!p) return notFoundPupil();
    if (pictures.size() < 3 || pictures.size() > 4) return invalid("progress.err.picture_pin");
    for (uint8_t v : pictures) if (v >= kPictureCount) return invalid("progress.err.picture_pin");
    if (salt.empty()) return invalid("progress.err.no_salt");
    p->picture_pin = hashPin(picturePinText(pictures), salt);
    ++roster_rev_;
    return Status::success();
}

void ProgressStore::setPicturePinHash(PupilId id, const PinHash& h) {
    if (Pupil* p = pupilById(id)) {
        p->picture_pin = h;
        ++roster_rev_;
    }
}

Status ProgressStore::clearPicturePin(PupilId id) {
    Pupil* p = pupilById(id);
    if (!p) return notFoundPupil();
    p->picture_pin = {};
    ++roster_rev_;
    return Status::success();
}

bool ProgressStore::hasPicturePin(PupilId id) const {
    const Pupil* p = findPupil(id);
    return p && !p->picture_pin.empty();
}

bool ProgressStore::checkPicturePin(PupilId id, const std::vector<uint8_t>& pictures) const {
    const Pupil* p = findPupil(id);
    if (!p) return false;
    if (p->picture_pin.empty()) return true;
    return checkPin(p->picture_pin, picturePinText(pictures));
}

Status ProgressStore::setTeacherPin(std::string_view pin, std::string_view salt) {
    if (pin.size() < 4 || pin.size() > 8) return invalid("progress.err.teacher_pin");
    for (char c : pin) if (c < '0' || c > '9') return invalid("progress.err.teacher_pin");
    if (salt.empty()) return invalid("progress.err.no_salt");
    teacher_pin_ = hashPin(pin, salt);
    ++roster_rev_;
    return Status::success();
}

bool ProgressStore::checkTeacherPin(std::string_view pin) const { return checkPin(teacher_pin_, pin); }

// ---- progress ------------------------------------------------------------------------------------

Status ProgressStore::recordStep(PupilId pupil, const StepKey& step, const StepAttempt& a, int64_t now) {
    PupilData* d = dataOf(pupil);
    if (!d) return notFoundPupil();
    if (Status st = validateStepKey(step); !st.ok()) return st;
    if (a.max_points < 0 || a.max_points > kMaxPoints || a.points < 0 || a.points > a.max_points || a.stars < 0 ||
        a.stars > kMaxStars || a.time_on_task_s < 0 || a.time_on_task_s > kMaxTimeOnTask || now <= 0 ||
        now > kMaxTimestamp || a.program.size() > kMaxProgramBytes || !text::isValidUtf8(a.program)) {
        return invalid("progress.err.bad_attempt", step.step_id);
    }
    const auto it = d->records.find(step);
    if (it == d->records.end() && d->records.size() >= kMaxRecordsPerPupil) {
        return Status::error(ErrorCode::Limit, "progress.err.too_many_records");
    }
    StepRecord& r = d->records[step];
    r.step = step;
    r.status = std::max(r.status, a.passed ? StepStatus::Passed : StepStatus::Tried);
    r.max_points = std::max(r.max_points, a.max_points);
    r.points = std::max(r.points, a.points);
    r.stars = std::max(r.stars, a.stars);
    if (r.attempts < INT32_MAX) ++r.attempts;
    r.time_on_task_s = addSat(r.time_on_task_s, a.time_on_task_s, kMaxTimeOnTask);
    if (r.first_time == 0 || now < r.first_time) r.first_time = now;
    r.last_time = std::max(r.last_time, now);
    if (!a.program.empty() || a.program_kind != ProgramKind::None) {
        r.last_program = a.program;
        r.program_kind = a.program_kind;
    }
    ++d->rev;
    return Status::success();
}

Status ProgressStore::putRecord(PupilId pupil, const StepRecord& r) {
    PupilData* d = dataOf(pupil);
    if (!d) return notFoundPupil();
    if (Status st = validateRecord(r); !st.ok()) return st;
    if (!d->records.count(r.step) && d->records.size() >= kMaxRecordsPerPupil) {
        return Status::error(ErrorCode::Limit, "progress.err.too_many_records");
    }
    d->records[r.step] = r;
    ++d->rev;
    return Status::success();
}

Status ProgressStore::mergeRecord(PupilId pupil, const StepRecord& r) {
    PupilData* d = dataOf(pupil);
    if (!d) return notFoundPupil();
    if (Status st = validateRecord(r); !st.ok()) return st;
    const auto it = d->records.find(r.step);
    if (it == d->records.end()) return putRecord(pupil, r);
    const StepRecord merged = mergeRecords(it->second, r);
    if (merged == it->second) return Status::success();
    it->second = merged;
    ++d->rev;
    return Status::success();
}

const StepRecord* ProgressStore::findRecord(PupilId pupil, const StepKey& step) const {
    const auto d = data_.find(pupil.value);
    if (d == data_.end()) return nullptr;
    const auto it = d->second.records.find(step);
    return it == d->second.records.end() ? nullptr : &it->second;
}

const std::map<StepKey, StepRecord>& ProgressStore::recordsOf(PupilId pupil) const {
    static const std::map<StepKey, StepRecord> kNone;
    const auto d = data_.find(pupil.value);
    return d == data_.end() ? kNone : d->second.records;
}

const StepRecord* ProgressStore::lastActivity(PupilId pupil) const {
    const StepRecord* best = nullptr;
    for (const auto& [k, r] : recordsOf(pupil)) if (!best || r.last_time > best->last_time) best = &r;
    return best;
}

LessonSummary ProgressStore::lessonSummary(PupilId pupil, std::string_view pack_id, std::string_view lesson_id) const {
    LessonSummary s;
    const auto& recs = recordsOf(pupil);
    for (auto it = recs.lower_bound(StepKey{std::string(pack_id), std::string(lesson_id), {}});
         it != recs.end() && it->first.pack_id == pack_id && it->first.lesson_id == lesson_id; ++it) {
        const StepRecord& r = it->second;
        if (r.status >= StepStatus::Tried) ++s.steps_tried;
        if (r.status == StepStatus::Passed) ++s.steps_passed;
        s.points += r.points;
        s.max_points += r.max_points;
        s.stars += r.stars;
        s.last_time = std::max(s.last_time, r.last_time);
    }
    return s;
}

PackSummary ProgressStore::packSummary(PupilId pupil, std::string_view pack_id) const {
    PackSummary s;
    const auto& recs = recordsOf(pupil);
    const std::string* last_lesson = nullptr;
    for (auto it = recs.lower_bound(StepKey{std::string(pack_id), {}, {}});
         it != recs.end() && it->first.pack_id == pack_id; ++it) {
        const StepRecord& r = it->second;
        if (!last_lesson || *last_lesson != r.step.lesson_id) {
            ++s.lessons_started;
            last_lesson = &it->first.lesson_id;
        }
        if (r.status >= StepStatus::Tried) ++s.steps_tried;
        if (r.status == StepStatus::Passed) ++s.steps_passed;
        s.points += r.points;
        s.max_points += r.max_points;
        s.stars += r.stars;
        s.last_time = std::max(s.last_time, r.last_time);
    }
    return s;
}

uint64_t ProgressStore::pupilRevision(PupilId id) const {
    const auto d = data_.find(id.value);
    return d == data_.end() ? 0 : d->second.rev;
}

void ProgressStore::reserveIds(uint32_t next_class, uint32_t next_pupil) {
    next_class_id_ = std::max(next_class_id_, next_class);
    next_pupil_id_ = std::max(next_pupil_id_, next_pupil);
}

}  // namespace sandyq::progress
