// The course as a pupil plays it (issue 8, item 7): one FULL lesson per grade (1, 2, 3, 4) in
// Kazakh and another one in Russian, plus the Python pack's "from blocks to text" lesson. Every
// step is answered right through the real UI — choices clicked on the canvas, answers typed as
// key presses, order put right with the arrow buttons, pairs matched, coding steps set with the
// test hook (blocks steps: the text is converted to blocks) and checked with the Check button —
// until the lesson-complete card; then the course map shows the lesson done with all its stars.
// The right answers come from the lesson files themselves (tools/lint_texts.py --dump), so the
// test follows the lessons when their authors change them. One browser, one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  ROOT, startServer, launch, openApp, state, shot, assertClean, courseLoaded, KAZAKH_LETTERS,
} from './harness.mjs';

// kk and ru lessons of each grade: together they have every quiz kind and maze, turtle and
// variable block steps (and the Python pack's blocks → text lesson).
const PLAN = {
  kk: [
    { pack: 'kz.sandyq.grade1', file: 'grade1/16-order.lua' },
    { pack: 'kz.sandyq.grade2', file: 'grade2/17-loops.lua' },
    { pack: 'kz.sandyq.grade3', file: 'grade3/16-loops.lua' },
    { pack: 'kz.sandyq.grade4', file: 'grade4/18-variables.lua' },
    { pack: 'kz.sandyq.python', file: 'python/15-blocks-to-text.lua' },
  ],
  ru: [
    { pack: 'kz.sandyq.grade1', file: 'grade1/17-repeat-if.lua' },
    { pack: 'kz.sandyq.grade2', file: 'grade2/19-debugging.lua' },
    { pack: 'kz.sandyq.grade3', file: 'grade3/17-conditions.lua' },
    { pack: 'kz.sandyq.grade4', file: 'grade4/17b-polygons.lua' },
  ],
};

const dump = (file) => JSON.parse(execFileSync('python3', [path.join(ROOT, 'tools/lint_texts.py'), '--dump', path.join(ROOT, 'lessons', file)], { encoding: 'utf8' }));

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// ---- light input helpers ----------------------------------------------------------------------
// Module.sandyqTest.state() serialises every pack of the course map: on a loaded CI machine one
// call costs hundreds of milliseconds, and polling it every frame slows the app itself. These
// helpers read the state once, press widgets from that snapshot and wait for animation frames
// counted in the page (a requestAnimationFrame callback runs in the same frame as the app's).
const ticks = (page, n) => page.evaluate((k) => new Promise((done) => {
  let left = k + 1;
  const f = () => (--left <= 0 ? done() : requestAnimationFrame(f));
  requestAnimationFrame(f);
}), n);

// Scrolls (mouse wheel) until widget `id` is inside the scrolling area — the lesson's body, else
// the screen between the top bar and the status strip (as harness.reveal, with light waits).
async function revealLight(page, id) {
  const vh = page.viewportSize().height;
  for (let i = 0; i < 30; i++) {
    const s = await state(page);
    const r = s.widgets[id];
    if (!r) throw new Error(`widget ${id} not on screen ${s.screen}`);
    const area = s.screen === 'lesson' && s.widgets['lesson.body'] ? s.widgets['lesson.body'] : [0, 90, 0, vh - 90 - 60];
    const top = area[1], bottom = area[1] + area[3];
    if (r[1] >= top && r[1] + r[3] <= bottom) return s;
    await page.mouse.move(page.viewportSize().width / 2, vh / 2);
    await page.mouse.wheel(0, r[1] + r[3] > bottom ? Math.min(300, r[1] + r[3] - bottom + 20) : -Math.min(300, top - r[1] + 20));
    await ticks(page, 3);
  }
  throw new Error(`could not scroll ${id} into view`);
}

// Presses widget `id` of the snapshot `s` (scrolled into view first when `scroll` and it is not
// fully visible); returns the snapshot the press used. Hover and press get a frame each; after
// the release the app draws three frames.
async function press(page, s, id, scroll = false) {
  let r = s.widgets[id];
  if (!r) throw new Error(`widget ${id} not on screen ${s.screen}; have: ${Object.keys(s.widgets).join(', ')}`);
  const area = s.screen === 'lesson' && s.widgets['lesson.body'] ? s.widgets['lesson.body'] : [0, 90, 0, page.viewportSize().height - 150];
  if (scroll && (r[1] < area[1] || r[1] + r[3] > area[1] + area[3])) {
    s = await revealLight(page, id);
    r = s.widgets[id];
  }
  await page.mouse.move(r[0] + r[2] / 2, r[1] + r[3] / 2);
  await ticks(page, 1);
  await page.mouse.down();
  await ticks(page, 1);
  await page.mouse.up();
  await ticks(page, 3);  // the new layout (a new step, a scrolled list) settles in a frame or two
  return s;
}

// Opens a lesson from the course map: the grade chip, then the lesson row.
async function openLessonLight(page, packId, lessonId) {
  let s = await state(page);
  const pack = s.course.packs.find((p) => p.id === packId);
  if (!pack) throw new Error(`${packId} is not on the course map`);
  if (s.widgets[`map.grade.${pack.grade}`]) await press(page, s, `map.grade.${pack.grade}`, true);
  const li = pack.lessons.findIndex((l) => l.id === lessonId);
  await press(page, await state(page), `map.lesson.${pack.entry}.${li}`, true);
  s = await state(page);
  if (s.screen !== 'lesson' || !s.lesson.open) throw new Error(`lesson ${lessonId} did not open (screen ${s.screen})`);
  return s;
}

// Letters as key presses (as harness.typeText does), then a few frames.
async function type(page, text) {
  await page.evaluate((t) => {
    for (const ch of t) {
      const c = ch.codePointAt(0);
      Module.canvas.dispatchEvent(new KeyboardEvent('keypress', { key: ch, charCode: c, keyCode: c, which: c, bubbles: true, cancelable: true }));
    }
  }, text);
  await ticks(page, 3);
}

async function answerQuiz(page, step, lang) {
  let s = await state(page);
  assert.equal(s.lesson.quizKind, step.kind, `${step.id}: quiz kind`);
  switch (step.kind) {
    case 'single':
    case 'multiple':
      for (const o of step.correct) s = await press(page, s, `lesson.option.${s.lesson.shown.indexOf(o)}`, true);
      break;
    case 'truefalse':
      s = await press(page, s, step.answer ? 'lesson.true' : 'lesson.false', true);
      break;
    case 'order':
      // bubble the shuffled items into place with the "up" arrows
      for (let guard = 0; guard < step.items * step.items; guard++) {
        const order = s.lesson.order;
        const k = order.findIndex((v, i) => i > 0 && order[i - 1] > v);
        if (k < 0) break;
        await press(page, s, `lesson.order.up.${k}`, true);
        s = await state(page);
      }
      assert.deepEqual(s.lesson.order, [...Array(step.items).keys()], `${step.id}: in order`);
      break;
    case 'match':
      for (let left = 0; left < step.pairs; left++) {
        s = await press(page, s, `lesson.match.left.${left}`, true);
        s = await press(page, s, `lesson.match.right.${s.lesson.shown.indexOf(left)}`, true);
      }
      break;
    case 'text':
      s = await press(page, s, 'lesson.answer', true);
      await type(page, step.answer[lang][0]);
      break;
    default:
      throw new Error(`${step.id}: quiz kind ${step.kind} is not played by this test`);
  }
  await press(page, await state(page), 'lesson.check');
  s = await state(page);
  assert.equal(s.lesson.correct, true, `${step.id}: right answer accepted (${s.lesson.feedbackKey})`);
  return s;
}

async function solveCoding(page, step) {
  assert.ok(step.solution, `${step.id}: has a reference solution`);
  const set = await page.evaluate((t) => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], [t]), step.solution);
  assert.equal(set, 1, `${step.id}: program set`);
  await ticks(page, 2);
  let s = await state(page);
  let c = s.coding;
  if (step.step === 'blocks') {
    assert.equal(c.blocks, true);
    // the live Python-style view shows the text of the blocks (the pack's solution is canonical;
    // the printer writes the maze's default step count: forward() is shown as forward(1))
    const canonical = (t) => t.trim().replace(/forward\(1\)/g, 'forward()');
    assert.equal(canonical(c.text), canonical(step.solution), `${step.id}: live text of the blocks`);
    if (step.allowed) {
      for (const b of c.workspace) {
        if (b.type !== 'events.start') assert.ok(step.allowed.includes(b.type), `${step.id}: block ${b.type} is in the toolbox`);
      }
    }
  }
  await press(page, s, 'coding.check');
  s = await state(page);
  c = s.coding;
  assert.equal(c.passed, true, `${step.id}: ${JSON.stringify(c.goals)} ${c.checkError}`);
  assert.equal(c.stars, 3, `${step.id}: the reference solution earns 3 stars`);
  return s;
}

async function playLesson(page, { pack, file }, lang) {
  const lesson = dump(file);
  let s = await openLessonLight(page, pack, lesson.id);
  assert.equal(s.lang, lang);
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i];
    assert.equal(s.lesson.stepId, step.id, `step ${i} of ${lesson.id}`);
    if (step.step === 'quiz') s = await answerQuiz(page, step, lang);
    else if (step.step !== 'theory') s = await solveCoding(page, step);
    if (i === 0 || (step.step !== 'theory' && step.step !== 'quiz')) await shot(page, `course-${lang}-${lesson.id}-${step.id}`);
    await press(page, s, 'lesson.next');
    s = await state(page);
  }
  assert.equal(s.lesson.finished, true, `${lesson.id}: the lesson-complete card`);
  assert.ok(s.widgets['lesson.done']);
  await shot(page, `course-${lang}-${lesson.id}-done`);
  await press(page, s, 'lesson.to_map', true);
  s = await state(page);
  assert.equal(s.screen, 'home');
  const mark = s.course.packs.find((p) => p.id === pack).lessons.find((l) => l.id === lesson.id);
  const checked = lesson.steps.filter((st) => st.step !== 'theory').length;
  assert.equal(mark.passed, lesson.steps.length, `${lesson.id}: every step done on the map`);
  assert.equal(mark.stars, 3 * checked, `${lesson.id}: every step right the first time`);
  // the lesson's title on the map is drawn with the UI fonts (Kazakh letters included)
  const missing = await page.evaluate((t) => JSON.parse(Module.ccall('sandyq_test_missing_glyphs', 'string', ['string'], [t])), mark.title);
  assert.deepEqual(missing, [], `${lesson.id}: glyphs of «${mark.title}»`);
  return mark;
}

test('one full lesson per grade in Kazakh and in Russian, every step right, done on the course map', async () => {
  const ctx = await launch({ width: 1024, height: 900 });
  try {
    const page = await openApp(ctx, server.url);
    let s = await courseLoaded(page);
    assert.deepEqual(s.course.broken, [], 'bundled packs load');
    for (const lang of ['kk', 'ru']) {
      await press(page, await state(page), `home.lang.${lang}`);  // the language buttons of the top bar
      s = await state(page);
      assert.equal(s.lang, lang, 'language switched on the home screen');
      const titles = [];
      for (const entry of PLAN[lang]) titles.push((await playLesson(page, entry, lang)).title);
      if (lang === 'kk') assert.ok(titles.some((t) => [...t].some((ch) => KAZAKH_LETTERS.includes(ch))), 'Kazakh titles');
      else assert.ok(titles.every((t) => /[а-яё]/i.test(t) && ![...t].some((ch) => KAZAKH_LETTERS.includes(ch))), 'Russian titles');
      await shot(page, `course-${lang}-map-after`);
    }
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
