// When the widget draws. Changes ask for a frame; many asks in one frame draw once. A frame
// ranks and moves the table rows (the fast path, also during a slider drag); the slower part
// (the open explanation, the visible analysis view) waits until changes settle. The first
// frame after a change or a load announces the new order (gapscore-change), never a frame of
// a drag or a plain redraw ("show more rows"). What is drawn is the Drawing's business
// (renderer.ts); the clock is injected so tests/browser/render-scheduler.test.mjs can step it.

/** How long the slow part waits after the last frame of a drag. */
export const SETTLE_MS = 150;
/** When the baseline engine is loaded after the first frame, so the first drag does not pay for it. */
export const WARM_MS = 300;

export interface Clock {
  frame(run: () => void): number;
  cancelFrame(id: number): void;
  after(ms: number, run: () => void): number;
  cancel(id: number): void;
}

export const browserClock: Clock = {
  frame: (run) => requestAnimationFrame(() => run()),
  cancelFrame: (id) => cancelAnimationFrame(id),
  after: (ms, run) => window.setTimeout(run, ms),
  cancel: (id) => clearTimeout(id),
};

/** What a frame draws. `F` is what a drawn frame hands to announce and warm. */
export interface Drawing<F> {
  /** Ranks and draws the rows; null when nothing could be ranked (nothing loaded, or the model cannot rank). */
  rows(): F | null;
  /** During a drag: the sliders follow the engine. */
  followDrag(): void;
  /** The order just drawn, to the page (gapscore-change). */
  announce(drawn: F): void;
  /** The slow part: explanation, analysis view, notices. */
  settle(): void;
  /** Loads the baseline engine while the page is idle. */
  warm(drawn: F): void;
}

export class RenderScheduler<F> {
  private frameId = 0;
  private settleId = 0;
  private warmId = 0;
  /** The slow part has nothing to settle before a ranking was drawn. */
  private drawnOnce = false;
  /** A change or a load happened and its order has not been announced yet. */
  private unannounced = false;
  /** A slider is moving: frames follow it, and settling waits for it to pause. */
  private dragging = false;

  constructor(
    private readonly drawing: Drawing<F>,
    private readonly clock: Clock = browserClock,
  ) {}

  /** After a change or a load: draw, and announce the order on the next frame that ranks. */
  changed(): void {
    this.unannounced = true;
    this.redraw();
  }

  /** Draws on the next frame (once, however often it is asked). */
  redraw(): void {
    if (this.frameId) return;
    this.frameId = this.clock.frame(() => {
      this.frameId = 0;
      this.drawNow();
    });
  }

  /** A slider moves: frames follow it without announcing (its commit is the change). */
  dragStarted(): void {
    this.dragging = true;
  }
  dragEnded(): void {
    this.dragging = false;
  }

  /** Runs the slow part as soon as possible (a tab was chosen, a scenario removed). */
  settleNow(): void {
    this.clock.cancel(this.settleId);
    this.settleId = this.clock.after(0, () => this.settle());
  }

  /** The widget left the page: no frame is drawn for it any more. */
  stop(): void {
    this.clock.cancelFrame(this.frameId);
    this.frameId = 0;
  }

  private drawNow(): void {
    const drawn = this.drawing.rows();
    if (drawn === null) return;
    this.drawnOnce = true;
    if (this.dragging) {
      this.drawing.followDrag();
    } else if (this.unannounced) {
      this.unannounced = false;
      this.drawing.announce(drawn);
    }
    this.clock.cancel(this.settleId);
    this.settleId = this.clock.after(this.dragging ? SETTLE_MS : 0, () => this.settle());
    if (!this.warmId) this.warmId = this.clock.after(WARM_MS, () => this.drawing.warm(drawn));
  }

  private settle(): void {
    if (this.drawnOnce) this.drawing.settle();
  }
}
