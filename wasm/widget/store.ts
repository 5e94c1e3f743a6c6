// localStorage persistence, one entry per widget: the current edits and the named
// scenarios. Storage can be missing, full or forbidden (private modes, sandboxed iframes):
// every call is guarded and the widget keeps working without it.

import type { EditState } from './state';
import { sanitizeState } from './state';

const PREFIX = 'gapscore:';

export interface Saved {
  state: EditState;
  scenarios: Record<string, EditState>;
}

/**
 * The version of a stored entry, written as `"version"`. Entries without one come from
 * the first widgets, whose shape is version 1's: they are read as they are. When the shape
 * changes, bump this and add the migration in `migrate`.
 */
export const STORE_VERSION = 1;

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** What was found under a key: the edits, and a message when an entry had to be set aside. */
export interface LoadOutcome {
  saved: Saved | null;
  problem?: string;
}

/** Where an entry this widget cannot read is kept, untouched, instead of being overwritten. */
export function setAsideKey(key: string): string {
  return `${PREFIX}${key}:set-aside`;
}

function migrate(o: Record<string, unknown>): Record<string, unknown> | string {
  const version = o.version ?? 1; // no version: the first widgets' entries, version 1's shape
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return `it has an unknown format version (${JSON.stringify(version)})`;
  if (version > STORE_VERSION) return `it was written by a newer version of the widget (format ${version}; this one reads format ${STORE_VERSION})`;
  return o; // version 1 is the current shape
}

/**
 * Copies the entry under `from` to `to` when `to` has none: edits saved under a key this
 * version no longer uses (src keys were the attribute's text before they were the file's
 * path) are found again after an upgrade. Copied, not moved: other pages used the old key too.
 */
export function adoptEntry(from: string, to: string): void {
  const s = storage();
  if (!s || from === to) return;
  try {
    const old = s.getItem(PREFIX + from);
    if (old !== null && s.getItem(PREFIX + to) === null) s.setItem(PREFIX + to, old);
  } catch {
    // storage full or forbidden: nothing to carry over
  }
}

export function loadSaved(key: string): LoadOutcome {
  const s = storage();
  if (!s) return { saved: null };
  let raw: string | null;
  try {
    raw = s.getItem(PREFIX + key);
  } catch {
    return { saved: null };
  }
  if (!raw) return { saved: null };
  let why: string;
  try {
    const parsed = JSON.parse(raw) as unknown;
    const o = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? migrate(parsed as Record<string, unknown>) : 'it is not a saved widget state';
    if (typeof o === 'string') {
      why = o;
    } else {
      const state = sanitizeState(o.state);
      if (state) {
        const scenarios: Record<string, EditState> = Object.create(null);
        if (o.scenarios && typeof o.scenarios === 'object') {
          for (const [name, v] of Object.entries(o.scenarios)) {
            const st = sanitizeState(v);
            if (st) scenarios[name] = st;
          }
        }
        return { saved: { state, scenarios } };
      }
      why = 'it holds no widget state';
    }
  } catch {
    why = 'it is damaged (not JSON)';
  }
  return { saved: null, problem: `${why}. ${setAside(key)}` };
}

/**
 * Never drop what a user saved: moves the entry under `key` where the widget will not
 * overwrite it, and says where (a sentence for the message).
 */
export function setAside(key: string): string {
  const s = storage();
  const aside = setAsideKey(key);
  try {
    const raw = s?.getItem(PREFIX + key);
    if (!s || raw == null) return '';
    s.setItem(aside, raw);
    s.removeItem(PREFIX + key);
    return `The saved entry is kept in this browser’s localStorage as “${aside}”.`;
  } catch {
    return 'The saved entry is left as it was.';
  }
}

/** Returns false when the browser refused (quota, disabled storage). */
export function save(key: string, saved: Saved): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(PREFIX + key, JSON.stringify({ version: STORE_VERSION, ...saved }));
    return true;
  } catch {
    return false;
  }
}

export function forget(key: string): void {
  try {
    storage()?.removeItem(PREFIX + key);
  } catch {
    /* nothing to do */
  }
}
