// Unit tests, under node, of when the widget draws (wasm/widget/render-scheduler.ts), with a
// clock the test steps by hand: frames are shared, a change is announced once, a drag never
// announces and delays the slow part, and nothing settles before a ranking was drawn.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { widgetModules } from './harness.mjs';

const u = await widgetModules(`export * from './render-scheduler.ts';`);

/** requestAnimationFrame and setTimeout, run only when the test says so. */
function fakeClock() {
  let id = 0;
  let now = 0;
  const frames = new Map();
  const timers = new Map();
  return {
    frame: (run) => (frames.set(++id, run), id),
    cancelFrame: (n) => frames.delete(n),
    after: (ms, run) => (timers.set(++id, { at: now + ms, run }), id),
    cancel: (n) => timers.delete(n),
    /** Draws the frames asked for; returns how many there were. */
    paint() {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((run) => run());
      return due.length;
    },
    /** Moves time on, running the timers that fall due, earliest first. */
    tick(ms) {
      now += ms;
      for (const [n, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(n)) {
          timers.delete(n);
          t.run();
        }
      }
    },
  };
}

/** A drawing that logs what it is asked to do; frame numbers stand for what was drawn. */
function setup() {
  const log = [];
  const drawing = {
    ranks: true,
    drawn: 0,
    rows() {
      if (!this.ranks) return null;
      log.push(`rows ${++this.drawn}`);
      return this.drawn;
    },
    followDrag: () => log.push('follow drag'),
    announce: (f) => log.push(`announce ${f}`),
    settle: () => log.push('settle'),
    warm: (f) => log.push(`warm ${f}`),
  };
  const clock = fakeClock();
  const scheduler = new u.RenderScheduler(drawing, clock);
  const take = () => log.splice(0);
  return { scheduler, clock, drawing, take };
}

test('asks within one frame draw once; a change is announced once, by the next frame, and a plain redraw announces nothing', () => {
  const { scheduler, clock, take } = setup();
  scheduler.changed();
  scheduler.redraw();
  scheduler.changed();
  assert.equal(clock.paint(), 1);
  assert.deepEqual(take(), ['rows 1', 'announce 1']);
  scheduler.redraw(); // "show more rows"
  clock.paint();
  assert.deepEqual(take(), ['rows 2']);
});

test('a change whose frame cannot rank is announced by the first frame that can', () => {
  const { scheduler, clock, drawing, take } = setup();
  drawing.ranks = false;
  scheduler.changed();
  clock.paint();
  clock.tick(1000);
  assert.deepEqual(take(), [], 'nothing drawn, nothing settled or warmed');
  drawing.ranks = true;
  scheduler.redraw();
  clock.paint();
  assert.deepEqual(take(), ['rows 1', 'announce 1']);
});

test('during a drag, frames follow the slider and announce nothing; the change made on release is announced', () => {
  const { scheduler, clock, take } = setup();
  scheduler.dragStarted();
  scheduler.redraw();
  clock.paint();
  scheduler.changed(); // a change during the drag (say, from the keyboard) waits for it to end
  clock.paint();
  assert.deepEqual(take(), ['rows 1', 'follow drag', 'rows 2', 'follow drag']);
  scheduler.dragEnded();
  scheduler.changed();
  clock.paint();
  assert.deepEqual(take(), ['rows 3', 'announce 3']);
});

test('the slow part settles right after a frame, but only 150 ms after the last frame of a drag', () => {
  const { scheduler, clock, take } = setup();
  scheduler.changed();
  clock.paint();
  clock.tick(0);
  assert.deepEqual(take(), ['rows 1', 'announce 1', 'settle']);
  scheduler.dragStarted();
  scheduler.redraw();
  clock.paint();
  clock.tick(100);
  scheduler.redraw();
  clock.paint();
  clock.tick(100);
  assert.deepEqual(take(), ['rows 2', 'follow drag', 'rows 3', 'follow drag'], 'still moving: nothing settles');
  clock.tick(u.SETTLE_MS - 100);
  assert.deepEqual(take(), ['settle']);
});

test('settleNow settles at once, but never before a ranking was drawn', () => {
  const { scheduler, clock, take } = setup();
  scheduler.settleNow();
  clock.tick(0);
  assert.deepEqual(take(), []);
  scheduler.changed();
  clock.paint();
  take();
  clock.tick(0);
  scheduler.settleNow();
  scheduler.settleNow();
  clock.tick(0);
  assert.deepEqual(take(), ['settle', 'settle'], 'one for the frame, one for the two asks');
});

test('the baseline engine is warmed once, 300 ms after the first frame, for what that frame drew', () => {
  const { scheduler, clock, take } = setup();
  scheduler.changed();
  clock.paint();
  clock.tick(u.WARM_MS - 1);
  scheduler.redraw();
  clock.paint();
  clock.tick(1);
  clock.tick(5000);
  scheduler.redraw();
  clock.paint();
  clock.tick(5000);
  assert.deepEqual(take().filter((e) => e.startsWith('warm')), ['warm 1']);
});

test('stop cancels the frame asked for; a later ask draws again', () => {
  const { scheduler, clock, take } = setup();
  scheduler.changed();
  scheduler.stop();
  assert.equal(clock.paint(), 0);
  scheduler.redraw();
  assert.equal(clock.paint(), 1);
  assert.deepEqual(take(), ['rows 1', 'announce 1'], 'the change is still owed');
});
