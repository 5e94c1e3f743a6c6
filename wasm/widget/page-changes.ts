// A returning reader's saved values over a page whose data changed since they were saved (an
// author updated the wiki page): the widget shows the reader's values, and says which of them
// now stand over a different page value, so neither side's change is hidden without a word.
// The engine applied the edits already; the page's values are the session's.

import type { EditPath, EditState } from './state';
import { flatten, keyPath } from './state';

/** A saved value shown instead of the page's: `page` is what the page says now (null: nothing). */
export interface OverPageValue {
  path: EditPath;
  mine: number;
  page: number | null;
}

/** Where the page's values are read (Session.documentValue, and the weights as the engine read them). */
export interface PageValues {
  /** An estimate or criterion score as the page writes it (a range's likely value), null when it gives none. */
  input(item: string, kind: 'field' | 'score', key: string): number | null;
  /** With "weights_from": "ahp" the weight in use is not the number written. */
  weight(id: string): number | null;
}

function pageValue(page: PageValues, path: EditPath): number | null {
  switch (path[0]) {
    case 'weights':
      return page.weight(path[1]);
    case 'fields':
      return page.input(path[1], 'field', path[2]);
    case 'scores':
      return page.input(path[1], 'score', path[2]);
    default:
      return null;
  }
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
