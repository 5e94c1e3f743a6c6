// The ranked table: rank, change against the baseline, title, the model's inputs (editable
// in place), score and a stacked bar of the score's parts. Rows are keyed by item and
// reused, and only the first `limit` rows exist in the DOM, so a weight drag over 5,000
// items moves a few dozen rows per frame.

import { h, fill } from './dom';
import { numberInput, rangeWords, setInputValue } from './editor';
import { formatNumber } from './format';
import type { InputColumn, Session, Snapshot } from './session';
import { GridKeys } from './table-keys';

export interface TableHandlers {
  open(index: number, from: HTMLElement): void;
  edit(index: number, col: InputColumn, value: number): string | null;
  more(): void;
}

interface Row {
  index: number;
  tr: HTMLTableRowElement;
  rank: HTMLTableCellElement;
  delta: HTMLTableCellElement;
  inputs: HTMLInputElement[];
  score: HTMLTableCellElement;
  bar: HTMLSpanElement;
  segs: HTMLSpanElement[];
  key: string; // what was last drawn, to skip untouched rows
}

interface FocusedControl {
  index: number;
  /** Input column, or -1 for the title button. */
  column: number;
}

export interface TableView {
  session: Session;
  snapshot: Snapshot;
  top: number;
  limit: number;
}

export class RankTable {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly caption: HTMLTableCaptionElement;
  private readonly head: HTMLTableRowElement;
  private readonly body: HTMLTableSectionElement;
  private readonly legend: HTMLElement;
  private readonly moreButton: HTMLButtonElement;
  /** One tab stop, arrow keys between cells (table-keys.ts). */
  private readonly keys: GridKeys;
  private rows = new Map<number, Row>();
  private pendingFocus: FocusedControl | null = null;
  /** Rows the last render showed (where "Show N more" starts). */
  private lastShown = 0;
  /** Under the table while a tied row is shown: what "=" means. */
  private readonly tieNote: HTMLElement;
  /** A focused row drawn after the rows shown (render()), or null. */
  private keptRow: Row | null = null;
  private columns: InputColumn[] = [];
  /** Characters each input column needs (its longest value), so numbers never clip. */
  private widths: number[] = [];
  private partCount = 0;
  private readonly = false;

  constructor(private readonly handlers: TableHandlers) {
    this.caption = h('caption', { class: 'gs-sr' });
    this.head = h('tr');
    this.body = h('tbody');
    // role=grid: a screen reader passes arrow keys to the table, which moves between cells.
    this.table = h('table', { part: 'table', class: 'gs-table', role: 'grid' }, this.caption, h('thead', {}, this.head), this.body);
    this.legend = h('div', { class: 'gs-legend', part: 'legend', 'aria-hidden': 'true' });
    this.moreButton = h('button', { type: 'button', class: 'gs-more', part: 'button' });
    this.moreButton.addEventListener('click', () => this.handlers.more());
    this.tieNote = h('p', { class: 'gs-note gs-tie-note', hidden: true }, '= tied score (the same score under the tie rule); open an item for how its ties are ordered.');
    this.element = h('div', { class: 'gs-table-wrap' }, this.legend, h('div', { class: 'gs-scroll' }, this.table), this.tieNote, this.moreButton);
    this.body.addEventListener('click', (ev) => this.onClick(ev));
    this.keys = new GridKeys(this.body);
  }

  /** New model or data: new columns, and rows are rebuilt. */
  configure(session: Session, columns: InputColumn[], partNames: string[], partLabels: string[], modelLabel: string, readonly: boolean): void {
    this.columns = columns;
    this.widths = columns.map((col) => {
      let chars = 3;
      for (let i = 0; i < session.size; i++) chars = Math.max(chars, String(session.inputValue(i, col) ?? '').length);
      return Math.min(chars, 14);
    });
    this.partCount = partNames.length;
    this.readonly = readonly;
    this.table.classList.toggle('gs-wide-bars', columns.length === 0);
    // Rebuilt rows (an undo that reloads the data, a new model) would drop keyboard focus
    // to the page: remember the control, and render() puts focus back on its new copy.
    this.pendingFocus = this.focusedControl() ?? this.pendingFocus;
    this.rows.clear();
    this.body.replaceChildren();
    this.caption.textContent = `Backlog ranked by ${modelLabel}. Arrow keys move between cells; Enter on a title opens its full explanation.`;
    const th = (text: string, cls = '', abbr?: string) => h('th', { scope: 'col', class: cls, title: abbr }, text);
    fill(
      this.head,
      th('#', 'gs-rank'),
      h('th', { scope: 'col', class: 'gs-delta' }, h('span', { class: 'gs-sr' }, 'Change from baseline'), h('span', { 'aria-hidden': 'true' }, '±')),
      th('Item', 'gs-title'),
      ...columns.map((c) => th(c.label, 'gs-in')),
      th('Score', 'gs-score'),
      h('th', { scope: 'col', class: 'gs-barcol' }, h('span', { class: 'gs-sr' }, 'Score parts')),
    );
    fill(
      this.legend,
      ...(partLabels.length
        ? partLabels.map((label, k) => h('span', { class: 'gs-key' }, h('i', { class: `gs-sw gs-p${k % 8}` }), label))
        : []),
    );
  }

  render(view: TableView): void {
    const { snapshot, session, top } = view;
    const n = snapshot.order.length;
    // Moving a row that holds focus (insertBefore) blurs it in browsers: put it back after.
    const focused = this.focusedControl();
    const restore = this.pendingFocus ?? focused;
    const shown = Math.min(view.limit, n);
    let max = 0;
    for (let i = 0; i < snapshot.scores.length; i++) if (snapshot.scores[i] > max) max = snapshot.scores[i];
    const wanted = new Set<number>();
    let cursor: ChildNode | null = this.body.firstChild;
    for (let k = 0; k < shown; k++) {
      const index = snapshot.order[k];
      wanted.add(index);
      let row = this.rows.get(index);
      if (!row) {
        row = this.makeRow(index, session);
        this.rows.set(index, row);
      }
      this.updateRow(row, view, max, top);
      if (cursor === row.tr) cursor = cursor.nextSibling;
      else this.body.insertBefore(row.tr, cursor); // moves the row; the cursor stays put
    }
    // A row holding focus stays on screen: an estimate typed in it may send it below the rows
    // shown, and removing it would drop focus to the page. It is drawn after them, its own
    // rank in its first cell, until focus leaves it (never the rows between: at 178,000 items
    // that would be all of them).
    const kept = restore && restore.index < n && !wanted.has(restore.index) ? this.rows.get(restore.index) : undefined;
    // Marked, and set apart by a rule above it: it is not the next in the ranking.
    if (this.keptRow && this.keptRow !== kept) this.keptRow.tr.classList.remove('gs-kept');
    this.keptRow = kept ?? null;
    if (kept) {
      kept.tr.classList.add('gs-kept');
      wanted.add(kept.index);
      this.updateRow(kept, view, max, top);
      if (cursor === kept.tr) cursor = cursor.nextSibling;
      else this.body.insertBefore(kept.tr, cursor);
    }
    // Rows that fell out of the visible window leave the DOM; they stay cached for reuse.
    while (cursor) {
      const next: ChildNode | null = cursor.nextSibling;
      cursor.remove();
      cursor = next;
    }
    // An empty backlog says so instead of showing a bare header (the loop above removes
    // this row again once there are items).
    if (n === 0) this.body.append(h('tr', {}, h('td', { colspan: 99, class: 'gs-empty' }, 'No items in this backlog.')));
    if (this.rows.size > 4 * Math.max(shown, 50)) {
      for (const [index] of this.rows) if (!wanted.has(index)) this.rows.delete(index);
    }
    this.keys.sync();
    this.pendingFocus = null;
    if (restore) this.focusControl(restore);
    const rest = n - shown;
    let tiesShown = false;
    for (const index of wanted) if ((snapshot.tieSizes[index] ?? 1) > 1) tiesShown = true;
    this.tieNote.hidden = !tiesShown;
    // "Show N more" showing the last rows goes away: focus moves to the first row it showed,
    // not to the page (a screen reader would start again at the top).
    const moreHadFocus = this.activeElement() === this.moreButton;
    this.moreButton.hidden = rest <= 0;
    if (moreHadFocus && rest <= 0 && shown > 0) this.focusItem(snapshot.order[Math.min(this.lastShown, shown - 1)]);
    this.lastShown = shown;
    // formatNumber, not toLocaleString: the first Intl call costs 15-40 ms of the first render.
    this.moreButton.textContent = rest > 0 ? `Show ${Math.min(rest, moreStep(n))} more (${formatNumber(shown)} of ${formatNumber(n)} shown)` : '';
  }

  /** The row control with keyboard focus: its item and column (-1: the title button). */
  private focusedControl(): FocusedControl | null {
    const active = this.activeElement();
    const tr = active?.closest('tr');
    if (!active || !tr || !this.body.contains(tr)) return null;
    const row = this.rows.get(Number(tr.dataset.index));
    if (!row) return null;
    return { index: row.index, column: row.inputs.indexOf(active as HTMLInputElement) };
  }

  private focusControl(c: FocusedControl): void {
    const row = this.rows.get(c.index);
    if (!row?.tr.isConnected) return;
    const target = c.column >= 0 ? row.inputs[c.column] : row.tr.querySelector<HTMLButtonElement>('button.gs-open');
    if (target && this.activeElement() !== target) target.focus();
  }

  /** The focused element in the widget's shadow root (or the page). */
  private activeElement(): HTMLElement | null {
    return (this.body.getRootNode() as Document | ShadowRoot).activeElement as HTMLElement | null;
  }

  /** Puts focus back on an item's row button (after a dialog closes); false when its row is not on screen. */
  focusItem(index: number): boolean {
    this.focusControl({ index, column: -1 });
    return this.activeElement()?.closest('tr')?.dataset.index === String(index);
  }

  /**
   * Focus goes to an item's row button at the next render, which draws its row after the rows
   * shown when the ranking put it past them (an estimate changed in its explanation).
   */
  focusItemNextRender(index: number): void {
    this.pendingFocus = { index, column: -1 };
  }

  private makeRow(index: number, session: Session): Row {
    const item = session.item(index);
    const title = session.titles[index];
    const open = h('button', { type: 'button', class: 'gs-open', part: 'item-title' }, title);
    const titleCell = h('th', { scope: 'row', class: 'gs-title' }, open);
    if (item?.moscow) titleCell.append(' ', h('span', { class: `gs-moscow gs-m-${item.moscow}`, part: 'badge' }, item.moscow));
    const inputs: HTMLInputElement[] = [];
    const inputCells = this.columns.map((col) => {
      const range = session.documentRange(index, col);
      const words = range && rangeWords(`${col.label} of ${title}`, range);
      const value = session.inputValue(index, col);
      // The range's low and high stay whatever is typed (an edit is its likely value): say so under the number.
      const note = words && h('span', { class: 'gs-range-note', 'aria-hidden': 'true' }, words.note);
      let cell: HTMLTableCellElement;
      if (this.readonly) {
        cell = h('td', { class: 'gs-in' }, value === null ? '–' : formatNumber(value), note);
      } else {
        const input = numberInput(words?.label ?? `${col.label} of ${title}`, value, (v) => this.handlers.edit(index, col, v));
        input.style.width = `${this.widths[this.columns.indexOf(col)] + 2}ch`;
        inputs.push(input);
        cell = h('td', { class: 'gs-in' }, input, note);
      }
      return cell;
    });
    const segs: HTMLSpanElement[] = [];
    const bar = h('span', { class: 'gs-bar', part: 'bar' });
    for (let k = 0; k < Math.max(1, this.partCount); k++) {
      const seg = h('span', { class: `gs-seg gs-p${this.partCount ? k % 8 : 'x'}` });
      segs.push(seg);
      bar.append(seg);
    }
    const rank = h('td', { class: 'gs-rank' });
    const delta = h('td', { class: 'gs-delta' });
    const score = h('td', { class: 'gs-score' });
    const tr = h('tr', { part: 'row', 'data-index': index }, rank, delta, titleCell, ...inputCells, score, h('td', { class: 'gs-barcol', 'aria-hidden': 'true' }, bar));
    return { index, tr, rank, delta, inputs, score, bar, segs, key: '' };
  }

  private updateRow(row: Row, view: TableView, max: number, top: number): void {
    const { snapshot, session } = view;
    const i = row.index;
    const rank = snapshot.ranks[i];
    const base = snapshot.baselineRanks[i] ?? 0;
    const score = snapshot.scores[i];
    const tied = (snapshot.tieSizes[i] ?? 1) > 1;
    const key = `${rank}|${base}|${score}|${max}|${top}|${tied}`;
    if (row.key === key) return;
    row.key = key;
    row.rank.textContent = String(rank);
    // A tied score is marked as the command line marks it ("3="); a screen reader hears "tied".
    if (tied) row.rank.append(h('span', { 'aria-hidden': 'true' }, '='), h('span', { class: 'gs-sr' }, ', tied'));
    // The line under the top N is drawn for the eye; a screen reader hears it on the row above it.
    if (rank === top && top < snapshot.order.length) row.rank.append(h('span', { class: 'gs-sr' }, `, the top ${top} ends here`));
    const move = base ? base - rank : 0;
    row.delta.className = `gs-delta ${move > 0 ? 'gs-up' : move < 0 ? 'gs-down' : 'gs-same'}`;
    // The arrow is for the eye; screen readers get the words (aria-label on a cell is not read everywhere).
    fill(
      row.delta,
      h('span', { 'aria-hidden': 'true' }, !base ? 'new' : move > 0 ? `▲${move}` : move < 0 ? `▼${-move}` : '–'),
      h('span', { class: 'gs-sr' }, !base ? 'not in the baseline' : move > 0 ? `up ${move} from baseline rank ${base}` : move < 0 ? `down ${-move} from baseline rank ${base}` : 'same rank as the baseline'),
    );
    row.score.textContent = formatNumber(score);
    row.tr.classList.toggle('gs-cut', rank === top && top < snapshot.order.length); // no line under a shorter list
    row.tr.classList.toggle('gs-top', rank <= top);
    if (this.partCount) {
      for (let k = 0; k < this.partCount; k++) row.segs[k].style.width = pct(snapshot.parts[k][i], max);
    } else {
      row.segs[0].style.width = pct(score, max);
    }
    this.columns.forEach((col, c) => {
      const input = row.inputs[c];
      if (!input) return;
      setInputValue(input, session.inputValue(i, col));
      const edited = session.isEdited(i, col);
      input.classList.toggle('gs-edited', edited);
      const range = session.documentRange(i, col);
      input.classList.toggle('gs-range', !!range);
      if (range) input.title = rangeWords('', { ...range, likely: session.inputValue(i, col) ?? range.likely }).title;
    });
  }

  private onClick(ev: MouseEvent): void {
    const target = ev.target as HTMLElement;
    if (target.closest('input')) return;
    const tr = target.closest('tr');
    if (!tr || !this.body.contains(tr)) return;
    const index = Number(tr.dataset.index);
    this.handlers.open(index, tr.querySelector<HTMLButtonElement>('button.gs-open') ?? tr);
  }

  /** Makes the next render() redraw every row (after an edit changed input values). */
  invalidate(): void {
    for (const row of this.rows.values()) row.key = '';
  }
}

export function moreStep(n: number): number {
  return n > 1000 ? 200 : 50;
}

function pct(x: number, max: number): string {
  if (!(max > 0) || !(x > 0)) return '0%';
  return `${Math.min(100, (x / max) * 100).toFixed(2)}%`;
}
