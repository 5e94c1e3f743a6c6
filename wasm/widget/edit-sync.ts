// Saving one widget's edits when other tabs of the same page save theirs. Each save stamps
// what the reader changed since the last one (value by value), reads the entry, merges it into
// this tab's copy (replica.ts: later write wins) and writes the merge back; a storage event
// from another tab merges its entry the same way. What the merge brought in is handed to the
// edit controller, which shows it and rebases Undo on it. Pure apart from the EntryStore, so
// tests/browser/sync.test.mjs runs two "tabs" over one fake storage under node.

import type { Merged } from './replica';
import { Replica } from './replica';
import type { EditState } from './state';
import { cloneState, diffStates, emptyState } from './state';
import type { EntryStore, StorageProblem } from './store';
import { parseEntry, serialize, storageProblem } from './store';

export type SaveOutcome = { ok: true; merged: Merged | null } | { ok: false; problem: StorageProblem; merged: Merged | null };

export class EditSync {
  /** This tab's copy of the stored edits and scenarios. */
  replica = new Replica();
  /**
   * The reader's own edits as of the last save or merge, without saved edits this data cannot
   * take: a save stamps only what differs from it, so saved edits that no longer apply (an item
   * gone from the data) are kept as they were, never stamped away.
   */
  base: EditState = emptyState();
  /** Hash of the page's data, written with the entry (a later visit tells changed data from it). */
  page: string | null = null;

  constructor(
    private readonly store: EntryStore,
    /** This tab's id (random per page load), written with each value. */
    readonly tab: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Starts from what storage held at load (null: nothing) and the page's data. */
  adopt(saved: Replica | null, page: string | null): void {
    this.replica = saved ?? new Replica();
    this.page = page;
    this.base = this.replica.state();
  }

  /** The reader's own edits on screen now (after a load or a merge): what the next save compares with. */
  settle(own: EditState): void {
    this.base = cloneState(own);
  }

  /** Records the reader's own edits and scenarios as they are now: each value changed since is stamped. */
  record(own: EditState, scenarios: Record<string, EditState>): void {
    const stamp = this.replica.stamp(this.tab, this.now());
    this.replica.record(diffStates(this.base, own), stamp);
    this.replica.recordScenarios(scenarios, stamp);
    this.base = cloneState(own);
  }

  /** Marks saved values (path keys) as removed: saved edits the reader chose to forget. */
  forget(keys: string[]): void {
    const stamp = this.replica.stamp(this.tab, this.now());
    this.replica.record(new Map(keys.map((k) => [k, null])), stamp);
  }

  /**
   * Reads the entry, merges it in and writes the merge. `merged` is what other tabs had saved
   * meanwhile (null when nothing could be read). A failed write keeps everything in this copy:
   * the next save writes it all.
   */
  save(): SaveOutcome {
    let merged: Merged | null = null;
    try {
      merged = this.mergeText(this.store.read());
      if (this.page) this.replica.page = this.page;
      this.store.write(serialize(this.replica));
      return { ok: true, merged };
    } catch (error) {
      return { ok: false, problem: storageProblem(error), merged };
    }
  }

  /**
   * Another tab wrote the entry (a storage event's new text). When it lacks something this
   * copy holds (two writes crossed), the merge is written back so both end up the same.
   */
  receive(text: string | null): { merged: Merged | null; rewrite: SaveOutcome | null } {
    const merged = this.mergeText(text);
    if (!merged?.behind) return { merged, rewrite: null };
    return { merged, rewrite: this.save() };
  }

  private mergeText(text: string | null): Merged | null {
    if (text === null) return null;
    const theirs = parseEntry(text);
    if (typeof theirs === 'string') {
      this.store.setAside(); // unreadable: kept aside, never overwritten
      return null;
    }
    return this.replica.merge(theirs, this.tab);
  }
}
