// How far each criterion weight can move before the top N changes (the `sensitivity`
// command): the stable interval drawn on the weight's scale, and the first pair of items
// that swaps at each end. This is where the conversation about weights should start.

import { h, fill } from '../dom';
import { formatNumber } from '../format';

export interface WeightSensitivity {
  criterion: string;
  current: number;
  stable_min: number | null;
  stable_max: number | null;
  flip_below?: [string, string] | null;
  flip_above?: [string, string] | null;
}
export interface SensitivityResult {
  top: number;
  top_items?: string[];
  weights: WeightSensitivity[];
}

export class SensitivityView {
  readonly element: HTMLElement;
  private readonly content: HTMLElement;

  constructor() {
    this.content = h('div');
    this.element = h(
      'section',
      { class: 'gs-sensitivity', part: 'chart' },
      h('p', { class: 'gs-note' }, 'For each weight, with the others fixed: the range in which the top N stays exactly the same (shaded), and which two items swap first when the weight leaves it.'),
      this.content,
    );
  }

  showMessage(text: string): void {
    fill(this.content, h('p', { class: 'gs-note' }, text));
  }

  render(r: SensitivityResult, nameOf: (criterion: string) => string, titleOf: (id: string) => string, scaleMax: number): void {
    const pos = (x: number) => `${Math.max(0, Math.min(100, (x / scaleMax) * 100)).toFixed(2)}%`;
    const swap = (pair: [string, string] | null | undefined) => (pair ? `${titleOf(pair[0])} ⇄ ${titleOf(pair[1])}` : 'nothing changes');
    const rows = r.weights.map((w) => {
      const lo = w.stable_min ?? 0;
      const hi = w.stable_max ?? scaleMax;
      const band = h('span', { class: 'gs-band' });
      band.style.left = pos(lo);
      band.style.width = `calc(${pos(hi)} - ${pos(lo)})`;
      const mark = h('span', { class: 'gs-mark' });
      mark.style.left = pos(w.current);
      const range = `${w.stable_min === null ? 'any lower value' : formatNumber(w.stable_min)} to ${w.stable_max === null ? 'any higher value' : formatNumber(w.stable_max)}`;
      return h(
        'tr',
        {},
        h('th', { scope: 'row', class: 'gs-title' }, nameOf(w.criterion)),
        h('td', { class: 'gs-score' }, formatNumber(w.current)),
        h('td', { class: 'gs-band-cell' }, h('span', { class: 'gs-track', 'aria-hidden': 'true' }, band, mark), h('span', { class: 'gs-sr' }, range), h('span', { class: 'gs-range-text' }, range)),
        h('td', {}, h('div', {}, h('span', { class: 'gs-muted' }, 'lower: '), swap(w.flip_below)), h('div', {}, h('span', { class: 'gs-muted' }, 'higher: '), swap(w.flip_above))),
      );
    });
    const table = h(
      'table',
      { class: 'gs-table gs-sens' },
      h('caption', { class: 'gs-sr' }, `Stable weight ranges for the top ${r.top}`),
      h('thead', {}, h('tr', {}, ...['Criterion', 'Weight', `Keeps the top ${r.top}`, 'First swap'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...rows),
    );
    fill(this.content, h('div', { class: 'gs-scroll' }, table));
  }
}
