// A returning reader's saved values over a page whose data changed since they were saved (an
// author updated the wiki page): the widget shows the reader's values, and says which of them
// now stand over a different page value, so neither side's change is hidden without a word.
// Only the document's numbers are read here (as the page writes them); the engine applied the
// edits already.

import type { Item } from './session';
import type { EditPath, EditState } from './state';
import { flatten, keyPath } from './state';

/** A saved value shown instead of the page's: `page` is what the page says now (null: nothing). */
export interface OverPageValue {
  path: EditPath;
  mine: number;
  page: number | null;
}

/** A number as the page writes it, or a range's likely value (the value an edit replaces). */
function numberOf(v: unknown): number | null {
  if (typeof v === 'number') return v;
  const likely = v && typeof v === 'object' ? (v as { likely?: unknown }).likely : undefined;
  return typeof likely === 'number' ? likely : null;
}

/** Where the page's values are read: an item by id as the page writes it, a weight as the engine read it. */
export interface PageValues {
  item(id: string): Item | undefined;
  /** With "weights_from": "ahp" the weight in use is not the number written. */
  weight(id: string): number | null;
}

function pageValue(page: PageValues, path: EditPath): number | null {
  if (path[0] === 'weights') return page.weight(path[1]);
  if (path[0] !== 'fields' && path[0] !== 'scores') return null;
  const item = page.item(path[1]);
  if (!item) return null;
  if (path[0] === 'fields') return numberOf(item[path[2]]);
  const scores = item.scores as Record<string, unknown> | undefined;
  return scores && typeof scores === 'object' ? numberOf(scores[path[2]]) : null;
}

/**
 * The numbers of `state` (weights, estimates, criterion scores) that differ from what the
 * page says now, in the state's order.
 */
export function valuesOverPage(page: PageValues, state: EditState): OverPageValue[] {
  const out: OverPageValue[] = [];
  for (const [key, mine] of flatten(state)) {
    if (typeof mine !== 'number') continue; // the model and a replaced document are not page values
    const path = keyPath(key);
    const now = pageValue(page, path);
    if (now !== mine) out.push({ path, mine, page: now });
  }
  return out;
}
