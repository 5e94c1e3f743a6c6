// localStorage persistence, one entry per widget: the edits and the named scenarios, each
// value stamped with when and by which tab it was written (replica.ts), so tabs merge instead
// of overwriting each other (edit-sync.ts). Storage can be missing, full or forbidden
// (private modes, sandboxed iframes, site data blocked): every call is guarded, a failed write
// says why with a code (storage_full, storage_unavailable), and the widget keeps working.

import { Replica } from './replica';
import type { EditState } from './state';
import { sanitizeState } from './state';

const PREFIX = 'gapscore:';

/**
 * The version of a stored entry, written as `"version"`. Entries without one come from the
 * first widgets, whose shape is version 1's. Version 1: `{state, scenarios}` (plain states);
 * version 2: `{edits, scenarios, page}` with a stamp on every value (replica.ts StoredEdits).
 * `migrate` reads every older version; a newer one is set aside, never overwritten.
 */
export const STORE_VERSION = 2;

/** Saved edits that could not be used: set aside, the page's data shown (docs/embedding.md). */
export const SAVED_EDITS_SET_ASIDE = 'saved_edits_set_aside';

/** The widget's codes for storage that cannot keep the edits (docs/embedding.md). */
export type StorageCode = 'storage_full' | 'storage_unavailable';

/** Why a read or write failed, with its code. */
export class StorageProblem extends Error {
  constructor(
    readonly code: StorageCode,
    message: string,
  ) {
    super(message);
  }
}

const BLOCKED = 'this browser does not let the page keep data (site data is blocked, or the page is in a sandboxed frame)';

function storage(): Storage {
  let s: Storage | null | undefined;
  try {
    s = globalThis.localStorage;
  } catch {
    throw new StorageProblem('storage_unavailable', BLOCKED); // a SecurityError: sandboxed, blocked
  }
  if (!s) throw new StorageProblem('storage_unavailable', 'this browser has no storage for web pages');
  return s;
}

/** A browser's refusal as a problem with a code: told apart by the error's name, not its words. */
function classify(error: unknown): StorageProblem {
  if (error instanceof StorageProblem) return error;
  const e = error as { name?: unknown; code?: unknown } | null;
  if (e?.name === 'QuotaExceededError' || e?.name === 'NS_ERROR_DOM_QUOTA_REACHED' || e?.code === 22)
    return new StorageProblem('storage_full', 'this browser’s storage for the site is full');
  return new StorageProblem('storage_unavailable', BLOCKED);
}

/** The localStorage key of a widget's entry (what a storage event names). */
export function entryName(key: string): string {
  return PREFIX + key;
}

/** What was found under a key: the edits, and a message when an entry had to be set aside. */
export interface LoadOutcome {
  saved: Replica | null;
  problem?: string;
}

/** Where an entry this widget cannot read is kept, untouched, instead of being overwritten. */
export function setAsideKey(key: string): string {
  return `${PREFIX}${key}:set-aside`;
}

/** An entry's text as a replica, or why it cannot be read. */
export function parseEntry(raw: string): Replica | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'it is damaged (not JSON)';
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return 'it is not a saved widget state';
  return migrate(parsed as Record<string, unknown>);
}

function migrate(o: Record<string, unknown>): Replica | string {
  const version = o.version ?? 1; // no version: the first widgets' entries, version 1's shape
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return `it has an unknown format version (${JSON.stringify(version)})`;
  if (version > STORE_VERSION) return `it was written by a newer version of the widget (format ${version}; this one reads format ${STORE_VERSION})`;
  if (version === 1) {
    // Version 1 → 2: every value stamped at time 0, so any write since wins over it.
    const state = sanitizeState(o.state);
    if (!state) return 'it holds no widget state';
    const scenarios = Object.create(null) as Record<string, EditState>;
    if (o.scenarios && typeof o.scenarios === 'object') {
      for (const [name, v] of Object.entries(o.scenarios)) {
        const st = sanitizeState(v);
        if (st) scenarios[name] = st;
      }
    }
    return Replica.fromState(state, scenarios);
  }
  if (!o.edits || typeof o.edits !== 'object' || Array.isArray(o.edits)) return 'it holds no widget state';
  return Replica.fromStored(o);
}

/** A replica as an entry's text. */
export function serialize(replica: Replica): string {
  return JSON.stringify({ version: STORE_VERSION, ...replica.toStored() });
}

/**
 * Copies the entry under `from` to `to` when `to` has none: edits saved under a key this
 * version no longer uses (src keys were the attribute's text before they were the file's
 * path) are found again after an upgrade. Copied, not moved: other pages used the old key too.
 */
export function adoptEntry(from: string, to: string): void {
  if (from === to) return;
  try {
    const s = storage();
    const old = s.getItem(PREFIX + from);
    if (old !== null && s.getItem(PREFIX + to) === null) s.setItem(PREFIX + to, old);
  } catch {
    // storage full or forbidden: nothing to carry over (the first save says so)
  }
}

/** The saved edits under `key`. Storage that cannot be read is no entry: the first save says why. */
export function loadSaved(key: string): LoadOutcome {
  let raw: string | null;
  try {
    raw = storage().getItem(PREFIX + key);
  } catch {
    return { saved: null };
  }
  if (!raw) return { saved: null };
  const read = parseEntry(raw);
  if (typeof read !== 'string') return { saved: read };
  return { saved: null, problem: `${read}. ${setAside(key)}` };
}

/**
 * Never drop what a user saved: moves the entry under `key` where the widget will not
 * overwrite it, and says where (a sentence for the message).
 */
export function setAside(key: string): string {
  try {
    const s = storage();
    const raw = s.getItem(PREFIX + key);
    if (raw == null) return '';
    // The first free name: an entry set aside earlier is someone's edits too.
    let aside = setAsideKey(key);
    for (let n = 2; s.getItem(aside) != null; n++) aside = `${setAsideKey(key)}:${n}`;
    s.setItem(aside, raw);
    s.removeItem(PREFIX + key);
    return `The saved entry is kept in this browser’s localStorage as “${aside}”.`;
  } catch {
    return 'The saved entry is left as it was.';
  }
}

/** One widget's entry, read and written whole; both throw a StorageProblem. */
export interface EntryStore {
  read(): string | null;
  write(text: string): void;
  /** Moves an entry that cannot be read aside (setAside); a sentence saying where. */
  setAside(): string;
}

/** The entry under the key `key()` names (the widget's key is chosen at its first load). */
export function entryStore(key: () => string): EntryStore {
  return {
    read: () => {
      try {
        return storage().getItem(PREFIX + key());
      } catch (error) {
        throw classify(error);
      }
    },
    write: (text) => {
      try {
        storage().setItem(PREFIX + key(), text);
      } catch (error) {
        throw classify(error);
      }
    },
    setAside: () => setAside(key()),
  };
}

export { classify as storageProblem };
