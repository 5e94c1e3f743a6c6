// The full explanation of one item in a modal dialog: first why it sits where it does against
// its neighbours (the engine's `why`: the terms that put it above the item below and below the
// item above), then the arithmetic (formula, every term, the computation), its neighbours and
// the estimates (editable). Built from the engine's explain() JSON; every text goes through
// textContent. Focus returns where it came from.

import { h, fill, uid } from './dom';
import { numberInput, rangeWords } from './editor';
import { formatNumber, humanize } from './format';
import type { InputColumn, Session } from './session';

interface Explanation {
  id: string;
  rank?: number;
  of?: number;
  score?: number;
  title?: string;
  variant?: string;
  formula?: string;
  computation?: string;
  terms?: Record<string, unknown>[];
  above?: { id: string; score: number } | null;
  below?: { id: string; score: number } | null;
  tied_with?: string[];
  /** How many other items share the score (tied_with lists the first ten). */
  tie_count?: number;
  /** A sentence: the rank, and the terms that put the item above the one below and below the one above. */
  why?: string;
}

export class ExplainDialog {
  readonly element: HTMLDialogElement;
  private readonly heading: HTMLHeadingElement;
  private readonly body: HTMLElement;
  private readonly info: HTMLElement;
  private readonly inputs: HTMLElement;
  private returnFocus: (() => void) | null = null;
  index = -1;

  constructor() {
    const headingId = uid('gs-explain');
    this.heading = h('h2', { id: headingId });
    this.info = h('div');
    this.inputs = h('div');
    this.body = h('div', { class: 'gs-dialog-body' }, this.info, this.inputs);
    const close = h('button', { type: 'button', class: 'gs-close', part: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.element.close());
    this.element = h('dialog', { part: 'dialog', class: 'gs-dialog', 'aria-labelledby': headingId }, h('header', {}, this.heading, close), this.body);
    this.element.addEventListener('close', () => {
      this.index = -1;
      const back = this.returnFocus;
      this.returnFocus = null;
      back?.();
    });
    // A click on the backdrop (outside the box) closes, as people expect.
    this.element.addEventListener('click', (ev) => {
      if (ev.target === this.element) this.element.close();
    });
  }

  get open(): boolean {
    return this.element.open;
  }

  show(
    session: Session,
    index: number,
    columns: InputColumn[],
    readonly: boolean,
    onEdit: (col: InputColumn, value: number) => string | null,
    returnFocus: () => void,
  ): void {
    this.index = index;
    this.returnFocus = returnFocus;
    this.refresh(session, columns, readonly, onEdit);
    if (!this.element.open) this.element.showModal();
  }

  /** Re-reads the explanation (after an edit or a weight change) without moving focus. */
  refresh(session: Session, columns: InputColumn[], readonly: boolean, onEdit: (col: InputColumn, value: number) => string | null): void {
    if (this.index < 0) return;
    const id = session.ids[this.index];
    let ex: Explanation | null = null;
    try {
      ex = JSON.parse(session.explain(id)) as Explanation | null;
    } catch {
      ex = null;
    }
    this.heading.textContent = session.titles[this.index];
    const item = session.item(this.index);
    const parts: (Node | null)[] = [];
    if (!ex) {
      parts.push(h('p', {}, 'No explanation: the model cannot rank this backlog.'));
    } else {
      // The reason first, in the engine's words; the arithmetic that backs it after.
      if (ex.why) parts.push(h('p', { class: 'gs-why' }, ex.why));
      parts.push(
        h(
          'p',
          { class: 'gs-ex-summary' },
          h('strong', {}, `Rank ${ex.rank ?? '–'} of ${ex.of ?? session.size}`),
          ` · score ${formatNumber(ex.score ?? NaN)} · ${ex.variant ?? ''}`,
        ),
      );
      parts.push(h('h3', { class: 'gs-ex-h' }, 'How the score is computed'));
      if (ex.formula) parts.push(h('p', { class: 'gs-formula' }, h('span', { class: 'gs-muted' }, 'Formula: '), ex.formula));
      // In its own sideways-scrolling box (a named, focusable region when it overflows, as on a
      // phone): the whole dialog body scrolled, its last columns out of reach of the keyboard.
      if (ex.terms?.length) {
        // A term the engine gives no name is a model input: named as its field is everywhere ("ICE impact").
        const labels = new Map(columns.map((c) => [c.key, c.label]));
        parts.push(h('div', { class: 'gs-scroll' }, termsTable(ex.terms, (term) => labels.get(term) ?? humanize(term))));
      }
      if (ex.computation) parts.push(h('p', { class: 'gs-computation' }, h('code', {}, ex.computation)));
      const neighbour = (label: string, n: { id: string; score: number } | null | undefined) => {
        if (!n) return null;
        const i = session.indexOf(n.id);
        return h('li', {}, `${label}: `, i >= 0 ? session.titles[i] : n.id, ` (${formatNumber(n.score)})`);
      };
      const near = [neighbour('Just above', ex.above), neighbour('Just below', ex.below)].filter(Boolean) as HTMLElement[];
      if (ex.tied_with?.length) {
        // The engine lists the first ten; tie_count is how many share the score.
        const more = (ex.tie_count ?? ex.tied_with.length) - ex.tied_with.length;
        near.push(h('li', {}, `Tied with: ${ex.tied_with.map((t) => titleOf(session, t)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`));
      }
      if (near.length) parts.push(h('ul', { class: 'gs-near' }, ...near));
    }
    if (item?.description) parts.push(h('p', { class: 'gs-desc' }, String(item.description)));
    const facts: string[] = [];
    if (item?.moscow) facts.push(`MoSCoW: ${item.moscow}`);
    if (Array.isArray(item?.tags) && item.tags.length) facts.push(`Tags: ${item.tags.join(', ')}`);
    if (facts.length) parts.push(h('p', { class: 'gs-muted' }, facts.join(' · ')));
    const estimates: (Node | null)[] = [];
    if (columns.length) {
      const fields = columns.map((col) => {
        const label = col.label;
        const value = session.inputValue(this.index, col);
        if (readonly) return h('div', { class: 'gs-field' }, h('span', {}, label), h('span', {}, value === null ? '–' : formatNumber(value)));
        const range = session.documentRange(this.index, col);
        const words = range && rangeWords(label, { ...range, likely: value ?? range.likely });
        const input = numberInput(label, value, (v) => onEdit(col, v));
        if (session.isEdited(this.index, col)) input.classList.add('gs-edited');
        const id = uid('gs-f');
        input.id = id;
        if (!words) return h('div', { class: 'gs-field' }, h('label', { for: id }, label), input);
        // A range: the label says the number is its likely value (the engine keeps low and high).
        input.removeAttribute('aria-label');
        input.classList.add('gs-range');
        input.title = words.title;
        return h('div', { class: 'gs-field' }, h('label', { for: id }, label, ' ', h('span', { class: 'gs-range-note' }, words.note)), input);
      });
      estimates.push(h('fieldset', { class: 'gs-estimates' }, h('legend', {}, readonly ? 'Estimates' : 'Estimates (edit to see the rank move)'), ...fields));
    }
    fill(this.info, ...parts);
    // Keep a focused input alive across refreshes (the person is typing or just pressed Enter).
    if (!this.inputs.querySelector('input:focus')) fill(this.inputs, ...estimates);
  }

  close(): void {
    if (this.element.open) this.element.close();
  }
}

function titleOf(session: Session, id: string): string {
  const i = session.indexOf(id);
  return i >= 0 ? session.titles[i] : id;
}

/** The roles the core gives a formula's terms in an explanation (core/src/scoring/model_explain.cpp, wsjf.cpp). */
const TERM_ROLES: Record<string, string> = {
  factor: 'multiplies',
  divisor: 'divides',
  cost_of_delay: 'adds to cost of delay',
};

function termsTable(terms: Record<string, unknown>[], nameOf: (term: string) => string): HTMLTableElement {
  const keys: string[] = [];
  for (const t of terms) for (const k of Object.keys(t)) if (k !== 'term' && k !== 'name' && !keys.includes(k)) keys.push(k);
  const cell = (k: string, v: unknown): string => {
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'boolean') return v ? 'yes' : 'no'; // a stakeholder's "rated"
    if (v === undefined || v === null) return '';
    // A formula term's role is one of the core's codes (a stakeholder's role is their own words).
    return k === 'role' ? (TERM_ROLES[String(v)] ?? String(v)) : String(v);
  };
  return h(
    'table',
    { class: 'gs-terms' },
    h('caption', { class: 'gs-sr' }, 'The score’s terms'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Term'), ...keys.map((k) => h('th', { scope: 'col' }, humanize(k))))),
    h(
      'tbody',
      {},
      ...terms.map((t) =>
        h('tr', {}, h('th', { scope: 'row' }, String(t.name ?? nameOf(String(t.term)))), ...keys.map((k) => h('td', {}, cell(k, t[k])))),
      ),
    ),
  );
}
