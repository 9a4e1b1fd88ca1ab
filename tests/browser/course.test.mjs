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
  ROOT, startServer, launch, openApp, state, click, frames, shot, assertClean, courseLoaded, reveal, clickSeen, typeText, openLesson,
  KAZAKH_LETTERS,
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

async function answerQuiz(page, step, lang) {
  let s = await state(page);
  assert.equal(s.lesson.quizKind, step.kind, `${step.id}: quiz kind`);
  switch (step.kind) {
    case 'single':
    case 'multiple':
      for (const o of step.correct) await clickSeen(page, `lesson.option.${s.lesson.shown.indexOf(o)}`);
      break;
    case 'truefalse':
      await clickSeen(page, step.answer ? 'lesson.true' : 'lesson.false');
      break;
    case 'order':
      // bubble the shuffled items into place with the "up" arrows
      for (let guard = 0; guard < step.items * step.items; guard++) {
        const order = (await state(page)).lesson.order;
        const k = order.findIndex((v, i) => i > 0 && order[i - 1] > v);
        if (k < 0) break;
        await clickSeen(page, `lesson.order.up.${k}`);
      }
      assert.deepEqual((await state(page)).lesson.order, [...Array(step.items).keys()], `${step.id}: in order`);
      break;
    case 'match':
      for (let left = 0; left < step.pairs; left++) {
        await clickSeen(page, `lesson.match.left.${left}`);
        await clickSeen(page, `lesson.match.right.${s.lesson.shown.indexOf(left)}`);
      }
      break;
    case 'text':
      await clickSeen(page, 'lesson.answer');
      await typeText(page, step.answer[lang][0]);
      break;
    default:
      throw new Error(`${step.id}: quiz kind ${step.kind} is not played by this test`);
  }
  await click(page, 'lesson.check');  // the bottom bar does not scroll
  s = await state(page);
  assert.equal(s.lesson.correct, true, `${step.id}: right answer accepted (${s.lesson.feedbackKey})`);
}

async function solveCoding(page, step) {
  assert.ok(step.solution, `${step.id}: has a reference solution`);
  const set = await page.evaluate((t) => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], [t]), step.solution);
  assert.equal(set, 1, `${step.id}: program set`);
  await frames(page, 3);
  let c = (await state(page)).coding;
  if (step.step === 'blocks') {
    assert.equal(c.blocks, true);
    // the live Python-style view shows the text of the blocks (the pack's solution is canonical)
    // (the printer writes the maze's default step count: forward() is shown as forward(1))
    const canonical = (t) => t.trim().replace(/forward\(1\)/g, 'forward()');
    assert.equal(canonical(c.text), canonical(step.solution), `${step.id}: live text of the blocks`);
    if (step.allowed) {
      for (const b of c.workspace) {
        if (b.type !== 'events.start') assert.ok(step.allowed.includes(b.type), `${step.id}: block ${b.type} is in the toolbox`);
      }
    }
  }
  await click(page, 'coding.check');
  c = (await state(page)).coding;
  assert.equal(c.passed, true, `${step.id}: ${JSON.stringify(c.goals)} ${c.checkError}`);
  assert.equal(c.stars, 3, `${step.id}: the reference solution earns 3 stars`);
}

async function playLesson(page, { pack, file }, lang) {
  const lesson = dump(file);
  await openLesson(page, pack, lesson.id);
  let s = await state(page);
  assert.equal(s.lang, lang);
  for (let i = 0; i < lesson.steps.length; i++) {
    const step = lesson.steps[i];
    s = await state(page);
    assert.equal(s.lesson.stepId, step.id, `step ${i} of ${lesson.id}`);
    if (step.step === 'quiz') await answerQuiz(page, step, lang);
    else if (step.step !== 'theory') await solveCoding(page, step);
    if (i === 0 || (step.step !== 'theory' && step.step !== 'quiz')) await shot(page, `course-${lang}-${lesson.id}-${step.id}`);
    await click(page, 'lesson.next');
    if (process.env.SANDYQ_TEST_VERBOSE) console.log(lang, lesson.id, step.id, Math.round(performance.now()));
  }
  s = await state(page);
  assert.equal(s.lesson.finished, true, `${lesson.id}: the lesson-complete card`);
  assert.ok(s.widgets['lesson.done']);
  await shot(page, `course-${lang}-${lesson.id}-done`);
  await clickSeen(page, 'lesson.to_map');
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
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    let s = await courseLoaded(page);
    assert.deepEqual(s.course.broken, [], 'bundled packs load');
    for (const lang of ['kk', 'ru']) {
      await click(page, `home.lang.${lang}`);  // the language buttons of the top bar
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
