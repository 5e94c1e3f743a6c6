// Baseline vs what-if, side by side: the two top-N lists, who entered and who left the
// top N, and every item that moved with the reason the engine gives (from `diff`).

import { h, fill, uid } from './dom';
import { formatNumber, humanize } from './format';

export interface DiffRow {
  id: string;
  title: string;
  before_rank: number | null;
  after_rank: number | null;
  change?: number;
  before_score?: number;
  after_score?: number;
  moved_by?: { term: string; before: number; after: number }[];
  reason: string;
}

export interface DiffResult {
  items: DiffRow[];
  weights?: { criterion: string; before: number | null; after: number | null }[];
  added: string[];
  removed: string[];
  top?: number;
  entered_top?: string[];
  left_top?: string[];
}

export class CompareView {
  readonly element: HTMLElement;
  private readonly target: HTMLSelectElement;
  private readonly content: HTMLElement;

  constructor(onTarget: (name: string) => void) {
    const id = uid('gs-cmp');
    this.target = h('select', { id, part: 'select' });
    this.target.addEventListener('change', () => onTarget(this.target.value));
    this.content = h('div', { 'aria-live': 'polite' });
    this.element = h(
      'section',
      { class: 'gs-compare', part: 'compare' },
      h('div', { class: 'gs-compare-head' }, h('label', { for: id }, 'Compare your what-if with'), this.target),
      this.content,
    );
  }

  /** The comparison targets: '' is the page's data; others are saved scenario names. */
  setTargets(names: string[], current: string): void {
    fill(this.target, h('option', { value: '' }, 'the baseline (the page’s data)'), ...names.map((n) => h('option', { value: n }, `scenario “${n}”`)));
    this.target.value = names.includes(current) ? current : '';
  }

  showMessage(text: string): void {
    fill(this.content, h('p', { class: 'gs-note' }, text));
  }

  /**
   * `before` names the left side ("Baseline" or a scenario); `note` says anything the lists
   * alone would hide (a scenario saved under another model is ranked by the what-if's).
   */
  render(diff: DiffResult, top: number, labelOf: (criterion: string) => string, before = 'Baseline', note = ''): void {
    const title = new Map(diff.items.map((r) => [r.id, r.title]));
    const name = (id: string) => title.get(id) ?? id;
    const entered = new Set(diff.entered_top ?? []);
    const left = new Set(diff.left_top ?? []);
    const chips: HTMLElement[] = [];
    for (const id of diff.entered_top ?? []) chips.push(h('span', { class: 'gs-chip gs-in-top' }, `▲ entered the top ${top}: ${name(id)}`));
    for (const id of diff.left_top ?? []) chips.push(h('span', { class: 'gs-chip gs-out-top' }, `▼ left the top ${top}: ${name(id)}`));
    for (const w of diff.weights ?? [])
      chips.push(h('span', { class: 'gs-chip' }, `${labelOf(w.criterion)}: ${w.before === null ? '–' : formatNumber(w.before)} → ${w.after === null ? '–' : formatNumber(w.after)}`));
    const moved = diff.items.filter((r) => r.reason !== 'unchanged');
    if (chips.length === 0 && moved.length === 0) chips.push(h('span', { class: 'gs-chip' }, `No difference: the what-if ranks exactly like ${before === 'Baseline' ? 'the baseline' : before}.`));

    const beforeTop = diff.items
      .filter((r) => r.before_rank !== null && r.before_rank <= top)
      .sort((a, b) => (a.before_rank ?? 0) - (b.before_rank ?? 0));
    const afterTop = diff.items
      .filter((r) => r.after_rank !== null && r.after_rank <= top)
      .sort((a, b) => (a.after_rank ?? 0) - (b.after_rank ?? 0));
    const list = (rows: DiffRow[], side: 'before' | 'after') =>
      h(
        'ol',
        {},
        ...rows.map((r) => {
          const cls = side === 'after' && entered.has(r.id) ? 'gs-entered' : side === 'before' && left.has(r.id) ? 'gs-left' : '';
          const li = h('li', { class: cls, value: side === 'before' ? r.before_rank : r.after_rank }, r.title);
          if (side === 'after' && r.change) li.append(' ', arrow(r.change));
          if (side === 'after' && r.before_rank === null) li.append(' ', h('span', { class: 'gs-up' }, 'new'));
          return li;
        }),
      );

    const moves = h(
      'table',
      { class: 'gs-table' },
      h('caption', { class: 'gs-sr' }, 'Items whose rank changed'),
      h(
        'thead',
        {},
        h('tr', {}, ...['Item', before, 'What-if', 'Change', 'Why'].map((t) => h('th', { scope: 'col' }, t))),
      ),
      h(
        'tbody',
        {},
        ...moved.map((r) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row', class: 'gs-title' }, r.title),
            h('td', {}, r.before_rank === null ? '–' : `#${r.before_rank}`),
            h('td', {}, r.after_rank === null ? '–' : `#${r.after_rank}`),
            h('td', {}, r.change ? arrow(r.change) : '–'),
            h('td', { class: 'gs-muted' }, reasonText(r)),
          ),
        ),
      ),
    );
    fill(
      this.content,
      note ? h('p', { class: 'gs-note' }, note) : null,
      h('div', { class: 'gs-chips' }, ...chips),
      h(
        'div',
        { class: 'gs-sides' },
        h('div', {}, h('h3', {}, `${before}: top ${top}`), list(beforeTop, 'before')),
        h('div', {}, h('h3', {}, `What-if: top ${top}`), list(afterTop, 'after')),
      ),
      moved.length ? h('div', { class: 'gs-moves' }, h('h3', { class: 'gs-sr' }, 'What moved'), moves) : null,
    );
  }
}

function arrow(change: number): HTMLElement {
  return h(
    'span',
    { class: change > 0 ? 'gs-up' : 'gs-down' },
    h('span', { 'aria-hidden': 'true' }, change > 0 ? `▲${change}` : `▼${-change}`),
    h('span', { class: 'gs-sr' }, change > 0 ? `up ${change}` : `down ${-change}`),
  );
}

function reasonText(r: DiffRow): string {
  if (r.moved_by?.length)
    return `${r.reason}: ${r.moved_by.map((m) => `${humanize(m.term)} ${formatNumber(m.before)} → ${formatNumber(m.after)}`).join(', ')}`;
  return r.reason;
}
