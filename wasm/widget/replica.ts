// One tab's copy of what is stored for a widget: every edited value (the model, a weight, an
// item's estimate, an imported document) and every named scenario, each with the time it was
// written and the tab that wrote it. Two copies merge value by value, the later write winning
// (ties by tab id), so tabs that edit different values all keep theirs and the same value ends
// up the same everywhere, whatever order the writes arrive in. A value set back to the
// document's is kept as a null (a tombstone), so the removal wins over an older write too.
// Pure data: tests/browser/sync.test.mjs runs it under node.

import type { EditPath, EditState, EditValue } from './state';
import { diffStates, emptyState, flatten, keyPath, pathKey, pinned, sanitizeState } from './state';

/** When a value was written (ms since 1970, strictly increasing per copy) and by which tab. */
export interface Stamp {
  t: number;
  by: string;
}

/** A stamped value; null: as the document says (an edit removed, a scenario deleted). */
export interface Entry<T> extends Stamp {
  v: T | null;
}

/** Whether `a` was written after `b`. */
export function newer(a: Stamp, b: Stamp): boolean {
  return a.t > b.t || (a.t === b.t && a.by > b.by);
}

/** A value this tab set that another tab's later write replaced. */
export interface Replaced {
  path: EditPath;
  mine: EditValue;
  theirs: EditValue | null;
}

/** What merging another copy in changed in this one. */
export interface Merged {
  /** Values the other copy wrote later than this one, by path key (null: back to the document's). */
  changed: Map<string, EditValue | null>;
  /** Of those, values this tab had set itself. */
  replaced: Replaced[];
  scenariosChanged: boolean;
  /** The other copy lacks something this one holds or has an older write: it should be written again. */
  behind: boolean;
}

/** The stored shape (format version 2): EditState's shape with a stamped entry at each value. */
export interface StoredEdits {
  edits: {
    document?: Entry<string>;
    model?: Entry<string>;
    weights: Record<string, Entry<number>>;
    fields: Record<string, Record<string, Entry<number>>>;
    scores: Record<string, Record<string, Entry<number>>>;
  };
  scenarios: Record<string, Entry<EditState>>;
  /** Hash of the page's data the edits were last saved with (sharing.ts hashText). */
  page?: string;
}

function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export class Replica {
  /** By path key (state.ts pathKey). */
  readonly edits = new Map<string, Entry<EditValue>>();
  readonly scenarios = new Map<string, Entry<EditState>>();
  /** Hash of the page's data the edits were last saved with; null: not known (entries from format 1). */
  page: string | null = null;

  /** Format 1 entries (a plain state and scenarios) as a copy written at time 0: any later write wins. */
  static fromState(state: EditState, scenarios: Record<string, EditState>): Replica {
    const r = new Replica();
    for (const [k, v] of flatten(state)) r.edits.set(k, { v, t: 0, by: '' });
    for (const [name, st] of Object.entries(scenarios)) r.scenarios.set(name, { v: st, t: 0, by: '' });
    return r;
  }

  /** Reads the stored shape, keeping every well-formed entry and dropping the rest. */
  static fromStored(o: Record<string, unknown>): Replica {
    const r = new Replica();
    const edits = object(o.edits);
    const take = (path: EditPath, e: unknown, type: 'string' | 'number') => {
      const entry = stamped(e, (v) => (type === 'number' ? typeof v === 'number' && Number.isFinite(v) : typeof v === 'string'));
      if (entry) r.edits.set(pathKey(path), entry as Entry<EditValue>);
    };
    take(['document'], edits.document, 'string');
    take(['model'], edits.model, 'string');
    for (const [id, e] of Object.entries(object(edits.weights))) take(['weights', id], e, 'number');
    for (const kind of ['fields', 'scores'] as const) {
      for (const [item, row] of Object.entries(object(edits[kind]))) for (const [k, e] of Object.entries(object(row))) take([kind, item, k], e, 'number');
    }
    for (const [name, e] of Object.entries(object(o.scenarios))) {
      const entry = stamped(e, (v) => sanitizeState(v) !== null);
      if (entry) r.scenarios.set(name, { ...entry, v: entry.v === null ? null : sanitizeState(entry.v) });
    }
    r.page = typeof o.page === 'string' ? o.page : null;
    return r;
  }

  toStored(): StoredEdits {
    const edits: StoredEdits['edits'] = { weights: record(), fields: record(), scores: record() };
    for (const [k, e] of this.edits) {
      const p = keyPath(k);
      if (p[0] === 'document' || p[0] === 'model') edits[p[0]] = e as Entry<string>;
      else if (p[0] === 'weights') edits.weights[p[1]] = e as Entry<number>;
      else (edits[p[0]][p[1]] ??= record())[p[2]] = e as Entry<number>;
    }
    const scenarios = record<Entry<EditState>>();
    for (const [name, e] of this.scenarios) scenarios[name] = e;
    return { edits, scenarios, ...(this.page ? { page: this.page } : {}) };
  }

  /** The edits as one state (every value that is not a tombstone). */
  state(): EditState {
    const values = new Map<string, EditValue | null>();
    for (const [k, e] of this.edits) if (e.v !== null) values.set(k, e.v);
    return pinned(emptyState(), values);
  }

  /** The value stored at a path key, or null. */
  value(key: string): EditValue | null {
    return this.edits.get(key)?.v ?? null;
  }

  /** The scenarios that are not deleted, in the order they were first seen. */
  scenarioStates(): Record<string, EditState> {
    const out = record<EditState>();
    for (const [name, e] of this.scenarios) if (e.v) out[name] = e.v;
    return out;
  }

  /** A stamp for a write now: later than every write this copy holds, even with a clock that went back. */
  stamp(by: string, now: number): Stamp {
    let t = now;
    for (const e of this.edits.values()) t = Math.max(t, e.t + 1);
    for (const e of this.scenarios.values()) t = Math.max(t, e.t + 1);
    return { t, by };
  }

  /** Records values written at `stamp` (path key to value; null: back to the document's). */
  record(changes: ReadonlyMap<string, EditValue | null>, stamp: Stamp): void {
    for (const [k, v] of changes) this.edits.set(k, { v, ...stamp });
  }

  /** Records the scenarios as they are now: each one added, replaced or deleted since is stamped. */
  recordScenarios(current: Record<string, EditState>, stamp: Stamp): void {
    for (const [name, st] of Object.entries(current)) {
      const e = this.scenarios.get(name);
      if (!sameState(e?.v ?? null, st)) this.scenarios.set(name, { v: st, ...stamp });
    }
    for (const [name, e] of this.scenarios) if (e.v && !(name in current)) this.scenarios.set(name, { v: null, ...stamp });
  }

  /** Takes in every entry of `other` written later than this copy's; `me` is this tab's id. */
  merge(other: Replica, me: string): Merged {
    const m: Merged = { changed: new Map(), replaced: [], scenariosChanged: false, behind: false };
    for (const [k, theirs] of other.edits) {
      const mine = this.edits.get(k);
      if (!mine || newer(theirs, mine)) {
        this.edits.set(k, theirs);
        if ((mine?.v ?? null) === theirs.v) continue;
        m.changed.set(k, theirs.v);
        if (mine && mine.by === me && mine.v !== null && theirs.by !== me) m.replaced.push({ path: keyPath(k), mine: mine.v, theirs: theirs.v });
      } else if (newer(mine, theirs)) {
        m.behind = true;
      }
    }
    for (const k of this.edits.keys()) if (!other.edits.has(k)) m.behind = true;
    for (const [name, theirs] of other.scenarios) {
      const mine = this.scenarios.get(name);
      if (!mine || newer(theirs, mine)) {
        this.scenarios.set(name, theirs);
        m.scenariosChanged ||= !sameState(mine?.v ?? null, theirs.v);
      } else if (newer(mine, theirs)) {
        m.behind = true;
      }
    }
    for (const name of this.scenarios.keys()) if (!other.scenarios.has(name)) m.behind = true;
    this.page ??= other.page;
    return m;
  }
}

function sameState(a: EditState | null, b: EditState | null): boolean {
  return a === null || b === null ? a === b : diffStates(a, b).size === 0;
}

function object(v: unknown): Record<string, unknown> {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A well-formed entry ({v, t, by} with a value `ok` accepts, or null), else null. */
function stamped(e: unknown, ok: (v: unknown) => boolean): Entry<unknown> | null {
  const o = object(e);
  if (typeof o.t !== 'number' || !Number.isFinite(o.t) || typeof o.by !== 'string') return null;
  if (o.v !== null && !ok(o.v)) return null;
  return { v: o.v, t: o.t, by: o.by };
}
