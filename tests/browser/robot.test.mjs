// Robot steps with blocks in the lesson player: the grade 4 line-following step on the oval mat
// (blocks set through the test hook, run at 10×, the mat's goal reached in the state, Check
// passes; an empty and a wrong program fail), the replay slider dragged by the mouse moves the
// robot back in time, zoom in and out; the grade 3 "stop before the wall" step with blocks
// dragged from the palette. Screenshots under test-results/screenshots/robot-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launch, openApp, state, click, frames, shot, widget, paletteBlock, mouseDrag, assertClean, courseLoaded, openLesson,
} from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const coding = async (page) => (await state(page)).coding;
const setCode = (page, code) =>
  page.evaluate((t) => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], [t]), code);

async function goStep(page, stepId) {
  let s = await state(page);
  for (let i = 0; i < 40 && s.lesson.stepId !== stepId; i++) {
    await click(page, `lesson.dot.${i}`);
    s = await state(page);
  }
  assert.equal(s.lesson.stepId, stepId);
  assert.equal(s.lesson.kind, 'coding');
  await frames(page, 3);
}

async function waitForRunEnd(page, timeout = 30000) {
  await page.waitForFunction(() => {
    const c = Module.sandyqTest.state().coding;
    return c && (c.mode === 'finished' || c.mode === 'faulted');
  }, null, { timeout });
  return coding(page);
}

// A mouse press on the replay slider at fraction `f` of its track (the knob jumps there).
async function dragSlider(page, f0, f1) {
  const r = await widget(page, 'coding.replay');
  const x = (f) => r.x + 10 + (r.w - 20) * f;
  await page.mouse.move(x(f0), r.cy);
  await frames(page, 2);
  await page.mouse.down();
  await frames(page, 2);
  for (let i = 1; i <= 5; i++) {
    await page.mouse.move(x(f0 + ((f1 - f0) * i) / 5), r.cy);
    await frames(page, 1);
  }
  await page.mouse.up();
  await frames(page, 3);
}

const LINE_FOLLOWER = "while not robot.timer() > 30:\n    if robot.color() == 'black':\n        robot.motors(10, 40)\n"
  + '    else:\n        robot.motors(40, 10)\nrobot.stop()\n';

test('grade 4: the robot follows the line with blocks at 10×, passes; replay and zoom', async () => {
  const ctx = await launch({ width: 1280, height: 800 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await click(page, 'home.lang.kk');
    await openLesson(page, 'kz.sandyq.grade4', 'robot-line');
    await goStep(page, 'follow');
    let c = await coding(page);
    assert.equal(c.blocks, true, 'the robot step opens the block editor');
    assert.equal(c.world, 'robot');
    const s0 = await state(page);
    assert.ok(s0.widgets['coding.pal.robot.motors_on'], 'the palette has the robot blocks');
    assert.ok(s0.widgets['coding.world'], 'the world view is on screen');
    assert.equal(c.robot.speed, 1, 'the robot starts at 1×');
    await shot(page, 'robot-line-start-1280');

    // an empty program fails
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false, 'the empty program fails');
    // a wrong program (straight ahead for 3 s) fails with the line goal
    assert.equal(await setCode(page, 'robot.motors(40, 40, 3)\n'), 1);
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false, 'driving straight does not follow the line');
    assert.equal(c.goals[0].key, 'robot.goal.line_share');
    await waitForRunEnd(page);

    // the line follower as blocks
    assert.equal(await setCode(page, LINE_FOLLOWER), 1);
    c = await coding(page);
    const types = c.workspace.map((b) => b.type);
    for (const t of ['control.repeat_until', 'operators.gt', 'robot.timer', 'control.if_else', 'robot.color_is', 'robot.motors_on', 'robot.stop'])
      assert.ok(types.includes(t), `the program has a ${t} block`);
    assert.equal(c.text, LINE_FOLLOWER, 'the live text is the program');
    // speed 1× → 2× → 10×
    await click(page, 'coding.speed');
    assert.equal((await coding(page)).robot.speed, 2);
    await click(page, 'coding.speed');
    assert.equal((await coding(page)).robot.speed, 10);
    await click(page, 'coding.run');
    await page.waitForFunction(() => Module.sandyqTest.state().coding.robot.time > 8, null, { timeout: 15000 });
    c = await coding(page);
    assert.equal(c.mode, 'running');
    assert.equal(c.robot.canReplay, false, 'no replay while running');
    await shot(page, 'robot-line-running-1280');
    c = await waitForRunEnd(page, 20000);
    assert.equal(c.mode, 'finished', c.errorKey);
    assert.ok(c.robot.time >= 30 && c.robot.time < 31, `ran 30 s of robot time (${c.robot.time})`);
    const lineGoal = c.robot.matGoals.find((g) => g.builtin === 'follow_line');
    assert.ok(lineGoal && lineGoal.passed, `the mat's goal is reached: ${JSON.stringify(c.robot.matGoals)}`);
    await shot(page, 'robot-line-finished-1280');

    // replay: drag the slider back to about a quarter, then to the middle
    assert.equal(c.robot.canReplay, true);
    const end = c.robot.shown;
    await dragSlider(page, 0.9, 0.25);
    c = await coding(page);
    assert.ok(Math.abs(c.robot.replayTime - 7.5) < 1.0, `slider at a quarter of 30 s (${c.robot.replayTime})`);
    const quarter = c.robot.shown;
    assert.ok(Math.hypot(quarter.x - end.x, quarter.y - end.y) > 10 || Math.abs(quarter.heading - end.heading) > 30,
      `the robot is elsewhere at 7.5 s: ${JSON.stringify(quarter)} vs ${JSON.stringify(end)}`);
    await shot(page, 'robot-line-replay-quarter-1280');
    await dragSlider(page, 0.25, 0.5);
    c = await coding(page);
    assert.ok(Math.abs(c.robot.replayTime - 15) < 1.0, `slider in the middle (${c.robot.replayTime})`);
    assert.ok(Math.hypot(c.robot.shown.x - quarter.x, c.robot.shown.y - quarter.y) > 10, 'the robot moved along its path');
    // play the replay: time goes on by itself
    await click(page, 'coding.replay.play');
    await page.waitForFunction(() => Module.sandyqTest.state().coding.robot.replayTime > 16, null, { timeout: 10000 });

    // zoom in and back
    await click(page, 'coding.world.zoom_in');
    c = await coding(page);
    assert.ok(c.robot.zoom > 1.4, `zoomed in (${c.robot.zoom})`);
    await shot(page, 'robot-line-zoomed-1280');
    await click(page, 'coding.world.fit');
    assert.equal((await coding(page)).robot.zoom, 1);

    // Check: the grader passes it
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true, JSON.stringify(c.goals));
    assert.ok(c.stars >= 1);
    c = await waitForRunEnd(page, 20000);
    await frames(page, 3);
    await shot(page, 'robot-line-checked-1280');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('grade 3: stop before the wall with blocks dragged from the palette (ru)', async () => {
  const ctx = await launch({ width: 1280, height: 800 });
  try {
    const page = await openApp(ctx, server.url);
    await courseLoaded(page);
    await click(page, 'home.lang.ru');
    await openLesson(page, 'kz.sandyq.grade3', 'robot-wall');
    await goStep(page, 'stop-wall');
    let c = await coding(page);
    assert.equal(c.blocks, true);
    // an empty program fails: the robot never reaches the wall
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false);
    assert.equal(c.goals[0].key, 'robot.goal.too_far');
    await waitForRunEnd(page);
    // motors on → wait until distance < … → stop, each block dragged under the one above
    const drag = (from, to) => mouseDrag(page, from, to);
    const lastBlock = async () => {
      const w = (await coding(page)).workspace;
      return w[w.length - 1];
    };
    const below = async (palType, category) => {
      const pal = await paletteBlock(page, palType, category);
      const target = await widget(page, `coding.blk.${(await lastBlock()).id}`);
      await drag({ x: pal.x + 20, y: pal.cy }, { x: target.x + 20, y: target.y + target.h + pal.h / 2 + 2 });
    };
    await below('robot.motors_on', 'motion');
    await below('robot.wait_until', 'control');
    const waitBlock = await lastBlock();
    assert.equal(waitBlock.type, 'robot.wait_until');
    await below('robot.stop', 'motion');
    // the question goes into the hexagonal slot of "wait until"
    {
      // grabbed 10 px from its left edge, half its height down: its top-left lands on the slot's
      const pal = await paletteBlock(page, 'robot.distance_lt', 'sensing');
      const slot = await widget(page, `coding.fld.${waitBlock.id}.0`);
      await drag({ x: pal.x + 10, y: pal.cy }, { x: slot.x + 10, y: slot.y + pal.h / 2 });
    }
    c = await coding(page);
    assert.equal(c.text, 'robot.motors(50, 50)\nwhile not robot.distance() < 10:\n    pass\nrobot.stop()\n', c.editorError);
    await click(page, 'coding.run');
    c = await waitForRunEnd(page);
    assert.ok(c.robot.shown.distance < 12 && c.robot.shown.distance > 5, `stopped about 10 cm before the wall (${c.robot.shown.distance})`);
    await shot(page, 'robot-wall-10cm-1280');
    // 10 cm is too far: the grader says so
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, false);
    assert.equal(c.goals[0].key, 'robot.goal.too_far');
    await waitForRunEnd(page);
    // 4 cm passes
    const fixed = 'robot.motors(50, 50)\nwhile not robot.distance() < 4:\n    pass\nrobot.stop()\n';
    assert.equal(await setCode(page, fixed), 1);
    await click(page, 'coding.check');
    c = await coding(page);
    assert.equal(c.passed, true, JSON.stringify(c.goals));
    assert.equal(c.stars, 3);
    await waitForRunEnd(page);
    await frames(page, 3);
    await shot(page, 'robot-wall-passed-1280');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
