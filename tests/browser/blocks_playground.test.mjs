// The block playground (issue 4, item 7): opened from the home screen by clicking its button, a
// maze picked, three blocks dragged from the palette into one stack by real pointer events on the
// canvas (mouse in Kazakh; touch on a touch tablet in Russian), Run until the character reaches
// the flag (and the celebration shows), then a reload restores the same program; damaged saved
// blocks give the start hat and a message, never a crash.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, waitForApp, state, click, clickSeen, tap, frames, shot, widget, mouseDrag, assertClean } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const coding = async (page) => (await state(page)).coding;

// Pointer drags on the canvas: a mouse (mouseDrag, harness.mjs) or one finger through the
// browser's touch events (touchStart / touchMove / touchEnd).

function touchDragger(cdp) {
  return async (page, from, to) => {
    const point = (p) => [{ x: Math.round(p.x), y: Math.round(p.y), id: 1, radiusX: 4, radiusY: 4, force: 1 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(from) });
    await frames(page, 3);
    for (let i = 1; i <= 8; i++) {
      const p = { x: from.x + ((to.x - from.x) * i) / 8, y: from.y + ((to.y - from.y) * i) / 8 };
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(p) });
      await frames(page, 1);
    }
    await frames(page, 2);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await frames(page, 4);
  };
}

// Drags palette block `palType` so that it snaps under block `blockId` (grab point: the palette
// block's left edge + 20, its middle).
async function dropBelow(page, drag, blockId, palType) {
  const pal = await widget(page, `coding.pal.${palType}`);
  const target = await widget(page, `coding.blk.${blockId}`);
  await drag(page, { x: pal.x + 20, y: pal.cy }, { x: target.x + 20, y: target.y + target.h + pal.h / 2 + 2 });
}

// Home → the playground → maze "A turn" (forward 2, turn right, forward 2 reaches the flag).
async function openTurnMaze(page, press) {
  assert.equal((await state(page)).screen, 'home');
  await press(page, 'home.blocks');
  let s = await state(page);
  assert.equal(s.screen, 'blocks');
  for (const id of ['maze.corridor', 'maze.turn', 'maze.stairs', 'maze.items', 'turtle.square', 'turtle.triangle', 'turtle.star']) {
    assert.ok(s.widgets[`bplay.sample.${id}`], `the picker shows ${id}`);
  }
  await press(page, 'bplay.sample.maze.turn');
  s = await state(page);
  for (const cat of ['motion', 'control', 'operators', 'variables', 'sensing', 'myblocks']) {
    assert.ok(s.widgets[`coding.cat.${cat}`], `the maze's toolbox has the ${cat} category`);
  }
  assert.equal(s.coding.sample, 'maze.turn');
  assert.equal(s.coding.world, 'maze');
  return s.coding;
}

// Builds forward(2), turn_right(), forward(2) under the start hat by three drags, the numbers typed
// on the on-screen number pad.
async function buildProgram(page, drag, press) {
  let c = await coding(page);
  const hat = c.workspace.find((b) => b.type === 'events.start');
  assert.ok(hat, 'a fresh sample starts with the start hat');
  await dropBelow(page, drag, hat.id, 'maze.forward');
  c = await coding(page);
  const fwd1 = c.workspace.find((b) => b.type === 'maze.forward');
  assert.ok(fwd1 && !fwd1.top, 'forward snapped under the hat');
  await dropBelow(page, drag, fwd1.id, 'maze.turn_right');
  c = await coding(page);
  const right = c.workspace.find((b) => b.type === 'maze.turn_right');
  assert.ok(right && !right.top, 'turn right snapped under forward');
  await dropBelow(page, drag, right.id, 'maze.forward');
  c = await coding(page);
  const fwd2 = c.workspace.filter((b) => b.type === 'maze.forward').find((b) => b.id !== fwd1.id);
  assert.ok(fwd2 && !fwd2.top, 'the second forward snapped under turn right');
  assert.equal(c.text.trim(), 'forward(1)\nturn_right()\nforward(1)');
  for (const f of [fwd1, fwd2]) {
    await press(page, `coding.fld.${f.id}.0`);
    await press(page, 'coding.pad.2');
    await press(page, 'coding.pad.ok');
  }
  c = await coding(page);
  assert.equal(c.text.trim(), 'forward(2)\nturn_right()\nforward(2)');
  assert.equal(c.blockCount, 3);
  assert.equal(c.workspace.filter((b) => b.top).length, 1, 'one stack');
  return c;
}

async function runToGoal(page, press) {
  await press(page, 'coding.run');
  await page.waitForFunction(() => {
    const c = Module.sandyqTest.state().coding;
    return c && (c.mode === 'faulted' || c.celebrating);
  }, null, { timeout: 30000 });
  const c = await coding(page);
  assert.equal(c.mode, 'finished');
  assert.equal(c.maze.atGoal, true, 'the character reached the flag');
  assert.equal(c.goalReached, true);
  await frames(page, 10);
  assert.ok((await state(page)).widgets['bplay.celebration'], 'the celebration is on screen');
  return c;
}

// Waits until the saved program has reached the browser's storage (IDBFS sync).
async function synced(page, key, program) {
  await page.waitForFunction(([k, p]) => Module.sandyqTest.storageGet(k) === p, [key, program], { timeout: 10000 });
  // each committed write starts a sync at once (coalesced while one runs): wait for it to end
  const idle = () => page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 1 && !i.syncing; }, null, { timeout: 10000 });
  await idle();
  await page.waitForTimeout(300);
  await idle();
}

async function reloadAndReopen(page, press) {
  await page.reload();
  await waitForApp(page);
  await frames(page, 3);
  await press(page, 'home.blocks');
  await press(page, 'bplay.sample.maze.turn');
  return coding(page);
}

function sameBlocks(a, b) {
  const shape = (c) => c.workspace.map((x) => `${x.id}:${x.type}:${x.top}`).join(' ');
  assert.equal(shape(b), shape(a), 'the same blocks after the reload');
  assert.equal(b.program, a.program);
  assert.equal(b.text, a.text);
}

test('blocks playground, mouse, Kazakh, 1024×768: drag three blocks, run to the flag, reload restores them', async () => {
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.lang.kk');
    await shot(page, 'bplay-home-kk');
    await openTurnMaze(page, click);
    await shot(page, 'bplay-maze-start-kk');
    const built = await buildProgram(page, mouseDrag, click);
    assert.equal(built.storageKey, 'blocks/guest/maze.turn.sqb', 'no pupil chosen: the guest slot');
    await page.waitForTimeout(200);
    await shot(page, 'bplay-maze-built-kk');
    await runToGoal(page, click);
    await shot(page, 'bplay-maze-goal-kk');
    await synced(page, built.storageKey, built.program);
    const after = await reloadAndReopen(page, click);
    sameBlocks(built, after);
    const s = await state(page);
    for (const b of after.workspace) assert.ok(s.widgets[`coding.blk.${b.id}`], `block ${b.id} is drawn`);
    assert.equal(after.maze.atGoal, false, 'the world starts again from the start');
    await shot(page, 'bplay-maze-restored-kk');
    // Back to the worlds, back home
    await click(page, 'bplay.back');
    assert.ok((await state(page)).widgets['bplay.sample.maze.turn']);
    await click(page, 'bplay.back');
    assert.equal((await state(page)).screen, 'home');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('blocks playground, touch, Russian, touch tablet 1024×768: drag by touch, run, reload restores them', async () => {
  const ctx = await launch({ width: 1024, height: 768, touch: true });
  try {
    const page = await openApp(ctx, server.url);
    const cdp = await ctx.newCDPSession(page);
    await tap(page, 'home.lang.ru');
    await openTurnMaze(page, tap);
    const built = await buildProgram(page, touchDragger(cdp), tap);
    await shot(page, 'bplay-maze-built-touch-ru');
    await runToGoal(page, tap);
    await shot(page, 'bplay-maze-goal-touch-ru');
    await synced(page, built.storageKey, built.program);
    const after = await reloadAndReopen(page, tap);
    sameBlocks(built, after);
    await shot(page, 'bplay-maze-restored-touch-ru');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('blocks playground on a phone in landscape: tabs, a turtle square, damaged saved blocks give a message', async () => {
  const ctx = await launch({ width: 844, height: 390, dpr: 2, touch: true });
  try {
    const page = await openApp(ctx, server.url);
    await tap(page, 'home.lang.ru');
    // damaged saved data for the corridor: the start hat alone and a message, no crash
    assert.equal(await page.evaluate(() => Module.sandyqTest.storagePut('blocks/guest/maze.corridor.sqb', '%% not blocks at all %%')), 'ok');
    await tap(page, 'home.blocks');
    await shot(page, 'bplay-phone-picker-ru');
    await tap(page, 'bplay.sample.maze.corridor');
    let s = await state(page);
    assert.match(s.lastMessageKey, /^blocks\.err\./, 'a message says the saved blocks are damaged');
    assert.ok(s.widgets['bplay.load_error'], 'the message is on screen');
    assert.deepEqual(s.coding.workspace.map((b) => b.type), ['events.start']);
    await shot(page, 'bplay-phone-corrupt-ru');
    await tap(page, 'bplay.back');
    // the turtle square: the program set as text, run fast, the goal is met
    // the turtle tiles are below the mazes: scroll the list by dragging it with a finger
    const cdp = await ctx.newCDPSession(page);
    for (let i = 0; i < 6; i++) {
      s = await state(page);
      const r = s.widgets['bplay.sample.turtle.square'];
      if (r && r[1] >= 50 && r[1] + r[3] <= 390 - 44) break;
      await touchDragger(cdp)(page, { x: 420, y: 300 }, { x: 420, y: 120 });
    }
    await tap(page, 'bplay.sample.turtle.square');
    s = await state(page);
    assert.equal(s.coding.world, 'turtle');
    const set = await page.evaluate(() => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], ['for i in range(4):\n    forward(100)\n    left(90)\n']));
    assert.equal(set, 1);
    await tap(page, 'coding.tab.editor');
    await shot(page, 'bplay-phone-turtle-blocks-ru');
    await tap(page, 'coding.speed');  // medium → fast
    await tap(page, 'coding.run');
    await page.waitForFunction(() => { const c = Module.sandyqTest.state().coding; return c && (c.mode === 'faulted' || c.celebrating); }, null, { timeout: 30000 });
    s = await state(page);
    assert.equal(s.coding.goalReached, true);
    assert.equal(s.coding.panel, 1, 'the phone shows the world when the goal is met');
    await frames(page, 10);
    await shot(page, 'bplay-phone-turtle-goal-ru');
    await tap(page, 'coding.tab.text');
    await shot(page, 'bplay-phone-turtle-text-ru');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

// Scrolls the palette (mouse wheel over it) until block `type` is fully in view.
async function revealPalette(page, type) {
  for (let i = 0; i < 30; i++) {
    const s = await state(page);
    const pal = s.widgets['coding.palette'];
    const r = s.widgets[`coding.pal.${type}`];
    if (r && r[1] >= pal[1] && r[1] + r[3] <= pal[1] + pal[3] && r[3] > 10) return;
    await page.mouse.move(pal[0] + pal[2] - 20, pal[1] + pal[3] / 2);
    await page.mouse.wheel(0, !r || r[1] > pal[1] ? 60 : -60);
    await frames(page, 3);
  }
  throw new Error(`palette block ${type} not in view`);
}

test('blocks playground editor tools (turtle, Kazakh): dropdown, zoom, clean-up, the running block highlighted', async () => {
  const ctx = await launch({ width: 1024, height: 768 });
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.lang.kk');
    await click(page, 'home.blocks');
    await clickSeen(page, 'bplay.sample.turtle.square');
    let c = await coding(page);
    assert.equal(c.world, 'turtle');
    const s0 = await state(page);
    for (const cat of ['motion', 'control', 'operators', 'variables', 'pen', 'myblocks']) {
      assert.ok(s0.widgets[`coding.cat.${cat}`], `the turtle's toolbox has the ${cat} category`);
    }
    assert.equal(await page.evaluate(() => Module.ccall('sandyq_test_set_coding_code', 'number', ['string'], ['for i in range(4):\n    forward(100)\n    left(90)\n'])), 1);
    await frames(page, 3);
    c = await coding(page);
    const hat = c.workspace.find((b) => b.type === 'events.start');
    // a dropdown: "pen colour" dragged under the hat, its colour chosen from the list
    await click(page, 'coding.cat.pen');
    await revealPalette(page, 'pen.colour');
    await dropBelow(page, mouseDrag, hat.id, 'pen.colour');
    c = await coding(page);
    const pen = c.workspace.find((b) => b.type === 'pen.colour');
    assert.ok(pen && !pen.top, 'pen colour snapped under the hat');
    await click(page, `coding.fld.${pen.id}.0`);
    const opts = Object.keys((await state(page)).widgets).filter((k) => k.startsWith('coding.opt.'));
    assert.ok(opts.length >= 5, 'the colour list is open');
    await shot(page, 'bplay-turtle-dropdown-kk');
    await click(page, 'coding.opt.3');
    c = await coding(page);
    assert.match(c.text, /^pen_colour\(['"]blue['"]\)\nfor i in range\(4\):/, c.text);
    // zoom in and out: the blocks grow and shrink
    const h0 = (await widget(page, `coding.blk.${pen.id}`)).h;
    await click(page, 'coding.ws.zoom_in');
    const h1 = (await widget(page, `coding.blk.${pen.id}`)).h;
    assert.ok(h1 > h0 * 1.05, `zoom in: ${h0} → ${h1}`);
    await click(page, 'coding.ws.zoom_out');
    await click(page, 'coding.ws.zoom_out');
    assert.ok((await widget(page, `coding.blk.${pen.id}`)).h < h1, 'zoom out');
    // the whole script dragged away, then Clean up puts it back at the left
    const ws = await widget(page, 'coding.workspace');
    const top0 = await widget(page, `coding.blk.${hat.id}`);
    await mouseDrag(page, { x: top0.x + 12, y: top0.cy }, { x: ws.x + ws.w * 0.6, y: ws.y + ws.h * 0.55 });
    const moved = await widget(page, `coding.blk.${hat.id}`);
    assert.ok(moved.x > top0.x + 60, 'the script was moved');
    await click(page, 'coding.ws.cleanup');
    const cleaned = await widget(page, `coding.blk.${hat.id}`);
    assert.ok(cleaned.x < moved.x - 60, 'clean-up lines the script up at the left');
    // slowly run: the block being run is highlighted (and it is one of the workspace's blocks)
    await click(page, 'coding.speed');  // medium → fast
    await click(page, 'coding.speed');  // fast → slow
    await click(page, 'coding.run');
    await page.waitForFunction(() => { const k = Module.sandyqTest.state().coding; return k && k.runningBlock > 0; }, null, { timeout: 10000 });
    c = await coding(page);
    assert.ok(c.workspace.some((b) => b.id === c.runningBlock), 'the running block is in the workspace');
    await shot(page, 'bplay-turtle-running-kk');
    await click(page, 'coding.stop');
    assert.equal((await coding(page)).mode, 'editing');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});
