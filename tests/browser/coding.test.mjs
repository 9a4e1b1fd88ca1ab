// Coding steps in the lesson player: a grade 3 block maze built by real mouse drags from the
// palette onto the canvas, run until the character reaches the goal, checked (the step's dot
// turns green); a wrong program gets a goal message and then a hint; a Python pack step solved by
// setting the code and checked; the same screen on a phone in landscape by touch.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, openApp, state, click, tap, frames, shot, widget, mouseDrag, assertClean, courseLoaded, reveal, openLesson,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

// Opens lesson `lessonId` of pack `packId` through the course map, then its step `stepId`
// through the step dots.
async function openStep(page, packId, lessonId, stepId, press = click) {
  const opened = await openLesson(page, packId, lessonId, press);
  await goStep(page, stepId, press);
  return opened;
}

// Goes to step `stepId` of the open lesson through the step dots.
async function goStep(page, stepId, press = click) {
  let s = await state(page);
  for (let i = 0; i < 40 && s.lesson.stepId !== stepId; i++) {
    await press(page, `lesson.dot.${i}`);
    s = await state(page);
  }
  assert.equal(s.lesson.stepId, stepId);
  assert.equal(s.lesson.kind, 'coding');
  await frames(page, 3);
}

const drag = mouseDrag;

// Where the block below `id` should be dropped so that it snaps under it (grab point = the
// palette block's left edge + 20, its middle).
async function dropBelow(page, blockId, palType) {
  const pal = await widget(page, `coding.pal.${palType}`);
  const target = await widget(page, `coding.blk.${blockId}`);
  const from = { x: pal.x + 20, y: pal.cy };
  const to = { x: target.x + 20, y: target.y + target.h + pal.h / 2 + 2 };
  await drag(page, from, to);
}

// Scrolls the palette (mouse wheel over it) until the block `type` is fully in view.
async function revealPalette(page, type) {
  for (let i = 0; i < 20; i++) {
    const s = await state(page);
    const pal = s.widgets['coding.palette'];
    const r = s.widgets[`coding.pal.${type}`];
    if (r && r[1] >= pal[1] && r[1] + r[3] <= pal[1] + pal[3] && r[3] > 20) return;
    await page.mouse.move(pal[0] + pal[2] - 20, pal[1] + pal[3] / 2);
    await page.mouse.wheel(0, !r || r[1] > pal[1] ? 40 : -40);
    await frames(page, 3);
  }
  throw new Error(`palette block ${type} not in view`);
}

const coding = async (page) => (await state(page)).coding;

async function waitForRunEnd(page) {
  await page.waitForFunction(() => {
    const c = Module.sandyqTest.state().coding;
    return c && (c.mode === 'finished' || c.mode === 'faulted');
  }, null, { timeout: 30000 });
  return coding(page);
}

test('a grade 3 block maze: blocks dragged from the palette, run to the goal, checked, the dot turns green', async () => {
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await click(page, 'home.lang.ru');
    const { pack } = await openStep(page, 'kz.sandyq.grade3', 'algorithm', 'blocks-flag');
    let c = await coding(page);
    assert.equal(c.blocks, true);
    assert.equal(c.world, 'maze');
    assert.equal(c.maze.atGoal, false);
    await shot(page, 'coding-blocks-start-1024');
    // the toolbox holds only the allowed blocks
    const s0 = await state(page);
    const pal = Object.keys(s0.widgets).filter((k) => k.startsWith('coding.pal.')).sort();
    assert.deepEqual(pal, ['coding.pal.events.start', 'coding.pal.maze.forward', 'coding.pal.maze.turn_left', 'coding.pal.maze.turn_right'].sort());
    // the start hat is there; build: forward(3), turn right, forward(4)
    const hat = c.workspace.find((b) => b.type === 'events.start');
    assert.ok(hat, 'the start hat is in the workspace');
    await dropBelow(page, hat.id, 'maze.forward');
    c = await coding(page);
    const fwd1 = c.workspace.find((b) => b.type === 'maze.forward');
    assert.ok(fwd1, 'forward dropped');
    assert.equal(fwd1.top, false, 'it snapped under the hat');
    assert.equal(c.text.trim(), 'forward(1)');
    // the number field: tap it, type 3 on the number pad
    await click(page, `coding.fld.${fwd1.id}.0`);
    await click(page, 'coding.pad.3');
    await click(page, 'coding.pad.ok');
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(3)');
    await dropBelow(page, fwd1.id, 'maze.turn_right');
    c = await coding(page);
    const right = c.workspace.find((b) => b.type === 'maze.turn_right');
    assert.ok(right && !right.top, 'turn right snapped under forward');
    await dropBelow(page, right.id, 'maze.forward');
    c = await coding(page);
    const fwd2 = c.workspace.filter((b) => b.type === 'maze.forward').find((b) => b.id !== fwd1.id);
    assert.ok(fwd2 && !fwd2.top);
    await click(page, `coding.fld.${fwd2.id}.0`);
    await click(page, 'coding.pad.4');
    await click(page, 'coding.pad.ok');
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(3)\nturn_right()\nforward(4)');
    assert.equal(c.blockCount, 3);
    await shot(page, 'coding-blocks-built-1024');
    // Run: the character walks to the flag (the running block is highlighted meanwhile)
    await click(page, 'coding.run');
    c = await coding(page);
    assert.ok(['running', 'finished'].includes(c.mode));
    await page.waitForTimeout(700);
    await shot(page, 'coding-blocks-running-1024');
    c = await waitForRunEnd(page);
    assert.equal(c.mode, 'finished');
    assert.equal(c.maze.atGoal, true, 'the character reached the goal');
    // Check passes with three stars; the step's dot turns green; the map counts it
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.checked, true);
    assert.equal(c.passed, true);
    assert.equal(c.stars, 3);
    assert.equal((await state(page)).lastMessageKey, 'coding.passed');
    await frames(page, 3);
    await shot(page, 'coding-blocks-passed-1024');
    await click(page, 'lesson.back');
    const s = await state(page);
    const lesson = s.course.packs.find((p) => p.id === pack.id).lessons.find((l) => l.id === 'algorithm');
    assert.ok(lesson.passed >= 1, 'the coding step counts as passed');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('a wrong block program: the run crashes, Check gives goal messages, then hints one by one; the program is kept', async () => {
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await click(page, 'home.lang.ru');
    await openStep(page, 'kz.sandyq.grade3', 'algorithm', 'blocks-flag');
    let c = await coding(page);
    const hat = c.workspace.find((b) => b.type === 'events.start');
    // turn right first: the character walks into the wall
    await dropBelow(page, hat.id, 'maze.turn_right');
    c = await coding(page);
    const right = c.workspace.find((b) => b.type === 'maze.turn_right');
    await dropBelow(page, right.id, 'maze.forward');
    c = await coding(page);
    assert.equal(c.text.trim(), 'turn_right()\nforward(1)');
    await click(page, 'coding.run');
    c = await waitForRunEnd(page);
    assert.equal(c.mode, 'faulted');
    assert.equal(c.errorKey, 'world.err.maze_wall');
    assert.ok(c.errorBlock > 0, 'the faulty block has a badge');
    await shot(page, 'coding-blocks-crash-1024');
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false);
    assert.ok(c.goals.some((g) => !g.passed && g.key), 'a goal message says what is missing');
    assert.ok((await state(page)).widgets['coding.feedback'], 'the messages are shown');
    // a hint after the failed check
    await click(page, 'coding.hint');
    c = await coding(page);
    assert.equal(c.hintsShown, 1);
    await shot(page, 'coding-blocks-hint-1024');
    // the dot is "tried", not passed; leaving and coming back keeps the program
    const program = c.program;
    await click(page, 'lesson.dot.0');
    await click(page, 'lesson.dot.6');
    c = await coding(page);
    assert.equal(c.program, program, 'the program is kept for the session');
    // drag the whole stack onto the palette: deleted
    const fwd = c.workspace.find((b) => b.type === 'maze.turn_right');
    const r = await widget(page, `coding.blk.${fwd.id}`);
    const pal = await widget(page, 'coding.palette');
    await drag(page, { x: r.x + 10, y: r.cy }, { x: pal.cx, y: pal.cy });
    c = await coding(page);
    assert.equal(c.blockCount, 0, 'dropped on the palette: deleted');
    // undo brings them back
    await click(page, 'coding.ws.undo');
    c = await coding(page);
    assert.equal(c.blockCount, 2);
    // keyboard: Tab to the editor, Insert opens the palette, Down picks "forward", Enter puts it
    // under the selected block (the hat), Enter again opens its number field
    let s = await state(page);
    for (let i = 0; i < 40 && s.keyboardFocus !== 'coding.blocks'; i++) {
      await page.keyboard.press('Tab');
      await frames(page, 2);
      s = await state(page);
    }
    assert.equal(s.keyboardFocus, 'coding.blocks', 'the block editor takes keyboard focus');
    await page.keyboard.press('Insert');
    await frames(page, 2);
    await page.keyboard.press('ArrowDown');
    await frames(page, 2);
    await page.keyboard.press('Enter');
    await frames(page, 3);
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(1)\nturn_right()\nforward(1)', 'inserted from the palette by keyboard');
    assert.equal((await state(page)).keyboardFocus, 'coding.blocks', 'arrows did not move the focus ring away');
    await page.keyboard.press('Enter');
    await frames(page, 3);
    await click(page, 'coding.pad.2');
    await page.keyboard.press('Enter');
    await frames(page, 3);
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(2)\nturn_right()\nforward(1)', 'the field edited with the number pad and Enter');
    await shot(page, 'coding-blocks-keyboard-1024');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('a Python step of the python pack: code set, run, checked', async () => {
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await click(page, 'home.lang.ru');
    await openStep(page, 'kz.sandyq.python', 'print', 'three-lines');
    let c = await coding(page);
    assert.equal(c.blocks, false);
    const set = (code) => page.evaluate((t) => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], [t]), code);
    assert.equal(await set('print(1)\nprint(3)'), 1);
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false, 'wrong output');
    await shot(page, 'coding-python-wrong-1024');
    assert.equal(await set('print(1)\nprint(2)\nprint(3)'), 1);
    await click(page, 'coding.run');
    await page.waitForFunction(() => Module.sandyqTest.state().coding.output === '1\n2\n3\n', null, { timeout: 10000 });
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true);
    await frames(page, 3);
    await shot(page, 'coding-python-passed-1024');
    // a world step written as text: the maze stairs with a for loop
    await click(page, 'lesson.back');
    await openStep(page, 'kz.sandyq.python', 'worlds', 'stairs');
    c = await coding(page);
    assert.equal(c.world, 'maze');
    assert.equal(await set('for i in range(3):\n    forward()\n    turn_right()\n    forward()\n    turn_left()'), 1);
    await click(page, 'coding.run');
    c = await waitForRunEnd(page);
    assert.equal(c.maze.atGoal, true);
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true);
    await shot(page, 'coding-python-maze-1024');
    // the turtle draws a square
    await goStep(page, 'square');
    c = await coding(page);
    assert.equal(c.world, 'turtle');
    assert.equal(await set('for i in range(4):\n    forward(100)\n    left(90)'), 1);
    await click(page, 'coding.speed');  // medium → fast
    await click(page, 'coding.run');
    c = await waitForRunEnd(page);
    assert.equal(c.mode, 'finished');
    await click(page, 'coding.check');
    assert.equal((await coding(page)).passed, true);
    await shot(page, 'coding-turtle-square-1024');
    // the robot stops near the wall (its sensor panel shows the distance)
    await goStep(page, 'stop-wall');
    c = await coding(page);
    assert.equal(c.world, 'robot');
    assert.equal(await set('robot.motors(40, 40)\nwhile robot.distance() > 3:\n    pass\nrobot.stop()'), 1);
    await click(page, 'coding.run');
    await page.waitForTimeout(1500);
    await shot(page, 'coding-robot-running-1024');
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true, JSON.stringify(c.goals));
    await shot(page, 'coding-robot-checked-1024');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('a phone in landscape: tabs, blocks by touch, the world and the check', async () => {
  const ctx = await launch({ width: 844, height: 390, dpr: 2, touch: true });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await tap(page, 'home.lang.ru');
    await openStep(page, 'kz.sandyq.grade3', 'algorithm', 'blocks-flag', tap);
    await shot(page, 'coding-phone-task');
    await tap(page, 'coding.tab.editor');
    await shot(page, 'coding-phone-blocks');
    let c = await coding(page);
    const hat = c.workspace.find((b) => b.type === 'events.start');
    // the Motion tab scrolls the palette to its blocks; a tap on a palette block puts it under
    // the last block of the script
    await tap(page, 'coding.cat.motion');
    await tap(page, 'coding.pal.maze.forward');
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(1)');
    const fwd = c.workspace.find((b) => b.type === 'maze.forward');
    await tap(page, `coding.fld.${fwd.id}.0`);
    await tap(page, 'coding.pad.3');
    await tap(page, 'coding.pad.ok');
    await revealPalette(page, 'maze.turn_right');
    await tap(page, 'coding.pal.maze.turn_right');
    await revealPalette(page, 'maze.forward');
    await tap(page, 'coding.pal.maze.forward');
    c = await coding(page);
    const fwd2 = c.workspace.filter((b) => b.type === 'maze.forward').find((b) => b.id !== fwd.id);
    await tap(page, `coding.fld.${fwd2.id}.0`);
    await shot(page, 'coding-phone-numpad');
    await tap(page, 'coding.pad.4');
    await tap(page, 'coding.pad.ok');
    c = await coding(page);
    assert.equal(c.text.trim(), 'forward(3)\nturn_right()\nforward(4)');
    assert.ok(hat);
    await tap(page, 'coding.tab.world');
    await tap(page, 'coding.run');
    c = await waitForRunEnd(page);
    assert.equal(c.maze.atGoal, true);
    await shot(page, 'coding-phone-world');
    await tap(page, 'coding.tab.text');
    await shot(page, 'coding-phone-text');
    await tap(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true);
    await shot(page, 'coding-phone-passed');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
