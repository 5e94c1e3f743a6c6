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

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function loadSaved(key: string): Saved | null {
  const s = storage();
  if (!s) return null;
  let raw: string | null;
  try {
    raw = s.getItem(PREFIX + key);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const o = JSON.parse(raw) as { state?: unknown; scenarios?: unknown };
    const state = sanitizeState(o.state);
    if (!state) return null;
    const scenarios: Record<string, EditState> = Object.create(null);
    if (o.scenarios && typeof o.scenarios === 'object') {
      for (const [name, v] of Object.entries(o.scenarios)) {
        const st = sanitizeState(v);
        if (st) scenarios[name] = st;
      }
    }
    return { state, scenarios };
  } catch {
    return null; // a damaged entry must never stop the widget from loading
  }
}

/** Returns false when the browser refused (quota, disabled storage). */
export function save(key: string, saved: Saved): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(PREFIX + key, JSON.stringify(saved));
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
