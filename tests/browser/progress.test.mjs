// Pupils' progress on a shared computer: the teacher creates a class and pupils behind a PIN,
// each pupil's marks are kept apart and survive reloads, a class backup and the diary export
// download with the right contents, and the backup restores in a fresh browser profile.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  startServer, launch, openApp, state, click, frames, shot, assertClean, courseLoaded, reveal, clickSeen, typeText,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });



async function synced(page) {
  await page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 1 && !i.syncing; });
}



async function setUpClass(page) {
  await click(page, 'teacher.open');
  let s = await state(page);
  assert.equal(s.screen, 'teacher');
  assert.equal(s.progress.teacherPin, false, 'first visit: no teacher PIN yet');
  await click(page, 'teacher.pin');
  await typeText(page, '2468');
  await click(page, 'teacher.pin2');
  await typeText(page, '2468');
  await click(page, 'teacher.pin_ok');
  s = await state(page);
  assert.equal(s.progress.unlocked, true);
  await click(page, 'teacher.class_name');
  await typeText(page, '3 Ә');
  await click(page, 'teacher.grade.3');
  await click(page, 'teacher.class_add');
  for (const name of ['Айгерім', 'Данияр']) {
    await clickSeen(page, 'teacher.pupil_name');
    await typeText(page, name);
    await clickSeen(page, 'teacher.pupil_add');
  }
  s = await state(page);
  assert.deepEqual(s.progress.classes.map((c) => [c.name, c.grade, c.pupils.map((p) => p.name)]), [['3 Ә', 3, ['Айгерім', 'Данияр']]]);
  await shot(page, 'teacher-class');
  await click(page, 'teacher.back');
  return s.progress.classes[0];
}

// The pupil answers the first quiz of the example pack's "check" lesson right.
async function answerFirstQuiz(page) {
  await courseLoaded(page);
  let s = await state(page);
  const pack = s.course.packs.find((p) => p.id === 'kz.sandyq.example');
  if (s.widgets[`map.grade.${pack.grade}`]) await clickSeen(page, `map.grade.${pack.grade}`);
  const li = pack.lessons.findIndex((l) => l.id === 'check');
  await clickSeen(page, `map.lesson.${pack.entry}.${li}`);
  s = await state(page);
  assert.equal(s.lesson.stepId, 'input-device');
  await click(page, `lesson.option.${s.lesson.shown.indexOf(1)}`);
  await click(page, 'lesson.check');
  assert.equal((await state(page)).lesson.correct, true);
  await click(page, 'lesson.back');
}

const checkLesson = (s) => s.course.packs.find((p) => p.id === 'kz.sandyq.example').lessons.find((l) => l.id === 'check');

test('two pupils on one computer keep separate progress that survives a reload', async () => {
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page);
    const [aigerim, daniyar] = cls.pupils;
    await click(page, `profile.pupil.${aigerim.id}`);
    let s = await state(page);
    assert.equal(s.progress.pupil, 'Айгерім');
    assert.ok(s.widgets['profile.current'], 'the greeting shows who is learning');
    await answerFirstQuiz(page);
    s = await state(page);
    assert.equal(checkLesson(s).passed, 1);
    await shot(page, 'home-pupil-aigerim');
    await synced(page);
    await page.reload();
    await courseLoaded(page);
    s = await state(page);
    assert.equal(s.progress.pupil, '', 'after a reload the next pupil picks their name');
    assert.equal(s.progress.classes[0].pupils[0].passed, 1, 'the result was saved');
    await click(page, `profile.pupil.${daniyar.id}`);
    s = await state(page);
    assert.equal(s.progress.pupil, 'Данияр');
    assert.equal(checkLesson(s).passed, 0, "Данияр does not see Айгерім's result");
    await click(page, 'profile.switch');
    await click(page, `profile.pupil.${aigerim.id}`);
    s = await state(page);
    assert.equal(checkLesson(s).passed, 1, "Айгерім's result is back");
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('class backup and diary export download; the backup restores in a fresh browser profile', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-backup-'));
  let backupFile;
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page);
    await click(page, `profile.pupil.${cls.pupils[0].id}`);
    await answerFirstQuiz(page);
    await click(page, 'teacher.open');
    await click(page, 'teacher.pin');
    await typeText(page, '1111');
    await click(page, 'teacher.pin_ok');
    let s = await state(page);
    assert.equal(s.progress.unlocked, false, 'a wrong PIN keeps the area locked');
    assert.equal(s.lastMessageKey, 'teacher.pin_wrong');
    await click(page, 'teacher.pin');
    await typeText(page, '2468');
    await click(page, 'teacher.pin_ok');
    assert.equal((await state(page)).progress.unlocked, true);
    // Backup of the class.
    await reveal(page, 'teacher.backup_download');
    const [backup] = await Promise.all([page.waitForEvent('download'), click(page, 'teacher.backup_download')]);
    backupFile = path.join(dir, backup.suggestedFilename());
    await backup.saveAs(backupFile);
    const doc = JSON.parse(readFileSync(backupFile, 'utf8'));
    const text = JSON.stringify(doc);
    assert.ok(text.includes('Айгерім') && text.includes('Данияр') && text.includes('3 Ә'), 'pupils and class in the backup');
    assert.ok(text.includes('input-device'), 'the step record is in the backup');
    // Export for the diary: CSV with BOM, ';', Kazakh headers, the 5-point mark by the official table.
    await reveal(page, 'teacher.export_csv');
    s = await state(page);
    assert.ok(s.widgets['teacher.export_preview'], 'a preview table');
    await shot(page, 'teacher-export');
    const [csv] = await Promise.all([page.waitForEvent('download'), click(page, 'teacher.export_csv')]);
    const csvFile = path.join(dir, csv.suggestedFilename());
    await csv.saveAs(csvFile);
    const bytes = readFileSync(csvFile);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    assert.match(lines[0], /;/, 'semicolons');
    const row = lines.find((l) => l.startsWith('Айгерім;') && l.includes('Өзіңді тексер'));
    assert.ok(row, `a row for Айгерім in ${lines.slice(0, 4).join(' | ')}`);
    assert.ok(row.includes('3 Ә'));
    // 1 of the lesson's 8 points = 13 % → mark 2 by the official table.
    assert.match(row, /;1;8;13;2$/);
    // The same table as XLSX (Debian's libxlsxwriter in the wasm build), read back with openpyxl.
    await reveal(page, 'teacher.export_xlsx');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), click(page, 'teacher.export_xlsx')]);
    const xlsxFile = path.join(dir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxFile);
    assert.match(xlsx.suggestedFilename(), /\.xlsx$/);
    const cells = JSON.parse(execFileSync('/usr/bin/python3', ['-c', `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
print(json.dumps([[c for c in row] for row in ws.iter_rows(values_only=True)], ensure_ascii=False, default=str))
`, xlsxFile]).toString('utf8'));
    const xrow = cells.find((r) => r[0] === 'Айгерім' && String(r[3]).includes('Өзіңді тексер'));
    assert.ok(xrow, 'the XLSX has the same row');
    assert.deepEqual(xrow.slice(-4), [1, 8, 13, 2], 'numbers are numbers: points, max, percent, mark');
    // The same class as xAPI statements.
    await reveal(page, 'teacher.export_xapi');
    const [xapi] = await Promise.all([page.waitForEvent('download'), click(page, 'teacher.export_xapi')]);
    const xapiFile = path.join(dir, xapi.suggestedFilename());
    await xapi.saveAs(xapiFile);
    const statements = JSON.parse(readFileSync(xapiFile, 'utf8'));
    assert.ok(statements.some((st) => st.actor && JSON.stringify(st.actor).includes('Айгерім') && st.object && String(st.object.id).includes('input-device')));
    assertClean(assert, page);
  } finally { await ctx.close(); }

  // A fresh browser profile (another computer, or this one after a nightly wipe).
  const fresh = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(fresh, server.url);
    await setUpPinOnly(page);
    await reveal(page, 'teacher.backup_restore');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'teacher.backup_restore')]);
    await chooser.setFiles(backupFile);
    await page.waitForFunction(() => Module.sandyqTest.state().progress.classes.length === 1);
    let s = await state(page);
    assert.equal(s.lastMessageKey, 'teacher.backup_merged');
    assert.deepEqual(s.progress.classes[0].pupils.map((p) => [p.name, p.passed]), [['Айгерім', 1], ['Данияр', 0]]);
    // A broken file is rejected with a message and changes nothing.
    const bad = path.join(dir, 'broken.json');
    writeFileSync(bad, '{"format":"sandyq-backup","version":1,"checksum":"crc32:00000000","data":{}}');
    await reveal(page, 'teacher.backup_restore');  // the class list grew
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'teacher.backup_restore')]);
    await chooser2.setFiles(bad);
    await page.waitForFunction(() => Module.sandyqTest.state().lastMessageKey === 'teacher.backup_rejected');
    s = await state(page);
    assert.equal(s.progress.classes[0].pupils.length, 2, 'nothing changed');
    await click(page, 'teacher.back');
    await click(page, `profile.pupil.${s.progress.classes[0].pupils[0].id}`);
    await courseLoaded(page);
    assert.equal(checkLesson(await state(page)).passed, 1, 'the restored mark is on the course map');
  } finally { await fresh.close(); }
});

async function setUpPinOnly(page) {
  await click(page, 'teacher.open');
  await click(page, 'teacher.pin');
  await typeText(page, '1357');
  await click(page, 'teacher.pin2');
  await typeText(page, '1357');
  await click(page, 'teacher.pin_ok');
  assert.equal((await state(page)).progress.unlocked, true);
}

test("a pupil's program of a coding step is saved and reopens for that pupil only", async () => {
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    const cls = await setUpClass(page);
    const [aigerim, daniyar] = cls.pupils;
    const openThreeLines = async () => {
      await courseLoaded(page);
      let s = await state(page);
      const pack = s.course.packs.find((p) => p.id === 'kz.sandyq.python');
      if (s.widgets[`map.grade.${pack.grade}`]) await clickSeen(page, `map.grade.${pack.grade}`);
      await clickSeen(page, `map.lesson.${pack.entry}.${pack.lessons.findIndex((l) => l.id === 'print')}`);
      s = await state(page);
      for (let i = 0; i < 10 && s.lesson.stepId !== 'three-lines'; i++) {
        await click(page, `lesson.dot.${i}`);
        s = await state(page);
      }
      assert.equal(s.lesson.stepId, 'three-lines');
      return s.coding;
    };
    await click(page, `profile.pupil.${aigerim.id}`);
    await openThreeLines();
    const code = 'print(1)\nprint(2)\nprint(3)';
    assert.equal(await page.evaluate((t) => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], [t]), code), 1);
    await click(page, 'coding.check');
    assert.equal((await state(page)).coding.passed, true);
    await click(page, 'lesson.back');
    await synced(page);
    await page.reload();
    await courseLoaded(page);
    await click(page, `profile.pupil.${daniyar.id}`);
    let c = await openThreeLines();
    assert.notEqual(c.program, code, "Данияр does not get Айгерім's program");
    await click(page, 'lesson.back');
    await click(page, 'profile.switch');
    await click(page, `profile.pupil.${aigerim.id}`);
    c = await openThreeLines();
    assert.equal(c.program, code, 'Айгерім continues where she stopped');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
