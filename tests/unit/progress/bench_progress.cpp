// Progress benchmark (issue 7 budgets): save time after one step with 40 pupils × 100 lessons of
// history (≤ 20 ms in wasm), and the export of that class (≤ 200 ms). Built natively and for wasm
// (run under node); tools/bench_progress.py runs both and prints the table for docs/benchmarks.md.
// usage: sandyq_progress_bench [DIR]   (DIR: also measure saving to real files there, natively)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/storage.h"
#include "progress/backup.h"
#include "progress/db.h"
#include "progress/export.h"
#ifndef __EMSCRIPTEN__
#include "platform/file_storage.h"
#endif
#ifdef SANDYQ_HAVE_XLSX
#include "progress/xlsx_export.h"
#endif

using namespace sandyq;
using namespace sandyq::progress;

namespace {

using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr int kPupils = 40, kLessons = 100, kSteps = 5;

std::vector<LessonInfo> lessons() {
    std::vector<LessonInfo> out;
    for (int l = 0; l < kLessons; ++l) {
        LessonInfo li;
        li.pack_id = "g" + std::to_string(1 + l / 25) + "-pack";
        li.lesson_id = "lesson-" + std::to_string(l);
        li.title_kk = "Сабақ " + std::to_string(l + 1);
        li.title_ru = "Урок " + std::to_string(l + 1);
        li.objective_code = "3.2." + std::to_string(l % 7 + 1) + ".1";
        li.max_points = kSteps * 10;
        li.step_count = kSteps;
        out.push_back(li);
    }
    return out;
}

StepAttempt attempt(std::mt19937& rng) {
    StepAttempt a;
    a.points = static_cast<int>(rng() % 11);
    a.max_points = 10;
    a.passed = a.points >= 5;
    a.stars = a.points / 4;
    a.time_on_task_s = 30 + rng() % 300;
    a.program_kind = ProgramKind::Text;
    a.program = "for i in range(4):\n    forward(" + std::to_string(rng() % 9) + ")\n    left()\nif wall_ahead():\n    right()\n";
    a.program += std::string(120, '#');  // ~200 bytes, a typical short program
    return a;
}

struct SaveFigures {
    double median = 0, max = 0, first_save = 0, open = 0;
    size_t bytes = 0;
};

SaveFigures measureSaves(core::Storage& storage, ClassId* class_out, ProgressStore* copy_out) {
    std::mt19937 rng(42);
    SaveFigures f;
    ProgressDb db(storage);
    (void)db.open();
    ProgressStore& s = db.data();
    const ClassId c = s.addClass("4 Ә", 2026, 4).value();
    std::vector<PupilId> pupils;
    for (int p = 0; p < kPupils; ++p) pupils.push_back(s.addPupil(c, "Оқушы " + std::to_string(p + 1)).value());
    const std::vector<LessonInfo> ls = lessons();
    int64_t now = 1'790'000'000;
    for (PupilId p : pupils) {
        for (const LessonInfo& l : ls) {
            for (int k = 0; k < kSteps; ++k) (void)s.recordStep(p, {l.pack_id, l.lesson_id, "s" + std::to_string(k)}, attempt(rng), now += 7);
        }
    }
    auto t = Clock::now();
    if (!db.save().ok()) std::fprintf(stderr, "first save failed\n");
    f.first_save = msSince(t);
    std::vector<double> times;
    for (int i = 0; i < 60; ++i) {
        const PupilId p = pupils[rng() % pupils.size()];
        const LessonInfo& l = ls[rng() % ls.size()];
        (void)s.recordStep(p, {l.pack_id, l.lesson_id, "s" + std::to_string(rng() % kSteps)}, attempt(rng), now += 60);
        t = Clock::now();
        if (!db.save().ok()) std::fprintf(stderr, "save failed\n");
        times.push_back(msSince(t));
    }
    std::sort(times.begin(), times.end());
    f.median = times[times.size() / 2];
    f.max = times.back();
    Result<std::vector<std::string>> keys = storage.list("progress");
    for (const std::string& k : keys.value()) f.bytes += storage.read(k).value().size();
    t = Clock::now();
    ProgressDb again(storage);
    (void)again.open();
    f.open = msSince(t);
    if (class_out) *class_out = c;
    if (copy_out) *copy_out = s;
    return f;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    const char* where = "wasm (node)";
#else
    const char* where = "native";
#endif
    std::printf("progress bench, %s: %d pupils × %d lessons × %d steps (%d records, ~200-byte programs)\n", where,
                kPupils, kLessons, kSteps, kPupils * kLessons * kSteps);
    core::MemoryStorage mem;
    ClassId c;
    ProgressStore store;
    const SaveFigures m = measureSaves(mem, &c, &store);
    std::printf("save_after_step_ms median=%.2f max=%.2f (memory storage; one pupil file)\n", m.median, m.max);
    std::printf("first_full_save_ms=%.1f open_ms=%.1f stored_kb=%.0f\n", m.first_save, m.open, m.bytes / 1024.0);
#ifndef __EMSCRIPTEN__
    if (argc > 1) {
        platform::FileStorage files(argv[1]);
        if (files.open().ok()) {
            const SaveFigures f = measureSaves(files, nullptr, nullptr);
            std::printf("save_after_step_ms median=%.2f max=%.2f (files with fsync in %s)\n", f.median, f.max, argv[1]);
        }
    }
#else
    (void)argc;
    (void)argv;
#endif
    ExportOptions o;
    o.class_id = c;
    o.lessons = lessons();
    text::Catalogue cat;
    (void)cat.addJson(R"({"progress.export.col.pupil":"Оқушы"})", "bench");
    std::fflush(stdout);
    auto t = Clock::now();
    const ExportTable table = buildExport(store, o).value();
    const double build_ms = msSince(t);
    t = Clock::now();
    const std::string csv = exportCsv(table, cat);
    const double csv_ms = msSince(t);
    std::fprintf(stderr, "[bench] table and CSV done\n");
    t = Clock::now();
    const std::string xapi = exportXapi(store, o);
    const double xapi_ms = msSince(t);
    std::fprintf(stderr, "[bench] xAPI done\n");
    t = Clock::now();
    const std::string backup = writeClassBackup(store, c, 1);
    const double backup_ms = msSince(t);
    t = Clock::now();
    const bool backup_ok = readBackup(backup).ok();
    const double restore_ms = msSince(t);
    std::printf("export_ms table=%.1f csv=%.1f (rows=%zu, %.0f KB) xapi=%.1f (%.0f KB)\n", build_ms, csv_ms,
                table.rows.size(), csv.size() / 1024.0, xapi_ms, xapi.size() / 1024.0);
    std::printf("class_backup_ms write=%.1f read=%.1f (%.0f KB, %s)\n", backup_ms, restore_ms, backup.size() / 1024.0,
                backup_ok ? "ok" : "FAILED");
#ifdef SANDYQ_HAVE_XLSX
    t = Clock::now();
    Result<std::string> xlsx = exportXlsx(table, cat, "/tmp/sandyq-bench-progress.xlsx");
    std::printf("export_xlsx_ms=%.1f (%.0f KB)\n", msSince(t), xlsx.ok() ? xlsx.value().size() / 1024.0 : 0.0);
#endif
    return backup_ok ? 0 : 1;
}
