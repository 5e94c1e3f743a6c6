// Undo/redo over Change records. Consecutive nudges of the same weight slider (keyboard
// arrows fire one change per press) merge into one step, so undo feels like "undo my drag".

import type { Change, EditValue } from './state';
import { pinChange } from './state';

const MERGE_WINDOW_MS = 1000;
const LIMIT = 200;

export class History {
  private done: { change: Change; at: number }[] = [];
  private undone: Change[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  push(change: Change): void {
    const t = this.now();
    const last = this.done[this.done.length - 1];
    if (last && mergeable(last.change, change) && t - last.at < MERGE_WINDOW_MS) {
      last.change = { ...change, before: (last.change as typeof change).before } as Change;
      last.at = t;
    } else {
      this.done.push({ change, at: t });
      if (this.done.length > LIMIT) this.done.shift();
    }
    this.undone = [];
  }

  /** The change to revert, or null. */
  undo(): Change | null {
    const e = this.done.pop();
    if (!e) return null;
    this.undone.push(e.change);
    return e.change;
  }

  /** The change to re-apply, or null. */
  redo(): Change | null {
    const c = this.undone.pop();
    if (!c) return null;
    this.done.push({ change: c, at: 0 }); // at 0: a redone step never merges with the next
    return c;
  }

  /** The change the next undo() reverts, without taking it; null when there is none. */
  nextUndo(): Change | null {
    return this.done[this.done.length - 1]?.change ?? null;
  }

  /** The change the next redo() re-applies, without taking it. */
  nextRedo(): Change | null {
    return this.undone[this.undone.length - 1] ?? null;
  }

  /**
   * Another tab set the values in `pins` (path key to value): every step keeps them as that
   * tab left them on both of its sides, and a step with nothing left to change goes.
   */
  rebase(pins: ReadonlyMap<string, EditValue | null>): void {
    if (pins.size === 0) return;
    this.done = this.done.flatMap((e) => {
      const change = pinChange(e.change, pins);
      return change ? [{ change, at: e.at }] : [];
    });
    this.undone = this.undone.flatMap((c) => {
      const change = pinChange(c, pins);
      return change ? [change] : [];
    });
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }
  get canRedo(): boolean {
    return this.undone.length > 0;
  }
  clear(): void {
    this.done = [];
    this.undone = [];
  }
}

function mergeable(a: Change, b: Change): boolean {
  return a.kind === 'weight' && b.kind === 'weight' && a.id === b.id;
}
