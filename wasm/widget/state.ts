// What a person changed, kept apart from the data: the model, weights, estimates, or a
// replacement document. Saved to localStorage, put in share links, and replayed onto the
// engine. Plain data and pure functions, so undo/redo and persistence are easy to trust.

export type NumberMap = Record<string, number>;

export interface EditState {
  /** A document that replaced the page's data (import, load()); null: the page's own. */
  document: string | null;
  /** The chosen model; null: the document's. */
  model: string | null;
  weights: NumberMap;
  /** Estimates per item id, per field name. */
  fields: Record<string, NumberMap>;
  /** Criterion scores per item id, per criterion id. */
  scores: Record<string, NumberMap>;
}

/** One undoable step. A null value means "as the document says". */
export type Change =
  | { kind: 'model'; before: string | null; after: string | null }
  | { kind: 'weight'; id: string; before: number | null; after: number | null }
  | { kind: 'field'; item: string; field: string; before: number | null; after: number | null }
  | { kind: 'score'; item: string; criterion: string; before: number | null; after: number | null }
  | { kind: 'state'; label: string; before: EditState; after: EditState };

/** Records without a prototype, so an item called "__proto__" is just a key. */
function record<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export function emptyState(): EditState {
  return { document: null, model: null, weights: record(), fields: record(), scores: record() };
}

export function isPristine(s: EditState): boolean {
  return (
    s.document === null &&
    s.model === null &&
    Object.keys(s.weights).length === 0 &&
    Object.keys(s.fields).length === 0 &&
    Object.keys(s.scores).length === 0
  );
}

function copyNested(m: Record<string, NumberMap>): Record<string, NumberMap> {
  const out = record<NumberMap>();
  for (const [k, v] of Object.entries(m)) out[k] = Object.assign(record<number>(), v);
  return out;
}

/** The model and weights of a state, without its data or estimates: what a read-only widget takes from a share link. */
export function viewOnly(s: EditState): EditState {
  const out = emptyState();
  out.model = s.model;
  Object.assign(out.weights, s.weights);
  return out;
}

export function changesData(s: EditState): boolean {
  return s.document !== null || Object.keys(s.fields).length > 0 || Object.keys(s.scores).length > 0;
}

export function cloneState(s: EditState): EditState {
  return {
    document: s.document,
    model: s.model,
    weights: Object.assign(record<number>(), s.weights),
    fields: copyNested(s.fields),
    scores: copyNested(s.scores),
  };
}

function setNested(m: Record<string, NumberMap>, outer: string, inner: string, v: number | null): void {
  if (v === null) {
    const row = m[outer];
    if (!row) return;
    delete row[inner];
    if (Object.keys(row).length === 0) delete m[outer];
    return;
  }
  (m[outer] ??= record<number>())[inner] = v;
}

/** The state after applying a change forward ('after') or backward ('before'). */
export function applyChange(s: EditState, c: Change, side: 'before' | 'after'): EditState {
  if (c.kind === 'state') return cloneState(c[side]);
  const next = cloneState(s);
  const v = c[side];
  switch (c.kind) {
    case 'model':
      next.model = v as string | null;
      break;
    case 'weight':
      if (v === null) delete next.weights[c.id];
      else next.weights[c.id] = v as number;
      break;
    case 'field':
      setNested(next.fields, c.item, c.field, v as number | null);
      break;
    case 'score':
      setNested(next.scores, c.item, c.criterion, v as number | null);
      break;
  }
  return next;
}

/** The change that undoes `c`. */
export function invert(c: Change): Change {
  return { ...c, before: c.after, after: c.before } as Change;
}

function numberMap(v: unknown): NumberMap | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const out = record<number>();
  for (const [k, x] of Object.entries(v as object)) {
    if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
  }
  return out;
}

function nestedMap(v: unknown): Record<string, NumberMap> {
  const out = record<NumberMap>();
  if (!v || typeof v !== 'object' || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v as object)) {
    const m = numberMap(x);
    if (m && Object.keys(m).length) out[k] = m;
  }
  return out;
}

/** Reads a state from storage or a share link, dropping anything malformed. */
export function sanitizeState(v: unknown): EditState | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  return {
    document: typeof o.document === 'string' ? o.document : null,
    model: typeof o.model === 'string' ? o.model : null,
    weights: numberMap(o.weights) ?? record<number>(),
    fields: nestedMap(o.fields),
    scores: nestedMap(o.scores),
  };
}

/** How many single edits a state holds (for messages like "3 edits"). */
export function editCount(s: EditState): number {
  let n = Object.keys(s.weights).length + (s.model === null ? 0 : 1) + (s.document === null ? 0 : 1);
  for (const row of Object.values(s.fields)) n += Object.keys(row).length;
  for (const row of Object.values(s.scores)) n += Object.keys(row).length;
  return n;
}

// ---- single values by path: what storage stamps and merges, and what Undo is rebased on ----

/** Where one edited value sits in an EditState. */
export type EditPath =
  | readonly ['document']
  | readonly ['model']
  | readonly ['weights', string]
  | readonly ['fields', string, string]
  | readonly ['scores', string, string];

/** A value at a path: the document's text or the model (strings), else a number. */
export type EditValue = string | number;

/** A path as one string, for maps (JSON: ids may hold any character). */
export function pathKey(p: EditPath): string {
  return JSON.stringify(p);
}

export function keyPath(key: string): EditPath {
  return JSON.parse(key) as EditPath;
}

/** Every value a state holds, by path key. */
export function flatten(s: EditState): Map<string, EditValue> {
  const out = new Map<string, EditValue>();
  if (s.document !== null) out.set(pathKey(['document']), s.document);
  if (s.model !== null) out.set(pathKey(['model']), s.model);
  for (const [id, w] of Object.entries(s.weights)) out.set(pathKey(['weights', id]), w);
  for (const kind of ['fields', 'scores'] as const) {
    for (const [item, row] of Object.entries(s[kind])) for (const [k, v] of Object.entries(row)) out.set(pathKey([kind, item, k]), v);
  }
  return out;
}

/** Sets the value at `path` in place (null: as the document says). A value of the wrong type clears it. */
function setValue(s: EditState, path: EditPath, v: EditValue | null): void {
  const text = typeof v === 'string' ? v : null;
  const num = typeof v === 'number' ? v : null;
  switch (path[0]) {
    case 'document':
      s.document = text;
      break;
    case 'model':
      s.model = text;
      break;
    case 'weights':
      if (num === null) delete s.weights[path[1]];
      else s.weights[path[1]] = num;
      break;
    case 'fields':
    case 'scores':
      setNested(s[path[0]], path[1], path[2], num);
      break;
  }
}

/** The values that differ from `a` to `b`, by path key, with b's value (null: b has none). */
export function diffStates(a: EditState, b: EditState): Map<string, EditValue | null> {
  const fa = flatten(a);
  const fb = flatten(b);
  const out = new Map<string, EditValue | null>();
  for (const [k, v] of fb) if (fa.get(k) !== v) out.set(k, v);
  for (const k of fa.keys()) if (!fb.has(k)) out.set(k, null);
  return out;
}

/** `s` with the values of `pins` (path key to value; null: as the document says). */
export function pinned(s: EditState, pins: ReadonlyMap<string, EditValue | null>): EditState {
  const next = cloneState(s);
  for (const [k, v] of pins) setValue(next, keyPath(k), v);
  return next;
}

function changeKey(c: Exclude<Change, { kind: 'state' }>): string {
  switch (c.kind) {
    case 'model':
      return pathKey(['model']);
    case 'weight':
      return pathKey(['weights', c.id]);
    case 'field':
      return pathKey(['fields', c.item, c.field]);
    case 'score':
      return pathKey(['scores', c.item, c.criterion]);
  }
}

/**
 * A step of this tab's history after another tab set the values in `pins`: those values are
 * the other tab's on both sides of the step, so undoing or redoing it never takes them back.
 * Null when nothing is left for the step to change.
 */
export function pinChange(c: Change, pins: ReadonlyMap<string, EditValue | null>): Change | null {
  if (c.kind !== 'state') return pins.has(changeKey(c)) ? null : c;
  const before = pinned(c.before, pins);
  const after = pinned(c.after, pins);
  return diffStates(before, after).size === 0 ? null : { ...c, before, after };
}
