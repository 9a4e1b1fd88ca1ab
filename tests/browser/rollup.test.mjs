// The class roll-up without a server: the teacher loads backups of two computers and a broken file
// in one go, sees one table with both pupils' marks (in the Kazakh register's order) and the broken
// file's message, sorts by a lesson, and downloads the whole table as a PNG of the expected size.
// Nothing on this computer changes by looking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync, mkdtempSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  startServer, launch, openApp, state, click, frames, shot, assertClean, courseLoaded, reveal, typeText, SHOTS,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// A backup file as the app writes it: the checksum is SHA-256 of the "data" JSON with sorted keys
// (records use the short field names of progress/backup.cpp).
function backup(classes, created) {
  const sortKeys = (v) => (Array.isArray(v) ? v.map(sortKeys)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v);
  const data = sortKeys({ classes });
  const text = JSON.stringify(data);
  const sum = createHash('sha256').update(text, 'utf8').digest('hex');
  return `{"format":"sandyq-backup","version":1,"created":${created},"checksum":"sha256:${sum}",\n"data":${text}}\n`;
}
const rec = (p, l, s, { st = 2, pt = 1, mx = 1, sr = 0, at = 1, t = 1800000000 } = {}) => ({ p, l, s, st, pt, mx, sr, at, ft: t, lt: t, tt: 60 });

test('roll-up: three files at once, one table, a broken file named, sort by a lesson, the whole table as PNG', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-rollup-'));
  const ctx = await launch({ width: 1024, height: 768, touch: true });
  try {
    const page = await openApp(ctx, server.url);
    let s = await courseLoaded(page);
    const pack = s.course.packs.find((p) => p.id === 'kz.sandyq.example');
    const lessonIds = pack.lessons.map((l) => l.id);
    assert.ok(lessonIds.includes('check') && lessonIds.length >= 2);
    const other = lessonIds.find((l) => l !== 'check');
    // Computer A: Айгерім passed the first quiz of "check" with 3 stars. Computer B: Данияр passed
    // it with 2 stars, Әлия only tried another lesson.
    const files = {
      'computer-A.json': backup([{ name: '3 Ә', year: 2026, grade: pack.grade, pupils: [
        { name: 'Айгерім', records: [rec(pack.id, 'check', 'input-device', { sr: 3 })] }] }], 1800000100),
      'computer-B.json': backup([{ name: '3 Ә', year: 2026, grade: pack.grade, pupils: [
        { name: 'Данияр', records: [rec(pack.id, 'check', 'input-device', { sr: 2, t: 1800000500 })] },
        { name: 'Әлия', records: [rec(pack.id, other, 'x', { st: 1, pt: 0, mx: 2, t: 1800000600 })] }] }], 1800000700),
      'broken.json': '{"format":"sandyq-backup","version":1,"checksum":"sha256:00","data":{"classes":[]}}',
    };
    const paths = Object.entries(files).map(([name, text]) => {
      const p = path.join(dir, name);
      writeFileSync(p, text);
      return p;
    });
    // A file far larger than any backup (33 MB): not read into the app, named as too big.
    const huge = path.join(dir, 'scan-of-register.json');
    writeFileSync(huge, Buffer.alloc(33 * 1024 * 1024, 0x20));
    paths.push(huge);

    // Teacher area (first visit: set the PIN), then the roll-up.
    await click(page, 'teacher.open');
    await click(page, 'teacher.pin');
    await typeText(page, '2468');
    await click(page, 'teacher.pin2');
    await typeText(page, '2468');
    await click(page, 'teacher.pin_ok');
    assert.equal((await state(page)).progress.unlocked, true);
    await reveal(page, 'rollup.open');
    await click(page, 'rollup.open');
    s = await state(page);
    assert.equal(s.screen, 'rollup');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'rollup.load')]);
    assert.equal(chooser.isMultiple(), true, 'several files in one go');
    await chooser.setFiles(paths);
    await page.waitForFunction(() => { const r = Module.sandyqTest.state().rollup; return r && r.files.length === 4; });
    await frames(page, 4);
    s = await state(page);
    const r = s.rollup;
    assert.deepEqual(r.files.map((f) => [f.name, f.ok]),
      [['computer-A.json', true], ['computer-B.json', true], ['broken.json', false], ['scan-of-register.json', false]]);
    assert.match(r.files[2].key, /^progress\.backup\./);
    assert.equal(r.files[3].key, 'progress.backup.too_big', 'the huge file is named as too big, not dropped');
    assert.ok(s.widgets['rollup.file.3'], 'the huge file is listed');
    assert.ok(s.widgets['rollup.file.2'], 'the broken file is listed');
    assert.equal(r.class, '3 Ә');
    // Kazakh register order: Ә right after А, before Д.
    assert.deepEqual(r.rows.map((x) => x.name), ['Айгерім', 'Әлия', 'Данияр']);
    const col = r.lessons.indexOf(`${pack.id}/check`);
    assert.ok(col >= 0, `the lesson is a column: ${r.lessons}`);
    const cell = (name) => r.rows.find((x) => x.name === name).cells[col];
    assert.equal(cell('Айгерім').points, 1);
    assert.equal(cell('Айгерім').stars, 3);
    assert.equal(cell('Данияр').stars, 2);
    assert.equal(cell('Әлия').status, 'none');
    assert.equal(s.progress.classes.length, 0, 'looking changes nothing on this computer');
    await shot(page, 'rollup-table');

    // Sort by the lesson: the first click sorts the best first, the second reverses.
    await click(page, `rollup.col.${col}`);
    s = await state(page);
    assert.deepEqual(s.rollup.sort, { column: col + 1, descending: true });
    assert.deepEqual(s.rollup.rows.map((x) => x.name), ['Айгерім', 'Данияр', 'Әлия']);
    await click(page, `rollup.col.${col}`);
    s = await state(page);
    assert.equal(s.rollup.sort.descending, false);
    assert.deepEqual(s.rollup.rows.map((x) => x.name), ['Әлия', 'Данияр', 'Айгерім']);
    await click(page, 'rollup.col.name');
    assert.deepEqual((await state(page)).rollup.rows.map((x) => x.name), ['Айгерім', 'Әлия', 'Данияр']);
    await shot(page, 'rollup-sorted');

    // Touch: a drag moves the table both ways; the name column stays (frozen), nothing is sorted.
    s = await state(page);
    const before = s.widgets;
    const head = s.widgets['rollup.col.3'];
    const cdp = await ctx.newCDPSession(page);
    const y0 = head[1] + head[3] + 20;  // on the first pupil's row (not the scrollbar)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: 800, y: y0 }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: 800 - i * 50, y: y0 - i * 4 }] });
      await frames(page, 1);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 3);
    s = await state(page);
    assert.ok(s.widgets['rollup.col.3'][0] < before['rollup.col.3'][0] - 200, 'lesson columns moved left with the finger');
    assert.equal(s.widgets['rollup.col.name'][0], before['rollup.col.name'][0], 'the name column is frozen');
    assert.deepEqual(s.rollup.sort, { column: 0, descending: false }, 'a drag does not sort');
    await shot(page, 'rollup-dragged');

    // The whole table as a PNG: decodes, and its size is the planned one for 3 pupils × M lessons.
    const [dl] = await Promise.all([page.waitForEvent('download'), click(page, 'rollup.png')]);
    assert.match(dl.suggestedFilename(), /\.png$/);
    mkdirSync(SHOTS, { recursive: true });
    const pngFile = path.join(SHOTS, 'rollup-download.png');
    await dl.saveAs(pngFile);
    const size = JSON.parse(execFileSync('/usr/bin/python3', ['-c',
      'import json,sys; from PIL import Image; im=Image.open(sys.argv[1]); im.load(); print(json.dumps(im.size))', pngFile]).toString());
    const m = r.lessons.length;
    // progress/table_png.h geometry: 2·24 + 220 + M·96 + 120 wide; 2·24 + 72 + 30 + 64 + N·36 + 52 high.
    assert.deepEqual(size, [48 + 220 + m * 96 + 120, 48 + 72 + 30 + 64 + 3 * 36 + 52]);
    s = await state(page);
    assert.deepEqual([s.rollup.png.width, s.rollup.png.height], size);
    assert.equal(s.lastMessageKey, 'rollup.png_done');

    // High contrast: the table stays readable (look at the screenshot).
    await click(page, 'home.settings');
    await click(page, 'settings.contrast');
    await click(page, 'settings.close');
    assert.equal((await state(page)).highContrast, true);
    // Settings lead home; the teacher area asks for the PIN again, the loaded files are still there.
    await click(page, 'teacher.open');
    await click(page, 'teacher.pin');
    await typeText(page, '2468');
    await click(page, 'teacher.pin_ok');
    await reveal(page, 'rollup.open');
    await click(page, 'rollup.open');
    s = await state(page);
    assert.equal(s.screen, 'rollup');
    assert.equal(s.rollup.rows.length, 3);
    await shot(page, 'rollup-contrast');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
