// The columns of a sheet beside the fields they fill, in the Import dialog. Everything shown
// comes from the engine (`import-csv` with "detect": the columns, their first values, the
// known export it recognized, the mapping, what is left out); the reader's choices go back
// to the engine as its "map" option. No mapping rule lives here.

import { h, fill, uid } from './dom';

export interface DetectedColumn {
  name: string;
  count: number;
  sample: string;
  fields: string[];
}

export interface Detection {
  /** The export recognized; `read_as` says it in a sentence ("a Jira (Cloud or Data Center) export"). */
  source: { id: string; name: string; reference: string; read_as: string } | null;
  delimiter: string;
  locale?: string;
  header_key: string;
  rows: number;
  columns: DetectedColumn[];
  map: Record<string, string>;
  mapped: { field: string; column: string; how: string }[];
  left_out: string[];
  notes: string[];
  needs: string[];
  targets: { id: string; name: string; kind: string }[];
}

/** What the reader chose: a column (or null: left out) for every field, and how numbers are written. */
export interface MappingChoice {
  map: Record<string, string | null> | null;
  locale: string;
}

/** How numbers may be written, as a reader recognizes them; the engine knows the rules of each tag. */
const LOCALES: [string, string][] = [
  ['', 'Plain numbers (1234.5)'],
  ['en', '1,234.5 (English)'],
  ['de', '1.234,5 (German, Dutch, Spanish, Italian…)'],
  ['fr', '1 234,5 (French, Nordic, Polish…)'],
  ['de-CH', '1’234.5 (Swiss)'],
];

export class MappingPanel {
  readonly element: HTMLElement;
  private readonly intro: HTMLElement;
  private readonly body: HTMLElement;
  private readonly locale: HTMLSelectElement;
  private readonly reset: HTMLButtonElement;
  private selects = new Map<string, HTMLSelectElement>();
  private detection: Detection | null = null;

  /** `changed` runs after each choice the reader makes; `resetToDetected` forgets a remembered mapping. */
  constructor(private readonly changed: () => void, private readonly resetToDetected: () => void) {
    const headingId = uid('gs-mapping');
    const localeId = uid('gs-locale');
    this.intro = h('p', { class: 'gs-note' });
    this.body = h('tbody');
    this.locale = h('select', { id: localeId }, ...LOCALES.map(([tag, text]) => h('option', { value: tag }, text)));
    this.locale.addEventListener('change', () => this.changed());
    this.reset = h('button', { type: 'button', class: 'gs-btn', part: 'button', hidden: true }, 'Use the detected mapping');
    this.reset.addEventListener('click', () => this.resetToDetected());
    this.element = h(
      'section',
      { class: 'gs-mapping', 'aria-labelledby': headingId, hidden: true },
      h('h4', { id: headingId }, 'Columns'),
      this.intro,
      h('div', { class: 'gs-row' }, h('label', { for: localeId }, 'Numbers written as'), this.locale, this.reset),
      h('table', { class: 'gs-mapping-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Column of the sheet'), h('th', { scope: 'col' }, 'First value'))), this.body),
      // What is left out, and the export's own notes, are the import's warnings, which the
      // preview lists right below: said once, there.
    );
  }

  hide(): void {
    this.element.hidden = true;
    this.detection = null;
  }

  /** Shows the engine's reading of the sheet; `remembered`: the mapping came from an earlier import of these columns. */
  show(d: Detection, remembered: boolean): void {
    this.detection = d;
    this.element.hidden = false;
    const source = d.source ? d.source.read_as : null;
    const rows = `${d.rows} row${d.rows === 1 ? '' : 's'}`;
    this.intro.textContent = remembered
      ? `${rows}. The mapping you used the last time a sheet had these columns.`
      : source
        ? `${rows}, read as ${source}. Change any field’s column below.`
        : d.needs.length > 0
          ? `${rows}. This header row is not one gapscore knows: choose the column that holds each item’s ${d.needs.join(' and ')}, and the columns of the fields your model needs.`
          : `${rows}, read by the columns’ names. Change any field’s column below.`;
    this.reset.hidden = !remembered;
    // The detection was asked with the reader's choice: it says which locale is in force.
    this.locale.value = LOCALES.some(([t]) => t === (d.locale ?? '')) ? (d.locale ?? '') : '';
    this.selects.clear();
    const samples = new Map(d.columns.map((c) => [c.name, c.sample]));
    const rowsOut: HTMLElement[] = [];
    for (const t of d.targets) {
      const id = uid('gs-map');
      const select = h(
        'select',
        { id, 'data-field': t.id },
        h('option', { value: '' }, '— not imported —'),
        ...d.columns.map((c) => h('option', { value: c.name }, c.count > 1 ? `${c.name} (${c.count} columns)` : c.name || '(no name)')),
      );
      select.value = d.map[t.id] ?? '';
      const sample = h('td', { class: 'gs-sample' }, samples.get(select.value) ?? '');
      select.addEventListener('change', () => {
        sample.textContent = samples.get(select.value) ?? '';
        this.changed();
      });
      this.selects.set(t.id, select);
      const needed = d.needs.includes(t.id);
      rowsOut.push(h('tr', { 'data-field': t.id, class: needed ? 'gs-needed' : null }, h('th', { scope: 'row' }, h('label', { for: id }, t.name)), h('td', {}, select), sample));
    }
    fill(this.body, ...rowsOut);
  }

  /** After the reader's choice: the engine's new reading (the choices stay as made). */
  refresh(d: Detection): void {
    this.detection = d;
  }

  /** The reader's mapping: every field with its column (null: not imported). */
  choice(): MappingChoice {
    const map: Record<string, string | null> = {};
    for (const [field, select] of this.selects) map[field] = select.value || null;
    return { map: this.selects.size ? map : null, locale: this.locale.value };
  }

  get headerKey(): string | null {
    return this.detection?.header_key ?? null;
  }
}
