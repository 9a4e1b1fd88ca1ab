// The Python-style playground in the browser: real clicks and real typing on the canvas.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, openApp, waitForApp, state, click, frames, widget, shot, assertClean } from './harness.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server.stop(); });

const pg = async (page) => (await state(page)).playground;
const waitMode = (page, modes, timeout = 10000) => page.waitForFunction(
  (m) => m.includes(Module.sandyqTest.state().playground.mode), modes, { timeout });

test('the sample program runs from the home screen and prints Kazakh text', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    assert.equal((await state(page)).screen, 'playground');
    // The code font joined the atlas, with every Kazakh letter.
    assert.deepEqual(await page.evaluate(() => Module.sandyqTest.missingGlyphs('ӘҒҚҢӨҰҮҺІәғқңөұүһі')), []);
    await click(page, 'play.run');
    await waitMode(page, ['finished']);
    assert.equal((await pg(page)).output, 'Сәлем, Әлия\n1 жұлдыз\n2 жұлдыз\n3 жұлдыз\n');
    await shot(page, 'playground-kk');
    assertClean(assert, page);
  } finally { await ctx.close(); }
});

test('typing with the keyboard: auto-indent after a colon, Tab is four spaces, Run', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    await page.evaluate(() => Module.sandyqTest.setCode(''));
    await frames(page, 2);
    const ed = await widget(page, 'play.editor');
    await page.mouse.click(ed.x + ed.w / 2, ed.y + 40);
    await frames(page, 2);
    await page.keyboard.type('for i in range(3):');
    await page.keyboard.press('Enter');
    await frames(page, 2);
    await page.keyboard.type('print(i * 7)');
    await page.keyboard.press('Enter');
    await frames(page, 2);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('print("end")');
    await frames(page, 3);
    assert.equal((await pg(page)).code, 'for i in range(3):\n    print(i * 7)\nprint("end")');
    await click(page, 'play.run');
    await waitMode(page, ['finished']);
    assert.equal((await pg(page)).output, '0\n7\n14\nend\n');
    await shot(page, 'playground-typed');
  } finally { await ctx.close(); }
});

test('a mistake is explained in the UI language at its line, and the language can change', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    await page.evaluate(() => Module.sandyqTest.setCode('сан = 5\nprint(сан + "1")\n'));
    await click(page, 'play.run');
    await waitMode(page, ['faulted']);
    let p = await pg(page);
    assert.equal(p.exception, 'TypeError');
    assert.equal(p.errorLine, 2);
    assert.match((await state(page)).lastMessage, /^TypeError, 2-жол: .*int.*str/);
    await widget(page, 'play.error');
    await shot(page, 'playground-error-kk');
    await click(page, 'home.lang.ru');
    assert.match((await state(page)).lastMessage, /^TypeError, строка 2: /);
    await shot(page, 'playground-error-ru');
    // A syntax error: one message, at the line where the colon is missing.
    await page.evaluate(() => Module.sandyqTest.setCode('x = 1\nif x > 0\n    print(x)\n'));
    await click(page, 'play.run');
    await waitMode(page, ['faulted']);
    p = await pg(page);
    assert.equal(p.exception, 'SyntaxError');
    assert.equal(p.errorLine, 2);
  } finally { await ctx.close(); }
});

test('an endless loop stops by itself within a second, a memory bomb is a MemoryError, the app stays alive', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    await click(page, 'play.speed.fast');
    await page.evaluate(() => Module.sandyqTest.setCode('i = 0\nwhile True:\n    i += 1\n'));
    // Time it inside the page: from the first frame that runs the program to the error.
    const timing = page.evaluate(() => new Promise((resolve) => {
      let start = 0;
      const tick = () => {
        const m = Module.sandyqTest.state().playground.mode;
        if (m === 'running' && !start) start = performance.now();
        if (m === 'faulted' && start) return resolve(performance.now() - start);
        requestAnimationFrame(tick);
      };
      tick();
    }));
    await click(page, 'play.run');
    const elapsed = await timing;
    assert.ok(elapsed < 1000, `stopped after ${Math.round(elapsed)} ms`);
    assert.equal((await pg(page)).exception, 'TimeoutError');
    await frames(page, 10);  // still drawing
    // A memory bomb ends as a MemoryError, not as a crashed page.
    await page.evaluate(() => Module.sandyqTest.setCode('s = "ab"\nwhile True:\n    s = s + s\n'));
    await click(page, 'play.run');
    await waitMode(page, ['faulted']);
    assert.equal((await pg(page)).exception, 'MemoryError');
    await frames(page, 5);
    assertClean(assert, page);
    await click(page, 'play.back');
    assert.equal((await state(page)).screen, 'home');
  } finally { await ctx.close(); }
});

test('Step runs one line at a time with the line highlighted; input() waits for the console', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    await page.evaluate(() => Module.sandyqTest.setCode('a = 2\nb = a * 3\nprint(b)\n'));
    await click(page, 'play.step');
    assert.equal((await pg(page)).execLine, 2);
    await shot(page, 'playground-step');
    await click(page, 'play.step');
    assert.equal((await pg(page)).execLine, 3);
    await click(page, 'play.step');
    await waitMode(page, ['finished']);
    assert.equal((await pg(page)).output, '6\n');

    await page.evaluate(() => Module.sandyqTest.setCode('аты = input("Атың кім? ")\nprint("Сәлем,", аты)\n'));
    await click(page, 'play.run');
    await waitMode(page, ['waiting-input']);
    assert.equal((await pg(page)).output, 'Атың кім? ');
    await page.keyboard.type('Dana');
    await click(page, 'play.send');
    await waitMode(page, ['finished']);
    assert.equal((await pg(page)).output, 'Атың кім? Dana\nСәлем, Dana\n');
  } finally { await ctx.close(); }
});

test('the code is kept on the device after a reload', async () => {
  const ctx = await launch();
  try {
    const page = await openApp(ctx, server.url);
    await click(page, 'home.play');
    await page.evaluate(() => Module.sandyqTest.setCode('print("сақталды")\n'));
    await click(page, 'play.run');
    await waitMode(page, ['finished']);
    await page.waitForFunction(() => { const i = Module.sandyqTest.storageInfo(); return i.syncCount >= 1 && !i.syncing; });
    await page.reload();
    await waitForApp(page);
    await click(page, 'home.play');
    assert.equal((await pg(page)).code, 'print("сақталды")\n');
  } finally { await ctx.close(); }
});
