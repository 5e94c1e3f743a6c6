// How far each criterion weight can move before the top N changes (the `sensitivity`
// command). It leads with what stakeholders ask, which items are in: the interval in which
// the same N items stay in the top N (in any order), and the item that enters and the one
// that leaves just past each end. The narrower interval in which they also keep their order
// comes second, with the pair that swaps first. Both are the engine's, exact (docs/models.md,
// "Sensitivity"). This is where the conversation about weights should start.

import { h, fill } from '../dom';
import { formatNumber } from '../format';
import { stackable } from '../stack-table';

/** One end of the same-items interval: who comes into the top N and who drops out just past it. */
export interface Swap {
  enters: string;
  leaves: string;
}

export interface SameItems {
  min: number;
  /** null: the weight can grow without limit. */
  max: number | null;
  min_included: boolean;
  max_included: boolean;
  below: Swap | null;
  above: Swap | null;
}

export interface WeightSensitivity {
  criterion: string;
  current: number;
  /** The ordered top N (same items, same order): the fields' documented meaning, kept. */
  stable_min: number | null;
  stable_max: number | null;
  stable_min_included?: boolean;
  stable_max_included?: boolean;
  flip_below?: [string, string] | null;
  flip_above?: [string, string] | null;
  /** The same items in the top N, in any order. */
  same_items: SameItems;
}
export interface SensitivityResult {
  top: number;
  top_items?: string[];
  weights: WeightSensitivity[];
}

/** "just above 3.9 to 5.5": an interval in words, an end the interval leaves out said so. */
function interval(min: number | null, max: number | null, minIncluded = true, maxIncluded = true): string {
  const lo = min === null ? 'any lower value' : `${minIncluded ? '' : 'just above '}${formatNumber(min)}`;
  const hi = max === null ? 'any higher value' : `${maxIncluded ? '' : 'just under '}${formatNumber(max)}`;
  return `${lo} to ${hi}`;
}

export class SensitivityView {
  readonly element: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly content: HTMLElement;

  constructor() {
    this.content = h('div');
    this.intro = h('p', { class: 'gs-note' });
    this.element = h('section', { class: 'gs-sensitivity', part: 'chart' }, this.intro, this.content);
  }

  showMessage(text: string): void {
    fill(this.content, h('p', { class: 'gs-note' }, text));
  }

  render(r: SensitivityResult, nameOf: (criterion: string) => string, titleOf: (id: string) => string, scaleMax: number): void {
    const n = r.top;
    this.intro.textContent =
      `For each weight, moved alone with the others fixed: the range in which the same ${n} items stay in the top ${n}, in any order ` +
      `(shaded), and which item comes in and which drops out just past each end. The darker part is the narrower range in which ` +
      `they also keep their order.`;
    const pos = (x: number) => `${Math.max(0, Math.min(100, (x / scaleMax) * 100)).toFixed(2)}%`;
    const band = (cls: string, lo: number, hi: number) => {
      const b = h('span', { class: cls });
      b.style.left = pos(lo);
      b.style.width = `calc(${pos(hi)} - ${pos(lo)})`;
      return b;
    };
    const swap = (s: Swap | null, end: 'lower' | 'higher', m: SameItems) => {
      if (s) return h('span', {}, h('strong', {}, titleOf(s.enters)), ' comes in, ', h('strong', {}, titleOf(s.leaves)), ' drops out');
      return h('span', { class: 'gs-muted' }, end === 'lower' ? (m.min === 0 ? 'no change, down to 0' : 'no change') : 'no change, however high');
    };
    const flip = (pair: [string, string] | null | undefined) => (pair ? `${titleOf(pair[1])} passes ${titleOf(pair[0])}` : 'no swap');
    const rows = r.weights.map((w) => {
      const m = w.same_items;
      const same = interval(m.min, m.max, m.min_included, m.max_included);
      const ordered = interval(w.stable_min, w.stable_max, w.stable_min_included ?? true, w.stable_max_included ?? true);
      const mark = h('span', { class: 'gs-mark' });
      mark.style.left = pos(w.current);
      const track = h(
        'span',
        { class: 'gs-track', 'aria-hidden': 'true' },
        band('gs-band', m.min, m.max ?? scaleMax),
        band('gs-band gs-band-ordered', w.stable_min ?? 0, w.stable_max ?? scaleMax),
        mark,
      );
      return h(
        'tr',
        { 'data-criterion': w.criterion },
        h('th', { scope: 'row', class: 'gs-title' }, nameOf(w.criterion)),
        h('td', { class: 'gs-score' }, formatNumber(w.current)),
        h('td', { class: 'gs-band-cell gs-same-items' }, track, h('span', { class: 'gs-range-text' }, same)),
        h(
          'td',
          { class: 'gs-swaps' },
          h('div', {}, h('span', { class: 'gs-muted' }, 'lower: '), swap(m.below, 'lower', m)),
          h('div', {}, h('span', { class: 'gs-muted' }, 'higher: '), swap(m.above, 'higher', m)),
        ),
        h(
          'td',
          { class: 'gs-ordered' },
          h('div', {}, ordered),
          h('div', { class: 'gs-muted' }, `lower: ${flip(w.flip_below)}`),
          h('div', { class: 'gs-muted' }, `higher: ${flip(w.flip_above)}`),
        ),
      );
    });
    // Stacked rows on a phone (stack-table.ts): at 390 px its last two columns were cut off.
    const table = stackable(h(
      'table',
      { class: 'gs-table gs-sens' },
      h('caption', { class: 'gs-sr' }, `How far each weight can move before the top ${n} changes`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Criterion', 'Weight', `Same ${n} items in the top ${n}`, 'Just past each end', 'Same order too'].map((t) => h('th', { scope: 'col' }, t)),
        ),
      ),
      h('tbody', {}, ...rows),
    ));
    fill(this.content, h('div', { class: 'gs-scroll' }, table));
  }
}
