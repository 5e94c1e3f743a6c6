// Two rankings side by side (from `diff`): the two top-N lists, who enters and who leaves the
// top N going from the left side to the right, and every item that moved with the reason the
// engine gives. Each side is named for what it is (the page's data, your what-if, a saved
// scenario); the reasons are the engine's, read by their reason_code, with item titles for the
// items the engine names.

import { h, fill, uid } from './dom';
import { formatNumber, humanize } from './format';
import { stackable } from './stack-table';

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
  /** unchanged, own_terms_changed, weights_changed, normalization_changed, model_changed, others_dropped_below, others_moved_past, added, removed */
  reason_code?: string;
  /** others_dropped_below: items that were above it and are now below it (up to three). */
  dropped_below?: string[];
  /** others_moved_past: items that overtook it (up to three). */
  moved_past?: string[];
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

/** What the two sides are and how they are ranked. */
export interface Sides {
  /** The side the comparison starts from ("The page’s data"). */
  left: string;
  /** The side it goes to ("Your what-if", "Scenario “Plan”"). */
  right: string;
  /** The label of the model both sides are ranked by. */
  modelLabel: string;
  /** Whether that model reads criterion weights (otherwise a weight difference moves nothing). */
  readsWeights: boolean;
  /** Anything the lists alone would hide (a scenario saved under another model). */
  note?: string;
}

export class CompareView {
  readonly element: HTMLElement;
  private readonly target: HTMLSelectElement;
  private readonly content: HTMLElement;

  constructor(onTarget: (name: string) => void) {
    const id = uid('gs-cmp');
    this.target = h('select', { id, part: 'select' });
    this.target.addEventListener('change', () => onTarget(this.target.value));
    this.content = h('div', {}); // what moved is said by the widget's one live region
    this.element = h(
      'section',
      { class: 'gs-compare', part: 'compare' },
      h('div', { class: 'gs-compare-head' }, h('label', { for: id }, 'Compare'), this.target),
      this.content,
    );
  }

  /** The comparison targets: '' is the page's data; others are saved scenario names. */
  setTargets(names: string[], current: string): void {
    fill(
      this.target,
      h('option', { value: '' }, 'your what-if with the page’s data (the baseline)'),
      ...names.map((n) => h('option', { value: n }, `what you see now with scenario “${n}”`)),
    );
    this.target.value = names.includes(current) ? current : '';
  }

  showMessage(text: string): void {
    fill(this.content, h('p', { class: 'gs-note' }, text));
  }

  render(diff: DiffResult, top: number, labelOf: (criterion: string) => string, sides: Sides): void {
    const title = new Map(diff.items.map((r) => [r.id, r.title]));
    const name = (id: string) => title.get(id) ?? id;
    const { left, right } = sides;
    const entered = new Set(diff.entered_top ?? []);
    const leftTop = new Set(diff.left_top ?? []);
    const chips: HTMLElement[] = [];
    for (const id of diff.entered_top ?? []) chips.push(h('span', { class: 'gs-chip gs-in-top', 'data-id': id }, `▲ entered the top ${top}: ${name(id)}`));
    for (const id of diff.left_top ?? []) chips.push(h('span', { class: 'gs-chip gs-out-top', 'data-id': id }, `▼ left the top ${top}: ${name(id)}`));
    const weights = (diff.weights ?? []).map(
      (w) => `${labelOf(w.criterion)}: ${w.before === null ? '–' : formatNumber(w.before)} → ${w.after === null ? '–' : formatNumber(w.after)}`,
    );
    // A weight difference is a change only under a model that reads weights; under another
    // it is said once, as what it is (the engine gives no item that reason either).
    if (sides.readsWeights) for (const w of weights) chips.push(h('span', { class: 'gs-chip gs-weight' }, w));
    const moved = diff.items.filter((r) => (r.reason_code ?? r.reason) !== 'unchanged');
    if (chips.length === 0 && moved.length === 0) chips.push(h('span', { class: 'gs-chip' }, `No difference: ${right} ranks exactly like ${left.charAt(0).toLowerCase()}${left.slice(1)}.`));
    const weightNote =
      !sides.readsWeights && weights.length
        ? h('p', { class: 'gs-note gs-weights-unread' }, `The weights differ too (${weights.join('; ')}), but ${sides.modelLabel} reads no weights: they move nothing here.`)
        : null;

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
          const cls = side === 'after' && entered.has(r.id) ? 'gs-entered' : side === 'before' && leftTop.has(r.id) ? 'gs-left' : '';
          const li = h('li', { class: cls, value: side === 'before' ? r.before_rank : r.after_rank }, r.title);
          if (side === 'after' && r.change) li.append(' ', arrow(r.change));
          if (side === 'after' && r.before_rank === null) li.append(' ', h('span', { class: 'gs-up' }, 'new'));
          return li;
        }),
      );

    // Stacked on a narrow widget (stack-table.ts): the reason, the point of this table, was cut off on a phone.
    const moves = stackable(h(
      'table',
      { class: 'gs-table' },
      h('caption', { class: 'gs-sr' }, 'Items whose rank changed'),
      h('thead', {}, h('tr', {}, ...['Item', left, right, 'Change', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
      h(
        'tbody',
        {},
        ...moved.map((r) =>
          h(
            'tr',
            { 'data-id': r.id, 'data-reason': r.reason_code ?? '' },
            h('th', { scope: 'row', class: 'gs-title' }, r.title),
            h('td', {}, r.before_rank === null ? '–' : `#${r.before_rank}`),
            h('td', {}, r.after_rank === null ? '–' : `#${r.after_rank}`),
            h('td', {}, r.change ? arrow(r.change) : '–'),
            h('td', { class: 'gs-muted gs-why' }, reasonText(r, name, sides.readsWeights ? labelOf : humanize)),
          ),
        ),
      ),
    ));
    fill(
      this.content,
      sides.note ? h('p', { class: 'gs-note' }, sides.note) : null,
      h('p', { class: 'gs-direction' }, `From ${left.charAt(0).toLowerCase()}${left.slice(1)} to ${right.charAt(0).toLowerCase()}${right.slice(1)}, ranked by ${sides.modelLabel}:`),
      h('div', { class: 'gs-chips' }, ...chips),
      weightNote,
      h(
        'div',
        { class: 'gs-sides' },
        h('div', {}, h('h3', {}, `${left}: top ${top}`), list(beforeTop, 'before')),
        h('div', {}, h('h3', {}, `${right}: top ${top}`), list(afterTop, 'after')),
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

/** "Dark mode and Audit log": titles in a sentence. */
function titles(ids: string[], name: (id: string) => string): string {
  const t = ids.map(name);
  return t.length > 1 ? `${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}` : (t[0] ?? '');
}

/**
 * The engine's reason, by its code: the items it names by their titles, the terms that moved
 * with their values; any other code is the engine's sentence as it is.
 */
function reasonText(r: DiffRow, name: (id: string) => string, termLabel: (term: string) => string): string {
  switch (r.reason_code) {
    case 'own_terms_changed':
      if (r.moved_by?.length) return `its own terms changed: ${r.moved_by.map((m) => `${termLabel(m.term)} ${formatNumber(m.before)} → ${formatNumber(m.after)}`).join(', ')}`;
      break;
    case 'others_dropped_below':
      if (r.dropped_below?.length) return `${titles(r.dropped_below, name)} dropped below it`;
      break;
    case 'others_moved_past':
      if (r.moved_past?.length) return `${titles(r.moved_past, name)} moved past it`;
      break;
  }
  return r.reason;
}
