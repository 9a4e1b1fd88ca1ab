// progress/backup.cpp — backup files: writing, hostile-proof reading, merging (see backup.h).
#include "progress/backup.h"

#include <cstdio>

#include "progress/civil_time.h"
#include "progress/codec.h"
#include "progress/hash.h"

namespace sandyq::progress {
namespace {
using detail::Json;

constexpr const char* kFormat = "sandyq-backup";

Status reject(const char* key, std::string where = {}) {
    return Status::error(ErrorCode::Invalid, key, std::move(where));
}

std::string dateOf(int64_t t) {
    const detail::CivilTime c = detail::civilFromUnix(t);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
    return buf;
}

Json classJson(const Class& c) {
    return Json{{"name", c.name}, {"year", c.school_year}, {"grade", c.grade}, {"pupils", Json::array()}};
}

}  // namespace

size_t Backup::pupilCount() const {
    size_t n = 0;
    for (const BackupClass& c : classes) n += c.pupils.size();
    return n;
}

std::string writeBackup(const ProgressStore& store, const std::vector<PupilId>& pupils, int64_t now) {
    Json classes = Json::array();
    std::vector<uint32_t> class_ids;
    for (PupilId id : pupils) {
        const Pupil* p = store.findPupil(id);
        if (!p) continue;
        const Class* c = store.findClass(p->class_id);
        if (!c) continue;
        size_t idx = 0;
        while (idx < class_ids.size() && class_ids[idx] != c->id.value) ++idx;
        if (idx == class_ids.size()) {
            class_ids.push_back(c->id.value);
            classes.push_back(classJson(*c));
        }
        Json recs = Json::array();
        for (const auto& [k, r] : store.recordsOf(id)) recs.push_back(detail::recordToJson(r));
        Json jp{{"name", p->display_name}, {"records", std::move(recs)}};
        if (!p->picture_pin.empty()) jp["pin"] = detail::pinToJson(p->picture_pin);
        classes[idx]["pupils"].push_back(std::move(jp));
    }
    const std::string data = detail::dumpJson(Json{{"classes", std::move(classes)}});
    std::string out = "{\"format\":\"sandyq-backup\",\"version\":" + std::to_string(kBackupVersion) +
                      ",\"created\":" + std::to_string(now) + ",\"checksum\":\"sha256:" + sha256Hex(data) +
                      "\",\n\"data\":";
    out += data;
    out += "}\n";
    return out;
}

std::string writeClassBackup(const ProgressStore& store, ClassId class_id, int64_t now) {
    std::vector<PupilId> ids;
    for (const Pupil* p : store.pupilsOf(class_id)) ids.push_back(p->id);
    if (ids.empty() && store.findClass(class_id)) {
        // An empty class still travels (its name, year and grade).
        const Class* c = store.findClass(class_id);
        const std::string data = detail::dumpJson(Json{{"classes", Json::array({classJson(*c)})}});
        return "{\"format\":\"sandyq-backup\",\"version\":" + std::to_string(kBackupVersion) + ",\"created\":" +
               std::to_string(now) + ",\"checksum\":\"sha256:" + sha256Hex(data) + "\",\n\"data\":" + data + "}\n";
    }
    return writeBackup(store, ids, now);
}

std::string backupFileName(const ProgressStore& store, ClassId class_id, PupilId pupil, int64_t now) {
    const auto safe = [](std::string s) {
        for (char& ch : s) {
            const unsigned char c = static_cast<unsigned char>(ch);
            if (c < 0x20 || ch == '/' || ch == '\\' || ch == ':' || ch == '*' || ch == '?' || ch == '"' || ch == '<' ||
                ch == '>' || ch == '|' || ch == ' ') {
                ch = '_';
            }
        }
        return s;
    };
    const Class* c = store.findClass(class_id);
    const Pupil* p = store.findPupil(pupil);
    return "sandyq-" + safe(c ? c->name : "class") + "-" + (p ? safe(p->display_name) : std::string("class")) + "-" +
           dateOf(now) + ".json";
}

Result<Backup> readBackup(std::string_view bytes) {
    if (bytes.size() > kMaxBackupBytes) return reject("progress.backup.too_big");
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (!detail::depthWithin(bytes, kMaxBackupDepth)) return reject("progress.backup.too_deep");
    const Json doc = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return reject("progress.backup.not_json");
    std::string format, checksum;
    int64_t version = 0, created = 0;
    if (!detail::readString(doc, "format", 64, format) || format != kFormat) return reject("progress.backup.not_backup");
    if (!detail::readInt(doc, "version", 1, INT32_MAX, version)) return reject("progress.backup.bad_field", "version");
    if (version > kBackupVersion) return reject("progress.backup.newer_version");
    if (!detail::readInt(doc, "created", 0, kMaxTimestamp, created)) return reject("progress.backup.bad_field", "created");
    if (!detail::readString(doc, "checksum", 80, checksum)) return reject("progress.backup.checksum");
    const auto data = doc.find("data");
    if (data == doc.end() || !data->is_object()) return reject("progress.backup.bad_field", "data");
    if (checksum != "sha256:" + sha256Hex(detail::dumpJson(*data))) return reject("progress.backup.checksum");

    Backup b;
    b.created = created;
    const auto classes = data->find("classes");
    if (classes == data->end() || !classes->is_array()) return reject("progress.backup.bad_field", "classes");
    if (classes->size() > kMaxClasses) return reject("progress.backup.too_many", "classes");
    size_t records_total = 0;
    for (size_t ci = 0; ci < classes->size(); ++ci) {
        const Json& jc = (*classes)[ci];
        const std::string where = "classes[" + std::to_string(ci) + "]";
        BackupClass c;
        int64_t year = 0, grade = 0;
        if (!detail::readString(jc, "name", kMaxNameBytes, c.name) || !validateName(c.name).ok() ||
            !detail::readInt(jc, "year", 2000, 2100, year) || !detail::readInt(jc, "grade", 1, 11, grade)) {
            return reject("progress.backup.bad_field", where);
        }
        c.school_year = static_cast<int>(year);
        c.grade = static_cast<int>(grade);
        const auto pupils = jc.find("pupils");
        if (pupils == jc.end() || !pupils->is_array()) return reject("progress.backup.bad_field", where + ".pupils");
        if (pupils->size() > kMaxPupilsPerClass) return reject("progress.backup.too_many", where + ".pupils");
        for (size_t pi = 0; pi < pupils->size(); ++pi) {
            const Json& jp = (*pupils)[pi];
            const std::string pwhere = where + ".pupils[" + std::to_string(pi) + "]";
            BackupPupil p;
            if (!detail::readString(jp, "name", kMaxNameBytes, p.name) || !validateName(p.name).ok()) {
                return reject("progress.backup.bad_field", pwhere + ".name");
            }
            for (const BackupPupil& other : c.pupils) {
                if (nameKey(other.name) == nameKey(p.name)) return reject("progress.backup.duplicate_pupil", pwhere);
            }
            if (const auto pin = jp.find("pin"); pin != jp.end() && !detail::pinFromJson(*pin, p.picture_pin)) {
                return reject("progress.backup.bad_field", pwhere + ".pin");
            }
            const auto recs = jp.find("records");
            if (recs == jp.end() || !recs->is_array()) return reject("progress.backup.bad_field", pwhere + ".records");
            records_total += recs->size();
            if (recs->size() > kMaxRecordsPerPupil || records_total > 4 * kMaxRecordsPerPupil * 10) {
                return reject("progress.backup.too_many", pwhere + ".records");
            }
            p.records.reserve(recs->size());
            for (size_t ri = 0; ri < recs->size(); ++ri) {
                StepRecord r;
                if (!detail::recordFromJson((*recs)[ri], r)) {
                    return reject("progress.backup.bad_field", pwhere + ".records[" + std::to_string(ri) + "]");
                }
                p.records.push_back(std::move(r));
            }
            c.pupils.push_back(std::move(p));
        }
        for (const BackupClass& other : b.classes) {
            if (other.school_year == c.school_year && nameKey(other.name) == nameKey(c.name)) {
                return reject("progress.backup.duplicate_class", where);
            }
        }
        b.classes.push_back(std::move(c));
    }
    return b;
}

Result<Backup> readBackup(const FileInput& file) {
    if (file.too_big) return reject("progress.backup.too_big");
    return readBackup(file.bytes);
}

Result<MergeReport> mergeBackup(ProgressStore& store, const Backup& backup) {
    ProgressStore work = store;  // all or nothing
    MergeReport rep;
    for (const BackupClass& bc : backup.classes) {
        const Class* existing = work.findClassByName(bc.name, bc.school_year);
        ClassId cid;
        if (existing) {
            cid = existing->id;
        } else {
            Result<ClassId> added = work.addClass(bc.name, bc.school_year, bc.grade);
            if (!added.ok()) return added.status();
            cid = added.value();
            ++rep.classes_added;
        }
        for (const BackupPupil& bp : bc.pupils) {
            const Pupil* p = work.findPupilByName(cid, bp.name);
            PupilId pid;
            bool is_new = false;
            if (p) {
                pid = p->id;
            } else {
                Result<PupilId> added = work.addPupil(cid, bp.name);
                if (!added.ok()) return added.status();
                pid = added.value();
                is_new = true;
                ++rep.pupils_added;
            }
            if (!bp.picture_pin.empty() && !work.hasPicturePin(pid)) work.setPicturePinHash(pid, bp.picture_pin);
            const uint64_t rev = work.pupilRevision(pid);
            int changed = 0;
            for (const StepRecord& r : bp.records) {
                const uint64_t before = work.pupilRevision(pid);
                if (Status st = work.mergeRecord(pid, r); !st.ok()) return st;
                if (work.pupilRevision(pid) != before) ++changed;
            }
            rep.records_changed += changed;
            if (!is_new && work.pupilRevision(pid) != rev) ++rep.pupils_updated;
        }
    }
    store = std::move(work);
    return rep;
}

MultiMergeReport mergeBackupFiles(ProgressStore& store, const std::vector<FileInput>& files) {
    MultiMergeReport out;
    for (const FileInput& f : files) {
        Result<Backup> b = readBackup(f);
        if (!b.ok()) {
            Status st = b.status();
            st.detail = st.where;
            st.where = f.name;
            out.rejected.push_back(std::move(st));
            continue;
        }
        Result<MergeReport> m = mergeBackup(store, b.value());
        if (!m.ok()) {
            Status st = m.status();
            st.where = f.name;
            out.rejected.push_back(std::move(st));
            continue;
        }
        ++out.files_merged;
        out.total.classes_added += m.value().classes_added;
        out.total.pupils_added += m.value().pupils_added;
        out.total.pupils_updated += m.value().pupils_updated;
        out.total.records_changed += m.value().records_changed;
    }
    return out;
}

}  // namespace sandyq::progress
