// Lesson packs in the browser: the course map built from the bundled packs, the lesson player
// (quiz answered wrongly then rightly, feedback, marks on the map), every quiz kind by touch and
// by typing, and a school's broken packs/index.json that must not take the bundled packs down.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import {
  ROOT, SITE, startServer, launch, openApp, state, click, tap, frames, shot, assertClean, courseLoaded, reveal, typeText, openLesson,
} from './harness.mjs';

async function tapSeen(page, id) {
  await reveal(page, id);
  await tap(page, id);
}

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const optionShowing = (s, optionIndex) => s.lesson.shown.indexOf(optionIndex);

test('a quiz answered wrongly then rightly: feedback, explanation, stars and the mark on the course map', async () => {
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    let s = await courseLoaded(page);
    // Every bundled pack loads (a broken one would be listed with its problems instead).
    assert.deepEqual(s.course.broken, [], 'bundled packs load');
    assert.deepEqual(s.course.indexProblems, []);
    await shot(page, 'course-map-kk');
    await openLesson(page, 'kz.sandyq.example', 'check');
    s = await state(page);
    assert.equal(s.lesson.stepId, 'input-device');
    assert.equal(s.lesson.quizKind, 'single');
    assert.ok(s.widgets['lesson.check'], 'Check is on screen');
    // Options are shuffled; the monitor (option 0) is wrong, the keyboard (option 1) is right.
    await click(page, `lesson.option.${optionShowing(s, 0)}`);
    await click(page, 'lesson.check');
    s = await state(page);
    assert.equal(s.lesson.checked, true);
    assert.equal(s.lesson.correct, false);
    assert.equal(s.lesson.feedbackKey, 'pack.quiz.incorrect');
    assert.ok(s.widgets['lesson.feedback'], 'feedback is shown');
    assert.equal(s.lastMessageKey, 'pack.quiz.incorrect');
    await shot(page, 'lesson-quiz-wrong');
    await click(page, `lesson.option.${optionShowing(s, 1)}`);
    s = await state(page);
    assert.equal(s.lesson.checked, false, 'a new answer clears the old verdict');
    await click(page, 'lesson.check');
    s = await state(page);
    assert.equal(s.lesson.correct, true);
    assert.equal(s.lesson.feedbackKey, 'pack.quiz.correct');
    assert.equal(s.lesson.attempts, 2);
    assert.ok(s.widgets['lesson.next'], 'Next appears');
    await shot(page, 'lesson-quiz-right');
    // The map shows the lesson as started: 1 of 6 steps passed, stars for a second try.
    await click(page, 'lesson.back');
    s = await state(page);
    assert.equal(s.screen, 'home');
    const lesson = s.course.packs.find((p) => p.id === 'kz.sandyq.example').lessons.find((l) => l.id === 'check');
    assert.equal(lesson.passed, 1);
    assert.equal(lesson.tried, 1);
    assert.equal(lesson.stars, 2, 'right on the second try: 2 stars');
    await shot(page, 'course-map-marked');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('every quiz kind by touch on a phone in landscape, and the typed answer through the keyboard', async () => {
  const ctx = await launch({ width: 844, height: 390, dpr: 2, touch: true });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await tap(page, 'home.lang.ru');  // the lesson in Russian
    await openLesson(page, 'kz.sandyq.example', 'check', tap);
    let s = await state(page);
    // 1. single choice: the keyboard
    await tapSeen(page, `lesson.option.${optionShowing(s, 1)}`);
    await tap(page, 'lesson.check');
    assert.equal((await state(page)).lesson.correct, true);
    await tap(page, 'lesson.next');
    // 2. multiple choice: monitor, printer, headphones (options 0, 1, 3)
    s = await state(page);
    assert.equal(s.lesson.quizKind, 'multiple');
    for (const o of [0, 1, 3]) await tapSeen(page, `lesson.option.${optionShowing(s, o)}`);
    await tap(page, 'lesson.check');
    s = await state(page);
    assert.equal(s.lesson.correct, true);
    assert.equal(s.lesson.points, 3);
    await tap(page, 'lesson.next');
    // 3. true/false: "the mouse is an output device" is false
    s = await state(page);
    assert.equal(s.lesson.quizKind, 'truefalse');
    await tapSeen(page, 'lesson.false');
    await tap(page, 'lesson.check');
    assert.equal((await state(page)).lesson.correct, true);
    await tap(page, 'lesson.next');
    // 4. put in order with the arrow buttons (it never starts solved)
    s = await state(page);
    assert.equal(s.lesson.quizKind, 'order');
    assert.notDeepEqual(s.lesson.order, [0, 1, 2]);
    for (let guard = 0; guard < 6; guard++) {
      const order = (await state(page)).lesson.order;
      const k = order.findIndex((v, i) => i > 0 && order[i - 1] > v);
      if (k < 0) break;
      await tapSeen(page, `lesson.order.up.${k}`);
    }
    assert.deepEqual((await state(page)).lesson.order, [0, 1, 2]);
    await shot(page, 'lesson-order-phone');
    await tap(page, 'lesson.check');
    assert.equal((await state(page)).lesson.correct, true);
    await tap(page, 'lesson.next');
    // 5. match pairs: tap a left card, then its partner on the right
    s = await state(page);
    assert.equal(s.lesson.quizKind, 'match');
    for (let left = 0; left < 3; left++) {
      await tapSeen(page, `lesson.match.left.${left}`);
      await tapSeen(page, `lesson.match.right.${s.lesson.shown.indexOf(left)}`);
    }
    await shot(page, 'lesson-match-phone');
    await tap(page, 'lesson.check');
    assert.equal((await state(page)).lesson.correct, true);
    await tap(page, 'lesson.next');
    // 6. type the answer: Cyrillic letters arrive as key presses, like from a real keyboard
    s = await state(page);
    assert.equal(s.lesson.quizKind, 'text');
    await tapSeen(page, 'lesson.answer');
    await typeText(page, 'Клавиатура');
    await page.keyboard.press('Enter');
    await frames(page, 3);
    s = await state(page);
    assert.equal(s.lesson.checked, true);
    assert.equal(s.lesson.correct, true, 'case does not matter');
    await tap(page, 'lesson.next');
    s = await state(page);
    assert.equal(s.lesson.finished, true, 'the lesson-complete card');
    assert.ok(s.widgets['lesson.done']);
    await shot(page, 'lesson-done-phone');
    await tapSeen(page, 'lesson.to_map');
    s = await state(page);
    const lesson = s.course.packs.find((p) => p.id === 'kz.sandyq.example').lessons.find((l) => l.id === 'check');
    assert.equal(lesson.passed, 6);
    assert.equal(lesson.stars, 18, 'every step right the first time');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test("a school's broken packs/index.json and a missing pack folder are listed; the bundled packs still work", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-site-'));
  cpSync(SITE, dir, { recursive: true });
  writeFileSync(path.join(dir, 'packs/index.json'), '{\n  "packs": [\n    "no-such-pack",\n  ]\n}\n');
  rmSync(path.join(dir, 'packs/index.json.gz'), { force: true });
  const own = await startServer(dir);
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, own.url);
    const s = await courseLoaded(page);
    assert.equal(s.course.indexProblems.length, 1);
    assert.match(s.course.indexProblems[0], /^packs\/index\.json:4: course\.index_bad_json$/, 'names the line after the stray comma');
    assert.ok(s.course.packs.some((p) => p.id === 'kz.sandyq.example'), 'bundled packs are still there');
    await shot(page, 'course-map-broken-index');
    // The same school fixes the comma: the missing folder is listed with a clear problem.
    writeFileSync(path.join(dir, 'packs/index.json'), '{"packs": ["no-such-pack"]}\n');
    await page.reload();
    const t = await courseLoaded(page);
    const broken = t.course.broken.find((b) => b.folder === 'no-such-pack');
    assert.ok(broken, 'the missing pack is listed');
    assert.match(broken.problems[0], /^packs\/no-such-pack\/pack\.lua:0: course\.pack_unreachable$/);
    assert.ok(t.widgets[`map.broken.${broken.entry}`], 'and shown on the map');
  } finally {
    await ctx.close();
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a teacher's preview from a .zip: listed apart, playable; a broken pack shows its file:line problems", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sandyq-preview-'));
  // A copy of the example pack under its own id (a pack id already on the map would be refused).
  const zipOf = (name, files) => {
    const out = path.join(dir, name);
    execFileSync('python3', ['-c', `
import json, sys, zipfile
files = json.loads(sys.argv[2])
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    for rel, data in files.items():
        z.writestr(rel, bytes.fromhex(data))
`, out, JSON.stringify(files)]);
    return out;
  };
  const example = path.join(ROOT, 'lessons/example');
  const files = {};
  for (const rel of ['pack.lua', 'devices.lua', 'check.lua', 'assets/computer.png']) {
    let data = readFileSync(path.join(example, rel));
    if (rel === 'pack.lua') data = Buffer.from(data.toString('utf8').replace('"kz.sandyq.example"', '"kz.school.preview"'));
    files[`mypack/${rel}`] = data.toString('hex');
  }
  const good = zipOf('mypack.zip', files);
  const broken = zipOf('broken.zip', { 'pack.lua': Buffer.from('pack {\n  id = "kz.school.broken",\n  title = { kk = "Қате" \n}\n').toString('hex') });
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await reveal(page, 'map.preview.zip');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'map.preview.zip')]);
    await chooser.setFiles(good);
    await page.waitForFunction(() => Module.sandyqTest.state().course.packs.some((p) => p.preview));
    let s = await state(page);
    const preview = s.course.packs.find((p) => p.preview);
    assert.equal(preview.id, 'kz.school.preview');
    assert.equal(preview.lessons.length, 2);
    await shot(page, 'course-map-preview');
    await openLesson(page, 'kz.school.preview', 'check');
    s = await state(page);
    assert.equal(s.lesson.stepId, 'input-device');
    await click(page, 'lesson.back');
    // The broken pack: listed with the syntax error's file and line, the rest keeps working.
    await reveal(page, 'map.preview.zip');
    const [chooser2] = await Promise.all([page.waitForEvent('filechooser'), click(page, 'map.preview.zip')]);
    await chooser2.setFiles(broken);
    await page.waitForFunction(() => Module.sandyqTest.state().course.broken.some((b) => b.preview));
    s = await state(page);
    const bad = s.course.broken.find((b) => b.preview);
    assert.match(bad.problems[0], /^broken\.zip\/pack\.lua:[45]: pack\.err\.syntax/);
    assert.ok(s.course.packs.some((p) => p.id === 'kz.sandyq.example'), 'the bundled packs are still there');
    assertClean(assert, page);
  } finally {
    await ctx.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
