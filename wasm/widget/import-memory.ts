// The mapping a reader chose for a sheet, remembered per header row (the engine's
// header_key) in this browser, so the next export with the same columns opens with it.
// Storage that is full or blocked only means nothing is remembered: importing still works.

import type { MappingChoice } from './import-mapping';

/** Not under "gapscore:", where each widget keeps its edits (store.ts). */
const PREFIX = 'gapscore-import-map:';

export function rememberedMapping(headerKey: string): MappingChoice | null {
  try {
    const raw = localStorage.getItem(PREFIX + headerKey);
    if (!raw) return null;
    const v = JSON.parse(raw) as { map?: unknown; locale?: unknown };
    if (!v || typeof v !== 'object' || typeof v.locale !== 'string') return null;
    if (v.map !== null && (typeof v.map !== 'object' || Array.isArray(v.map))) return null;
    const map: Record<string, string | null> = {};
    for (const [field, column] of Object.entries((v.map ?? {}) as Record<string, unknown>))
      if (typeof column === 'string' || column === null) map[field] = column;
    return { map: v.map === null ? null : map, locale: v.locale };
  } catch {
    return null;
  }
}

export function rememberMapping(headerKey: string, choice: MappingChoice): void {
  try {
    localStorage.setItem(PREFIX + headerKey, JSON.stringify(choice));
  } catch {
    // Full or blocked storage: the mapping is simply not remembered.
  }
}

export function forgetMapping(headerKey: string): void {
  try {
    localStorage.removeItem(PREFIX + headerKey);
  } catch {
    // as above
  }
}
