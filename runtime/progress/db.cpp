// progress/db.cpp — durable progress (see db.h).
// Sections: encoding (roster, pupil files) · reading slots · open (v2, recovery) · v1 migration · save.
#include "progress/db.h"

#include <algorithm>
#include <set>

#include "progress/codec.h"
#include "progress/hash.h"

namespace sandyq::progress {
namespace {
using detail::Json;

constexpr const char* kRosterFormat = "sandyq-progress-roster";
constexpr const char* kPupilFormat = "sandyq-progress-pupil";
constexpr const char* kV2Dir = "progress/v2";
constexpr const char* kV1MainKey = "progress/progress.json";
constexpr const char* kV1LastGoodKey = "progress/progress.last_good.json";

Status note(const char* key, std::string where) { return Status::error(ErrorCode::Corrupt, key, std::move(where)); }

// ---- encoding ------------------------------------------------------------------------------------

Json encodeRoster(const ProgressStore& s) {
    Json classes = Json::array(), pupils = Json::array();
    for (const Class& c : s.classes()) {
        classes.push_back(Json{{"id", c.id.value}, {"name", c.name}, {"year", c.school_year}, {"grade", c.grade}});
    }
    for (const Pupil& p : s.pupils()) {
        Json jp{{"id", p.id.value}, {"class", p.class_id.value}, {"name", p.display_name}};
        if (!p.picture_pin.empty()) jp["pin"] = detail::pinToJson(p.picture_pin);
        pupils.push_back(std::move(jp));
    }
    Json data{{"next_class", s.nextClassId()}, {"next_pupil", s.nextPupilId()}, {"classes", classes}, {"pupils", pupils}};
    if (s.hasTeacherPin()) data["teacher_pin"] = detail::pinToJson(s.teacherPinHash());
    return data;
}

bool decodeRoster(const Json& data, ProgressStore& out) {
    ProgressStore s;
    int64_t next_class = 0, next_pupil = 0;
    if (!detail::readInt(data, "next_class", 1, UINT32_MAX, next_class) ||
        !detail::readInt(data, "next_pupil", 1, UINT32_MAX, next_pupil)) {
        return false;
    }
    const auto classes = data.find("classes");
    const auto pupils = data.find("pupils");
    if (classes == data.end() || !classes->is_array() || pupils == data.end() || !pupils->is_array()) return false;
    for (const Json& jc : *classes) {
        Class c;
        int64_t id = 0, year = 0, grade = 0;
        if (!detail::readInt(jc, "id", 1, UINT32_MAX, id) || !detail::readString(jc, "name", kMaxNameBytes, c.name) ||
            !detail::readInt(jc, "year", 0, 10000, year) || !detail::readInt(jc, "grade", 0, 100, grade)) {
            return false;
        }
        c.id = ClassId{static_cast<uint32_t>(id)};
        c.school_year = static_cast<int>(year);
        c.grade = static_cast<int>(grade);
        if (!s.insertClass(c).ok()) return false;
    }
    for (const Json& jp : *pupils) {
        Pupil p;
        int64_t id = 0, cls = 0;
        if (!detail::readInt(jp, "id", 1, UINT32_MAX, id) || !detail::readInt(jp, "class", 1, UINT32_MAX, cls) ||
            !detail::readString(jp, "name", kMaxNameBytes, p.display_name)) {
            return false;
        }
        if (const auto pin = jp.find("pin"); pin != jp.end() && !detail::pinFromJson(*pin, p.picture_pin)) return false;
        p.id = PupilId{static_cast<uint32_t>(id)};
        p.class_id = ClassId{static_cast<uint32_t>(cls)};
        if (!s.insertPupil(p).ok()) return false;
    }
    if (const auto pin = data.find("teacher_pin"); pin != data.end()) {
        PinHash h;
        if (!detail::pinFromJson(*pin, h)) return false;
        s.setTeacherPinHash(h);
    }
    s.reserveIds(static_cast<uint32_t>(next_class), static_cast<uint32_t>(next_pupil));
    out = std::move(s);
    return true;
}

Json encodePupil(const ProgressStore& s, const Pupil& p) {
    const Class* c = s.findClass(p.class_id);
    Json recs = Json::array();
    for (const auto& [k, r] : s.recordsOf(p.id)) recs.push_back(detail::recordToJson(r));
    return Json{{"id", p.id.value},
                {"name", p.display_name},
                {"class", Json{{"name", c ? c->name : ""}, {"year", c ? c->school_year : 0}, {"grade", c ? c->grade : 0}}},
                {"records", std::move(recs)}};
}

struct PupilFile {
    uint32_t id = 0;
    std::string name, class_name;
    int year = 0, grade = 0;
    std::vector<StepRecord> records;
};

bool decodePupil(const Json& data, PupilFile& out) {
    PupilFile f;
    int64_t id = 0, year = 0, grade = 0;
    if (!detail::readInt(data, "id", 1, UINT32_MAX, id) || !detail::readString(data, "name", kMaxNameBytes, f.name)) {
        return false;
    }
    const auto cls = data.find("class");
    if (cls == data.end() || !detail::readString(*cls, "name", kMaxNameBytes, f.class_name) ||
        !detail::readInt(*cls, "year", 0, 10000, year) || !detail::readInt(*cls, "grade", 0, 100, grade)) {
        return false;
    }
    const auto recs = data.find("records");
    if (recs == data.end() || !recs->is_array() || recs->size() > kMaxRecordsPerPupil) return false;
    f.records.reserve(recs->size());
    for (const Json& jr : *recs) {
        StepRecord r;
        if (!detail::recordFromJson(jr, r)) return false;
        f.records.push_back(std::move(r));
    }
    f.id = static_cast<uint32_t>(id);
    f.year = static_cast<int>(year);
    f.grade = static_cast<int>(grade);
    out = std::move(f);
    return true;
}

// ---- reading slots -------------------------------------------------------------------------------

struct Slots {
    std::vector<detail::Unwrapped> valid;  // newest first
    bool any_file = false;                 // at least one slot exists
    bool damaged = false;                  // a slot exists but is unreadable or corrupt
    bool newer = false;                    // a slot was written by a newer Sandyq
    Status read_error;                     // storage failed (not NotFound)
    std::vector<std::pair<std::string, std::string>> broken;  // key → bytes of damaged slots
};

// Reads both slots and decodes the newest valid one first (by the unverified header generation);
// the older slot is parsed only when the newer one is damaged, so a normal open parses each file once.
template <class Decode>
Slots readSlots(core::Storage& storage, const std::string& a_key, const std::string& b_key, const char* format,
                Decode&& decode) {
    Slots s;
    struct Raw {
        const std::string* key;
        std::string bytes;
        uint64_t gen;
    };
    std::vector<Raw> raws;
    for (const std::string* key : {&a_key, &b_key}) {
        Result<std::string> raw = storage.read(*key);
        if (!raw.ok()) {
            if (raw.status().code != ErrorCode::NotFound) {
                s.any_file = true;
                s.damaged = true;
                s.read_error = raw.status();
            }
            continue;
        }
        s.any_file = true;
        const uint64_t gen = detail::peekGeneration(raw.value());
        raws.push_back(Raw{key, std::move(raw.value()), gen});
    }
    std::sort(raws.begin(), raws.end(), [](const Raw& x, const Raw& y) { return x.gen > y.gen; });
    for (Raw& r : raws) {
        Result<detail::Unwrapped> doc = detail::unwrapDocument(r.bytes, format, kSchemaVersion);
        if (doc.ok() && decode(doc.value())) {
            s.valid.push_back(std::move(doc.value()));
            break;  // the newest good copy; an older one is not needed
        }
        if (!doc.ok() && doc.status().message_key == "progress.err.newer_version") s.newer = true;
        s.damaged = true;
        s.broken.emplace_back(*r.key, std::move(r.bytes));
    }
    return s;
}

void keepBroken(core::Storage& storage, const Slots& s) {
    for (const auto& [key, bytes] : s.broken) {
        const std::string name = key.substr(key.rfind('/') + 1);
        (void)storage.writeAtomic(std::string("progress/broken/") + name, bytes);  // best effort, for IT staff
    }
}

}  // namespace

std::string ProgressDb::rosterKey(char slot) { return std::string(kV2Dir) + "/roster." + slot + ".json"; }
std::string ProgressDb::pupilKey(PupilId id, char slot) {
    return std::string(kV2Dir) + "/pupil-" + std::to_string(id.value) + "." + slot + ".json";
}

// ---- open ----------------------------------------------------------------------------------------

OpenReport ProgressDb::open() {
    store_ = ProgressStore{};
    roster_ = {};
    pupils_.clear();
    read_only_ = false;
    Result<std::vector<std::string>> keys = storage_.list("progress");
    if (!keys.ok()) {
        read_only_ = true;
        return OpenReport{LoadOutcome::Failed, 0, {}, keys.status()};
    }
    const auto has = [&](const std::string& k) {
        return std::binary_search(keys.value().begin(), keys.value().end(), k);
    };
    if (has(rosterKey('a')) || has(rosterKey('b'))) return openV2(keys.value());
    if (has(kV1MainKey) || has(kV1LastGoodKey)) return migrateV1();
    // Pupil files without any roster: the roster was lost; openV2 rebuilds it from them.
    for (const std::string& k : keys.value()) {
        if (k.rfind(std::string(kV2Dir) + "/pupil-", 0) == 0) return openV2(keys.value());
    }
    return OpenReport{LoadOutcome::Empty, 0, {}, Status::success()};
}

OpenReport ProgressDb::openV2(const std::vector<std::string>& keys) {
    OpenReport rep;
    rep.from_version = kSchemaVersion;
    rep.outcome = LoadOutcome::Loaded;
    const auto fail = [&](Status st) {
        read_only_ = true;
        store_ = ProgressStore{};
        return OpenReport{LoadOutcome::Failed, rep.from_version, {}, std::move(st)};
    };

    // Roster: the newest slot that decodes.
    ProgressStore decoded;
    Slots rs = readSlots(storage_, rosterKey('a'), rosterKey('b'), kRosterFormat,
                         [&](const detail::Unwrapped& u) { return decodeRoster(u.data, decoded); });
    if (rs.newer) return fail(Status::error(ErrorCode::Invalid, "progress.err.newer_version", rosterKey('a')));
    if (!rs.read_error.ok() && rs.valid.empty()) return fail(rs.read_error);
    const bool roster_ok = !rs.valid.empty();
    const bool roster_latest = roster_ok && !rs.damaged;
    if (roster_ok) {
        store_ = std::move(decoded);
        roster_.gen = rs.valid[0].gen;
        roster_.saved_rev = roster_latest ? store_.rosterRevision() : 0;
    }
    if (!roster_latest && rs.any_file) {
        keepBroken(storage_, rs);
        rep.notes.push_back(note(roster_ok ? "progress.recovered.roster" : "progress.lost.roster", {}));
        rep.outcome = LoadOutcome::Recovered;
        if (!roster_ok) roster_.gen = std::max<uint64_t>(roster_.gen, 1);
    }

    // Pupil files: every pupil of the roster, plus files of pupils the roster does not know.
    std::set<uint32_t> file_ids;
    const std::string prefix = std::string(kV2Dir) + "/pupil-";
    for (const std::string& k : keys) {
        if (k.rfind(prefix, 0) != 0) continue;
        const std::string rest = k.substr(prefix.size());
        const size_t dot = rest.find('.');
        uint64_t id = 0;
        bool digits = dot != std::string::npos && dot > 0 && dot < 10;
        for (size_t i = 0; digits && i < dot; ++i) {
            if (rest[i] < '0' || rest[i] > '9') digits = false;
            else id = id * 10 + uint64_t(rest[i] - '0');
        }
        if (digits && id > 0 && id <= UINT32_MAX) file_ids.insert(static_cast<uint32_t>(id));
    }
    for (const Pupil& p : store_.pupils()) file_ids.insert(p.id.value);

    for (uint32_t id : file_ids) {
        const PupilId pid{id};
        PupilFile file;
        Slots ps = readSlots(storage_, pupilKey(pid, 'a'), pupilKey(pid, 'b'), kPupilFormat,
                             [&](const detail::Unwrapped& u) { return decodePupil(u.data, file) && file.id == id; });
        if (ps.newer) return fail(Status::error(ErrorCode::Invalid, "progress.err.newer_version", pupilKey(pid, 'a')));
        const Pupil* known = store_.findPupil(pid);
        const bool ok = !ps.valid.empty();
        const bool latest = ok && !ps.damaged;
        DocState st;
        if (ok) st.gen = ps.valid[0].gen;
        if (!known) {
            if (roster_latest) {
                // Left over from a removal whose file deletion was interrupted.
                (void)storage_.remove(pupilKey(pid, 'a'));
                (void)storage_.remove(pupilKey(pid, 'b'));
                continue;
            }
            if (!ok) continue;
            // The roster was recovered from an older copy (or lost): bring the pupil back.
            const Class* c = store_.findClassByName(file.class_name, file.year);
            ClassId cid = c ? c->id : ClassId{};
            if (!c) {
                Class nc;
                nc.id = ClassId{store_.nextClassId()};
                nc.name = file.class_name;
                nc.school_year = file.year;
                nc.grade = file.grade;
                if (!store_.insertClass(nc).ok()) {
                    rep.notes.push_back(note("progress.lost.pupil", file.name));
                    rep.outcome = LoadOutcome::Damaged;
                    continue;
                }
                cid = nc.id;
            }
            Pupil np;
            np.id = pid;
            np.class_id = cid;
            np.display_name = file.name;
            if (!store_.insertPupil(np).ok()) {
                rep.notes.push_back(note("progress.lost.pupil", file.name));
                rep.outcome = LoadOutcome::Damaged;
                continue;
            }
            rep.notes.push_back(note("progress.recovered.pupil_readded", file.name));
            known = store_.findPupil(pid);
        }
        if (ok) {
            for (const StepRecord& r : file.records) (void)store_.putRecord(pid, r);
        }
        st.saved_rev = ok && latest ? store_.pupilRevision(pid) : 0;
        if (!ok && ps.any_file) st.gen = 1;
        pupils_[id] = st;
        if (!latest && ps.any_file) {
            keepBroken(storage_, ps);
            rep.notes.push_back(note(ok ? "progress.recovered.pupil" : "progress.lost.pupil", known->display_name));
            if (!ok) rep.outcome = LoadOutcome::Damaged;
            else if (rep.outcome == LoadOutcome::Loaded) rep.outcome = LoadOutcome::Recovered;
        }
    }
    if (!roster_ok && rep.outcome != LoadOutcome::Damaged) {
        rep.outcome = store_.pupils().empty() ? LoadOutcome::Damaged : LoadOutcome::Recovered;
    }
    rep.status = Status::success();
    return rep;
}

// ---- v1 migration --------------------------------------------------------------------------------

namespace {

// Version 1: one document {"format":"sandyq-progress","version":1, "teacher_pin_sha256"?, "classes":
// [{"id","name","school_year","grade"}], "pupils":[{"id","class_id","display_name","picture_pin":[…]}],
// "records":[{"pupil","pack","lesson","step","status":"none|tried|passed","points","max_points",
// "stars","attempts","time_s","first","last","program"}]} without a checksum.
bool decodeV1(std::string_view bytes, ProgressStore& out) {
    const Json doc = detail::parseJson(bytes);
    std::string format;
    int64_t version = 0;
    if (doc.is_discarded() || !detail::readString(doc, "format", 64, format) || format != "sandyq-progress" ||
        !detail::readInt(doc, "version", 1, 1, version)) {
        return false;
    }
    ProgressStore s;
    const auto classes = doc.find("classes"), pupils = doc.find("pupils"), records = doc.find("records");
    if (classes == doc.end() || !classes->is_array() || pupils == doc.end() || !pupils->is_array() ||
        records == doc.end() || !records->is_array()) {
        return false;
    }
    for (const Json& jc : *classes) {
        Class c;
        int64_t id = 0, year = 0, grade = 0;
        if (!detail::readInt(jc, "id", 1, UINT32_MAX, id) || !detail::readString(jc, "name", kMaxNameBytes, c.name) ||
            !detail::readInt(jc, "school_year", 0, 10000, year) || !detail::readInt(jc, "grade", 0, 100, grade)) {
            return false;
        }
        c.id = ClassId{static_cast<uint32_t>(id)};
        c.school_year = static_cast<int>(year);
        c.grade = static_cast<int>(grade);
        if (!s.insertClass(c).ok()) return false;
    }
    for (const Json& jp : *pupils) {
        Pupil p;
        int64_t id = 0, cls = 0;
        if (!detail::readInt(jp, "id", 1, UINT32_MAX, id) || !detail::readInt(jp, "class_id", 1, UINT32_MAX, cls) ||
            !detail::readString(jp, "display_name", kMaxNameBytes, p.display_name)) {
            return false;
        }
        p.id = PupilId{static_cast<uint32_t>(id)};
        p.class_id = ClassId{static_cast<uint32_t>(cls)};
        if (!s.insertPupil(p).ok()) return false;
        // v1 kept picture PINs in plain text; v2 keeps only a salted hash.
        if (const auto pin = jp.find("picture_pin"); pin != jp.end() && pin->is_array() && !pin->empty()) {
            std::vector<uint8_t> pictures;
            for (const Json& v : *pin) {
                if (!v.is_number_unsigned() || v.get<uint64_t>() >= static_cast<uint64_t>(kPictureCount)) return false;
                pictures.push_back(static_cast<uint8_t>(v.get<uint64_t>()));
            }
            const auto salt = sha256("sandyq-v1-pin:" + std::to_string(id) + ":" + std::string(bytes.substr(0, 4096)));
            if (!s.setPicturePin(p.id, pictures, std::string_view(reinterpret_cast<const char*>(salt.data()), 16)).ok()) {
                return false;
            }
        }
    }
    std::string teacher;
    if (!detail::readString(doc, "teacher_pin_sha256", 64, teacher, true)) return false;
    if (!teacher.empty()) {
        // v1 stored sha256(pin) without salt: that is hashPin(pin, "", 1), so the PIN keeps working.
        PinHash h;
        h.hash_hex = teacher;
        h.iterations = 1;
        if (teacher.size() != 64) return false;
        s.setTeacherPinHash(h);
    }
    for (const Json& jr : *records) {
        StepRecord r;
        int64_t pupil = 0, points = 0, max_points = 0, stars = 0, attempts = 0, time_s = 0, first = 0, last = 0;
        std::string status;
        if (!detail::readInt(jr, "pupil", 1, UINT32_MAX, pupil) ||
            !detail::readString(jr, "pack", kMaxIdBytes, r.step.pack_id) ||
            !detail::readString(jr, "lesson", kMaxIdBytes, r.step.lesson_id) ||
            !detail::readString(jr, "step", kMaxIdBytes, r.step.step_id) ||
            !detail::readString(jr, "status", 16, status) || !detail::readInt(jr, "points", 0, kMaxPoints, points) ||
            !detail::readInt(jr, "max_points", 0, kMaxPoints, max_points) ||
            !detail::readInt(jr, "stars", 0, kMaxStars, stars) || !detail::readInt(jr, "attempts", 0, INT32_MAX, attempts) ||
            !detail::readInt(jr, "time_s", 0, kMaxTimeOnTask, time_s) ||
            !detail::readInt(jr, "first", 0, kMaxTimestamp, first) || !detail::readInt(jr, "last", 0, kMaxTimestamp, last) ||
            !detail::readString(jr, "program", kMaxProgramBytes, r.last_program, true)) {
            return false;
        }
        if (status == "none") r.status = StepStatus::None;
        else if (status == "tried") r.status = StepStatus::Tried;
        else if (status == "passed") r.status = StepStatus::Passed;
        else return false;
        r.points = static_cast<int32_t>(points);
        r.max_points = static_cast<int32_t>(max_points);
        r.stars = static_cast<int>(stars);
        r.attempts = static_cast<int32_t>(attempts);
        r.time_on_task_s = time_s;
        r.first_time = first;
        r.last_time = last;
        // v1 did not record the notation; a program starting with '<' or '{' was serialised blocks.
        if (!r.last_program.empty()) {
            r.program_kind = (r.last_program[0] == '{' || r.last_program[0] == '<') ? ProgramKind::Blocks : ProgramKind::Text;
        }
        if (!s.putRecord(PupilId{static_cast<uint32_t>(pupil)}, r).ok()) return false;
    }
    out = std::move(s);
    return true;
}

}  // namespace

OpenReport ProgressDb::migrateV1() {
    OpenReport rep;
    rep.from_version = 1;
    rep.outcome = LoadOutcome::Migrated;
    bool ok = false;
    for (const char* key : {kV1MainKey, kV1LastGoodKey}) {
        Result<std::string> raw = storage_.read(key);
        if (!raw.ok()) continue;
        if (decodeV1(raw.value(), store_)) {
            ok = true;
            if (key == kV1LastGoodKey) {
                rep.notes.push_back(note("progress.recovered.all", {}));
                rep.outcome = LoadOutcome::Recovered;
            }
            break;
        }
        (void)storage_.writeAtomic(std::string("progress/broken/v1-") + (key == kV1MainKey ? "main" : "last_good") + ".json",
                                   raw.value());
    }
    if (!ok) {
        store_ = ProgressStore{};
        rep.notes.push_back(note("progress.lost.all", {}));
        rep.outcome = LoadOutcome::Damaged;
    }
    // Write v2 (the roster last decides that the migration is done), then drop the v1 files.
    Status st = save();
    if (!st.ok()) {
        rep.status = st;  // v1 files stay; the migration runs again next time
        return rep;
    }
    (void)storage_.remove(kV1MainKey);
    (void)storage_.remove(kV1LastGoodKey);
    rep.status = Status::success();
    return rep;
}

// ---- save ----------------------------------------------------------------------------------------

Status ProgressDb::writeDoc(const std::string& base, DocState& st, uint64_t rev, const std::string& data_text,
                            const char* format) {
    const uint64_t gen = st.gen + 1;
    const char slot = gen % 2 == 0 ? 'a' : 'b';
    Status s = storage_.writeAtomic(base + slot + ".json", detail::wrapDocument(format, kSchemaVersion, gen, data_text));
    if (!s.ok()) return s;
    st.gen = gen;
    st.saved_rev = rev;
    ++last_save_files_;
    return Status::success();
}

bool ProgressDb::dirty() const {
    if (store_.rosterRevision() != roster_.saved_rev) return true;
    for (const Pupil& p : store_.pupils()) {
        const auto it = pupils_.find(p.id.value);
        if (it == pupils_.end() || it->second.saved_rev != store_.pupilRevision(p.id)) return true;
    }
    for (const auto& [id, st] : pupils_) if (!store_.findPupil(PupilId{id})) return true;
    return false;
}

Status ProgressDb::save() {
    last_save_files_ = 0;
    if (read_only_) return Status::error(ErrorCode::Invalid, "progress.err.read_only");
    const bool roster_changed = store_.rosterRevision() != roster_.saved_rev;
    // New pupils must be in the roster before their files exist (open() deletes unknown files).
    if (roster_changed) {
        const std::string base = std::string(kV2Dir) + "/roster.";
        if (Status st = writeDoc(base, roster_, store_.rosterRevision(), detail::dumpJson(encodeRoster(store_)), kRosterFormat);
            !st.ok()) {
            return st;
        }
    }
    for (const Pupil& p : store_.pupils()) {
        DocState& st = pupils_[p.id.value];
        const uint64_t rev = store_.pupilRevision(p.id);
        if (st.saved_rev == rev) continue;
        const std::string base = std::string(kV2Dir) + "/pupil-" + std::to_string(p.id.value) + ".";
        if (Status s = writeDoc(base, st, rev, detail::dumpJson(encodePupil(store_, p)), kPupilFormat); !s.ok()) return s;
    }
    for (auto it = pupils_.begin(); it != pupils_.end();) {
        if (store_.findPupil(PupilId{it->first})) {
            ++it;
            continue;
        }
        Status a = storage_.remove(pupilKey(PupilId{it->first}, 'a'));
        Status b = storage_.remove(pupilKey(PupilId{it->first}, 'b'));
        if (!a.ok()) return a;
        if (!b.ok()) return b;
        it = pupils_.erase(it);
    }
    return Status::success();
}

}  // namespace sandyq::progress
