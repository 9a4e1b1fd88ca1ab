// libFuzzer target for progress import: any bytes given as a backup file, a saved progress file or
// a pasted class list must be rejected with a Status or accepted — never crash, hang or allocate
// without bound — and an accepted backup must survive merge → write → read unchanged in meaning.
// Build (clang only): cmake --preset fuzz && cmake --build --preset fuzz (target progress_fuzz)
//   build/fuzz/tests/unit/progress/progress_fuzz -max_total_time=600 -max_len=16384 \
//     -dict=tests/unit/progress/fuzz_progress.dict CORPUS_DIR tests/golden/progress
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/storage.h"
#include "progress/backup.h"
#include "progress/class_list.h"
#include "progress/db.h"

using namespace sandyq;
using namespace sandyq::progress;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);

    // 1. As a backup file.
    Result<Backup> b = readBackup(bytes);
    if (b.ok()) {
        ProgressStore store;
        Result<MergeReport> m = mergeBackup(store, b.value());
        if (m.ok()) {
            std::vector<PupilId> all;
            for (const Pupil& p : store.pupils()) all.push_back(p.id);
            Result<Backup> again = readBackup(writeBackup(store, all, 1));
            if (!again.ok() || again.value().pupilCount() != store.pupils().size()) std::abort();
            // Merging the same backup twice changes nothing.
            const uint64_t rev = store.rosterRevision();
            if (!mergeBackup(store, again.value()).ok() || store.rosterRevision() != rev) std::abort();
        }
    }

    // 2. As saved progress (a roster slot, a pupil file, a v1 file).
    for (const char* key : {"progress/v2/roster.a.json", "progress/v2/pupil-1.b.json", "progress/progress.json"}) {
        core::MemoryStorage mem;
        (void)mem.writeAtomic(key, bytes);
        ProgressDb db(mem);
        const OpenReport rep = db.open();
        if (rep.outcome != LoadOutcome::Failed) (void)db.save();
    }

    // 3. As a pasted class list.
    ProgressStore store;
    const ClassId c = store.addClass("3 Ә", 2026, 3).value();
    Result<ClassListImport> imp = importClassList(store, c, bytes);
    if (!imp.ok() || store.pupilsOf(c).size() > kMaxPupilsPerClass) std::abort();
    return 0;
}
