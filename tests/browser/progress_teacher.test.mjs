// The teacher's tools for pupils' progress (issue 7): picture PINs for grades 1–2 and erasing a
// pupil's progress; a class list from a CSV file; a banner with a backup button when storage is
// full or unavailable; the diary export following a choice of lessons and days.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  startServer, launch, openApp, state, click, frames, shot, assertClean, courseLoaded, typeText,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

async function unlockTeacher(page, pin = '2468') {
  await clickSeen(page, 'teacher.open');
  const first = !(await state(page)).progress.teacherPin;
  await click(page, 'teacher.pin');
  await typeText(page, pin);
  if (first) {
    await click(page, 'teacher.pin2');
    await typeText(page, pin);
  }
  await click(page, 'teacher.pin_ok');
  assert.equal((await state(page)).progress.unlocked, true);
}

// A class with pupils, made in the teacher area; returns the class from the test API.
async function setUpClass(page, className, grade, names) {
  await unlockTeacher(page);
  await click(page, 'teacher.class_name');
  await typeText(page, className);
  await click(page, `teacher.grade.${grade}`);
  await click(page, 'teacher.class_add');
  for (const name of names) {
    await clickSeen(page, 'teacher.pupil_name');
    await typeText(page, name);
    await clickSeen(page, 'teacher.pupil_add');
  }
  const s = await state(page);
  return s.progress.classes.find((c) => c.name === className);
}

// The pupil answers the first quiz of the example pack's "check" lesson right (1 of 8 points).
async function answerFirstQuiz(page) {
  await courseLoaded(page);
  let s = await state(page);
  const pack = s.course.packs.find((p) => p.id === 'kz.sandyq.example');
  if (s.widgets[`map.grade.${pack.grade}`]) await clickSeen(page, `map.grade.${pack.grade}`);
  await clickSeen(page, `map.lesson.${pack.entry}.${pack.lessons.findIndex((l) => l.id === 'check')}`);
  s = await state(page);
  await clickSeen(page, `lesson.option.${s.lesson.shown.indexOf(1)}`);
  await click(page, 'lesson.check');  // in the lesson's bottom bar, always on screen
  assert.equal((await state(page)).lesson.correct, true);
  await click(page, 'lesson.back');
}

// Scrolls until widget `id` is inside its screen's scrolling area (home.body, teacher.body,
// lesson.body: below the top bar and the storage banner, above the status strip).
async function reveal(page, id) {
  for (let i = 0; i < 40; i++) {
    const s = await state(page);
    const r = s.widgets[id];
    if (!r) throw new Error(`widget ${id} not on screen ${s.screen}`);
    const area = s.widgets[`${s.screen}.body`] || [0, 90, 0, page.viewportSize().height - 150];
    const top = area[1], bottom = area[1] + area[3];
    if (r[1] >= top && r[1] + r[3] <= bottom) return;
    await page.mouse.move(area[0] + area[2] / 2, top + area[3] / 2);
    await page.mouse.wheel(0, r[1] + r[3] > bottom ? Math.min(300, r[1] + r[3] - bottom + 20) : -Math.min(300, top - r[1] + 20));
    await frames(page, 3);
  }
  throw new Error(`could not scroll ${id} into view`);
}
async function clickSeen(page, id) {
  await reveal(page, id);
  await click(page, id);
}

const pupilOf = (s, id) => s.progress.classes.flatMap((c) => c.pupils).find((p) => p.id === id);
const tapPictures = async (page, prefix, pics) => { for (const i of pics) await clickSeen(page, `${prefix}.${i}`); };

test('picture PIN: the teacher sets it; the pupil taps their pictures; wrong tries get a gentle word and a short pause', async () => {
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page, '1 А', 1, ['Айгерім', 'Данияр']);
    const [aigerim, daniyar] = cls.pupils;
    // The teacher opens Айгерім's card and chooses sun, cat, fish.
    await clickSeen(page, `teacher.card.${aigerim.id}`);
    let s = await state(page);
    assert.equal(s.progress.card.pupil, aigerim.id);
    await clickSeen(page, 'card.pin_set');
    for (const i of [0, 2, 6]) await clickSeen(page, `card.pic.${i}`);
    s = await state(page);
    assert.equal(s.progress.card.pictures, 3);
    await reveal(page, 'card.pin_chosen');
    await shot(page, 'pin-teacher-card');
    await clickSeen(page, 'card.pin_save');
    s = await state(page);
    assert.equal(s.progress.card.ok, true, s.progress.card.message);
    assert.match(s.progress.card.message, /Күн, Мысық, Балық/, 'the teacher sees the pictures to tell the pupil');
    assert.equal(pupilOf(s, aigerim.id).pin, true);
    assert.equal(pupilOf(s, daniyar.id).pin, false);
    // Stored salted and hashed, never the pictures.
    const roster = ['a', 'b'].map((slot) => page.evaluate((k) => Module.sandyqTest.storageGet(k), `progress/v2/roster.${slot}.json`));
    const text = (await Promise.all(roster)).filter((t) => !t.startsWith('!')).join('\n');
    assert.match(text, /"hash":"[0-9a-f]{64}"/, 'a SHA-256 of the PIN is saved');
    assert.ok(!/"pictures"|\[0,2,6\]/.test(text), 'the pictures themselves are not saved');
    await click(page, 'teacher.back');

    // Данияр has no PIN: his name opens his map at once.
    await clickSeen(page, `profile.pupil.${daniyar.id}`);
    assert.equal((await state(page)).progress.pupil, 'Данияр');
    await clickSeen(page, 'profile.switch');
    // Айгерім taps her name: the pictures are asked for.
    await clickSeen(page, `profile.pupil.${aigerim.id}`);
    s = await state(page);
    assert.equal(s.progress.pupil, '');
    assert.equal(s.progress.pinEntry.pupil, aigerim.id);
    assert.ok(s.widgets['pin.pic.11'], 'twelve pictures');
    const r = s.widgets['pin.pic.0'];
    assert.ok(r[2] >= 64 && r[3] >= 64, `big touch targets (${r[2]}×${r[3]})`);
    await shot(page, 'pin-entry-kk');
    // The wrong order is a wrong try: a gentle message, and another try.
    await tapPictures(page, 'pin.pic', [6, 2, 0, 1]);
    s = await state(page);
    assert.equal(s.progress.pupil, '');
    assert.equal(s.progress.pinEntry.message, 'pin.wrong');
    assert.equal(s.progress.pinEntry.taps, 0);
    await shot(page, 'pin-entry-wrong');
    // Four more wrong tries: then a short pause (no lock-out); taps during it do nothing.
    for (let k = 0; k < 4; k++) await tapPictures(page, 'pin.pic', [1, 1, 1, 1]);
    s = await state(page);
    assert.equal(s.progress.pinEntry.message, 'pin.wait');
    assert.ok(s.progress.pinEntry.waitMs > 1000, `a pause (${s.progress.pinEntry.waitMs} ms)`);
    await clickSeen(page, 'pin.pic.0');
    s = await state(page);
    // Still in the pause after the tap (so the tap came during it): it did nothing.
    if (s.progress.pinEntry.waitMs > 0) assert.equal(s.progress.pinEntry.taps, 0, 'no taps during the pause');
    await shot(page, 'pin-entry-wait');
    await page.waitForFunction(() => Module.sandyqTest.state().progress.pinEntry.waitMs === 0, null, { timeout: 15000 });
    assert.equal((await state(page)).progress.pinEntry.message, 'pin.again');
    // Her pictures in order open her map.
    await tapPictures(page, 'pin.pic', [0, 2, 6]);
    s = await state(page);
    assert.equal(s.progress.pupil, 'Айгерім');
    await answerFirstQuiz(page);
    assert.equal(pupilOf(await state(page), aigerim.id).passed, 1);
    // "Not me" goes back to the names.
    await clickSeen(page, 'profile.switch');
    await clickSeen(page, `profile.pupil.${aigerim.id}`);
    await clickSeen(page, 'pin.not_me');
    s = await state(page);
    assert.equal(s.progress.pinEntry.pupil, 0);
    assert.ok(s.widgets[`profile.pupil.${daniyar.id}`]);

    // The PIN survives a reload.
    await page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 1 && !i.syncing; });
    await page.reload();
    await courseLoaded(page);
    s = await state(page);
    assert.equal(pupilOf(s, aigerim.id).pin, true);
    await clickSeen(page, `profile.pupil.${aigerim.id}`);
    assert.equal((await state(page)).progress.pinEntry.pupil, aigerim.id);
    await clickSeen(page, 'pin.not_me');

    // The teacher erases Айгерім's progress (after a confirmation), then removes the PIN.
    await unlockTeacher(page);
    await clickSeen(page, `teacher.card.${aigerim.id}`);
    await clickSeen(page, 'card.erase');
    s = await state(page);
    assert.equal(pupilOf(s, aigerim.id).records, 1, 'nothing is erased before the confirmation');
    await reveal(page, 'card.erase_sure');
    await shot(page, 'pin-teacher-erase');
    await click(page, 'card.erase_sure');
    s = await state(page);
    assert.equal(pupilOf(s, aigerim.id).records, 0);
    assert.equal(pupilOf(s, aigerim.id).name, 'Айгерім', 'the pupil stays on the list');
    await clickSeen(page, 'card.pin_remove');
    assert.equal(pupilOf(await state(page), aigerim.id).pin, false);
    await click(page, 'teacher.back');
    await clickSeen(page, `profile.pupil.${aigerim.id}`);
    assert.equal((await state(page)).progress.pupil, 'Айгерім', 'without a PIN the name opens the map');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('storage full or unavailable: a banner on every screen, and its button downloads a backup that restores', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-banner-'));
  let backupFile;
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page, '3 Ә', 3, ['Айгерім', 'Данияр']);
    await click(page, 'teacher.back');
    let s = await state(page);
    assert.equal(s.progress.banner, false, 'no banner while saving works');
    assert.ok(!s.widgets['storage.banner']);
    await clickSeen(page, `profile.pupil.${cls.pupils[0].id}`);
    await page.evaluate(() => Module.sandyqTest.simulateStorage('quota'));
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.storage, 'quota');
    assert.equal(s.progress.banner, true);
    assert.ok(s.widgets['storage.banner'] && s.widgets['storage.banner.backup'], 'banner with a backup button');
    await shot(page, 'storage-banner-quota-kk');
    // Progress in memory keeps working: the pupil passes a step while nothing can be saved.
    await answerFirstQuiz(page);
    s = await state(page);
    assert.equal(s.screen, 'home');
    assert.equal(s.progress.classes[0].pupils[0].passed, 1);
    assert.ok(s.widgets['storage.banner'], 'the banner stays');
    const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'storage.banner.backup')]);
    backupFile = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(backupFile);
    assert.match(dl.suggestedFilename(), /^sandyq-.*\.json$/);
    const doc = JSON.parse(readFileSync(backupFile, 'utf8'));
    assert.equal(doc.format, 'sandyq-backup');
    assert.match(doc.checksum, /^sha256:[0-9a-f]{64}$/);
    const text = JSON.stringify(doc.data);
    assert.ok(text.includes('Айгерім') && text.includes('input-device'), "the pupil at the computer and her new result");
    assert.ok(!text.includes('Данияр'), 'only the pupil at the computer');
    assert.equal((await state(page)).progress.backupsDownloaded, 1);
    // The banner is on the lesson screen and in the teacher area too; in Russian as well.
    await click(page, 'home.lang.ru');
    await shot(page, 'storage-banner-quota-ru');
    // Private mode: storage unavailable.
    await page.evaluate(() => Module.sandyqTest.simulateStorage('unavailable'));
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.storage, 'unavailable');
    assert.ok(s.widgets['storage.banner']);
    await click(page, 'home.lang.kk');
    await clickSeen(page, 'profile.switch');
    await clickSeen(page, 'teacher.open');
    await frames(page, 2);
    assert.ok((await state(page)).widgets['storage.banner'], 'the banner in the teacher area');
    await shot(page, 'storage-banner-unavailable-teacher');
    await click(page, 'teacher.back');
    // Storage works again: the banner goes.
    await page.evaluate(() => Module.sandyqTest.simulateStorage('ok'));
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.progress.banner, false);
    assert.ok(!s.widgets['storage.banner']);
    assertClean(assert, page);
  } finally { await ctx.close(); }

  // The file from the banner restores on another computer.
  const fresh = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(fresh, server.url);
    await unlockTeacher(page, '1357');
    await reveal(page, 'teacher.backup_restore');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'teacher.backup_restore')]);
    await chooser.setFiles(backupFile);
    await page.waitForFunction(() => Module.sandyqTest.state().progress.classes.length === 1);
    const s = await state(page);
    assert.equal(s.lastMessageKey, 'teacher.backup_merged');
    assert.deepEqual(s.progress.classes[0].pupils.map((p) => [p.name, p.passed]), [['Айгерім', 1]]);
  } finally { await fresh.close(); }
});

test('the diary export follows the choice of lessons and days (preview, CSV, xAPI)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-choice-'));
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page, '3 Ә', 3, ['Айгерім']);
    await click(page, 'teacher.back');
    await clickSeen(page, `profile.pupil.${cls.pupils[0].id}`);
    await answerFirstQuiz(page);
    await clickSeen(page, 'profile.switch');
    await unlockTeacher(page);
    const download = async (id) => {
      await reveal(page, id);
      const [d] = await Promise.all([page.waitForEvent('download'), click(page, id)]);
      const file = path.join(dir, `${Date.now()}-${d.suggestedFilename()}`);
      await d.saveAs(file);
      return readFileSync(file, 'utf8');
    };
    const csvRows = async () => (await download('teacher.export_csv')).replace(/^\uFEFF/, '').split('\r\n').filter((l) => l).slice(1);
    let s = await state(page);
    const ex = s.progress.export;
    assert.ok(ex.total >= 3, `lessons of grade 3 offered (${ex.total})`);
    assert.equal(ex.chosen, ex.total, 'all lessons at first');
    const check = ex.offered.indexOf('kz.sandyq.example/check');
    assert.ok(check >= 0, 'the example lesson is offered');
    let rows = await csvRows();
    assert.equal(rows.length, ex.total, 'one row per lesson for the one pupil');
    // None: a clear message, no files.
    await clickSeen(page, 'teacher.lessons.none');
    s = await state(page);
    assert.equal(s.progress.export.chosen, 0);
    assert.equal(s.progress.export.message, 'progress.export.no_lessons');
    assert.ok(s.widgets['teacher.export_choice_error'] && !s.widgets['teacher.export_csv']);
    // Only the "check" lesson, ticked in the list grouped by pack.
    await clickSeen(page, 'teacher.lessons.choose');
    await clickSeen(page, `teacher.lesson.${check}`);
    s = await state(page);
    assert.equal(s.progress.export.chosen, 1);
    await reveal(page, `teacher.lesson.${check}`);
    await shot(page, 'export-choice-lessons');
    rows = await csvRows();
    assert.equal(rows.length, 1);
    assert.match(rows[0], /^Айгерім;3 Ә;[0-9.]+;Өзіңді тексер[^;]*;.*;1;8;13;2$/);
    let xapi = JSON.parse(await download('teacher.export_xapi'));
    assert.ok(xapi.length >= 1 && xapi.every((st) => st.object.id.includes('/check/')), 'xAPI: only the chosen lesson');
    // All lessons but "check": no attempted row has its title.
    await clickSeen(page, 'teacher.lessons.all');
    await clickSeen(page, `teacher.lesson.${check}`);
    rows = await csvRows();
    assert.equal(rows.length, ex.total - 1);
    assert.ok(rows.every((r) => !r.includes('Өзіңді тексер')));
    xapi = JSON.parse(await download('teacher.export_xapi'));
    assert.deepEqual(xapi, [], 'nothing else was attempted');
    await clickSeen(page, 'teacher.lessons.all');
    // Days: today includes the result; a range after today has nothing; a reversed range says so.
    await clickSeen(page, 'teacher.dates.range');
    await clickSeen(page, 'teacher.dates.today');
    s = await state(page);
    assert.equal(s.progress.export.byDates, true);
    assert.equal(s.progress.export.from, s.progress.export.to);
    await reveal(page, 'teacher.date.to');
    await shot(page, 'export-choice-days');
    rows = await csvRows();
    assert.equal(rows.length, 1, 'only the lesson worked on today');
    assert.match(rows[0], /Өзіңді тексер/);
    await clickSeen(page, 'teacher.date.from.next');
    s = await state(page);
    assert.equal(s.progress.export.message, 'progress.export.bad_range');
    assert.ok(!s.widgets['teacher.export_csv']);
    await clickSeen(page, 'teacher.date.to.next');
    await clickSeen(page, 'teacher.date.to.next');
    s = await state(page);
    assert.equal(s.progress.export.message, '');
    rows = await csvRows();
    assert.deepEqual(rows, [], 'nothing after today');
    assert.deepEqual(JSON.parse(await download('teacher.export_xapi')), []);
    // Back to all days: everything again.
    await clickSeen(page, 'teacher.dates.all');
    assert.equal((await csvRows()).length, ex.total);
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('a class list from a CSV file saved by Excel adds the pupils; a file in another encoding is explained', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await setUpClass(page, '2 Б', 2, []);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-list-'));
    // Excel's "CSV UTF-8": a BOM, CRLF, ";" in a Kazakh locale, a header, surname and name apart,
    // a pupil written twice.
    const good = path.join(dir, 'сынып-2Б.csv');
    writeFileSync(good, '\uFEFF№;Тегі;Аты\r\n1;Әбенова;Аружан\r\n2;Қасымов;Нұрлан\r\n3;Әбенова;Аружан\r\n');
    // Excel's plain "CSV" on a Russian Windows: CP1251 ("Иванов;Иван"), not UTF-8.
    const cp1251 = path.join(dir, 'список.csv');
    writeFileSync(cp1251, Buffer.from([0xC8, 0xE2, 0xE0, 0xED, 0xEE, 0xE2, 0x3B, 0xC8, 0xE2, 0xE0, 0xED, 0x0D, 0x0A]));
    const pick = async (file) => {
      await reveal(page, 'teacher.list_file');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'teacher.list_file')]);
      await chooser.setFiles(file);
    };
    const pupils = async () => (await state(page)).progress.classes.find((c) => c.name === '2 Б').pupils.map((p) => p.name);

    await pick(good);
    await page.waitForFunction(() => Module.sandyqTest.state().lastMessageKey === 'teacher.list_done');
    assert.deepEqual(await pupils(), ['Әбенова Аружан', 'Қасымов Нұрлан']);
    let s = await state(page);
    assert.match(s.lastMessage, /2/, 'how many were added');
    assert.match(s.lastMessage, /Әбенова Аружан/, 'the pupil written twice is named');
    await frames(page, 3);
    await shot(page, 'teacher-list-file');

    await pick(cp1251);
    await page.waitForFunction(() => Module.sandyqTest.state().lastMessageKey === 'teacher.list_file_not_utf8');
    s = await state(page);
    assert.match(s.lastMessage, /UTF-8/);
    await frames(page, 3);
    await shot(page, 'teacher-list-file-not-utf8');
    assert.deepEqual(await pupils(), ['Әбенова Аружан', 'Қасымов Нұрлан'], 'nothing added from the unreadable file');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
