// The Import / export dialog: download the current scenario as JSON or the ranking as CSV,
// copy the decision record as Markdown or download it as HTML; choose or paste a JSON/CSV
// file, see how its columns map to the fields (CSV: change any), preview the ranking (or the
// errors, naming row, column and field), and only then replace the data.

import { h, fill, uid } from './dom';
import { grouped, problemLine, safeParse } from './messages';
import type { Problem } from './module-types';
import { count, formatNumber } from './format';
import { sniffKind, type Prepared } from './import';
import type { RunResult } from './module';
import { MappingPanel, type Detection, type MappingChoice } from './import-mapping';
import { forgetMapping, rememberMapping, rememberedMapping } from './import-memory';
import type { CopyResult } from './decision-record';

export interface DataHandlers {
  exportJson(): void;
  exportCsv(): void;
  /** The decision record (`report`) as Markdown on the clipboard. */
  copyMarkdown(): Promise<CopyResult>;
  exportHtml(): void;
  detect(text: string, mapping: MappingChoice | null): RunResult<Detection>;
  prepare(text: string, filename: string, mapping: MappingChoice | null): Prepared;
  replace(documentText: string): void;
}

export class DataDialog {
  readonly element: HTMLDialogElement;
  private readonly file: HTMLInputElement;
  private readonly paste: HTMLTextAreaElement;
  private readonly preview: HTMLElement;
  private readonly replaceButton: HTMLButtonElement;
  private readonly importSection: HTMLElement;
  private readonly mapping: MappingPanel;
  private readonly copied: HTMLElement;
  private prepared: Prepared | null = null;
  private returnFocus: HTMLElement | null = null;
  /** The text being imported, and how its columns are read (null: as the engine reads them). */
  private text = '';
  private filename = '';
  private choice: MappingChoice | null = null;
  private remembered = false;

  constructor(private readonly handlers: DataHandlers) {
    const headingId = uid('gs-data');
    const fileId = uid('gs-file');
    const pasteId = uid('gs-paste');
    const button = (text: string, onClick: () => void, cls = 'gs-btn') => {
      const b = h('button', { type: 'button', class: cls, part: 'button' }, text);
      b.addEventListener('click', onClick);
      return b;
    };
    this.file = h('input', { type: 'file', id: fileId, accept: '.json,.csv,application/json,text/csv' });
    this.file.addEventListener('change', () => void this.readFile());
    // "Replace the data" replaces what was previewed: typing new text withdraws that preview.
    const stale = () => {
      if (!this.prepared) return;
      this.prepared = null;
      this.replaceButton.disabled = true;
      this.mapping.hide();
      fill(this.preview, h('p', { class: 'gs-note' }, 'Press Preview to check the text you pasted.'));
    };
    this.mapping = new MappingPanel(
      () => this.mappingChanged(),
      () => {
        const key = this.mapping.headerKey;
        if (key) forgetMapping(key);
        this.check(this.text, this.filename);
      },
    );
    this.copied = h('div', { class: 'gs-copied', 'aria-live': 'polite' });
    this.paste = h('textarea', { id: pasteId, spellcheck: 'false', placeholder: 'id,title,reach,impact,confidence,effort\nsso,Single sign-on,3000,2,0.5,5' });
    this.paste.addEventListener('input', stale);
    this.preview = h('div', { class: 'gs-preview', 'aria-live': 'polite' });
    this.replaceButton = button('Replace the data', () => this.confirm(), 'gs-btn gs-primary');
    this.replaceButton.disabled = true;
    const close = h('button', { type: 'button', class: 'gs-close', part: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.element.close());
    this.importSection = h(
      'section',
      {},
      h('h3', {}, 'Import'),
      h('p', { class: 'gs-note' }, 'A gapscore JSON document, or a CSV with a header row: an export from Jira, Azure DevOps, GitHub Projects or Linear, or any sheet whose columns you map to the fields. Nothing leaves your browser.'),
      h('div', { class: 'gs-row' }, h('label', { for: fileId }, 'File'), this.file),
      h('label', { for: pasteId }, 'or paste it here'),
      this.paste,
      h('div', { class: 'gs-actions' }, button('Preview', () => this.check(this.paste.value, '')), this.replaceButton),
      this.mapping.element,
      this.preview,
    );
    this.element = h(
      'dialog',
      { class: 'gs-dialog', part: 'dialog', 'aria-labelledby': headingId },
      h('header', {}, h('h2', { id: headingId }, 'Import / export'), close),
      h(
        'div',
        { class: 'gs-dialog-body' },
        h(
          'section',
          {},
          h('h3', {}, 'Export'),
          h('div', { class: 'gs-row' }, button('Download JSON (scenario)', () => this.handlers.exportJson()), button('Download CSV (ranking)', () => this.handlers.exportCsv())),
          h('div', { class: 'gs-row' }, button('Copy as Markdown', () => void this.copyMarkdown()), button('Download HTML (decision record)', () => this.handlers.exportHtml())),
          this.copied,
        ),
        this.importSection,
      ),
    );
    this.element.addEventListener('close', () => {
      this.returnFocus?.focus();
      this.returnFocus = null;
    });
  }

  show(from: HTMLElement | null, readonly: boolean): void {
    this.returnFocus = from;
    this.importSection.hidden = readonly;
    this.reset();
    this.element.showModal();
  }

  private reset(): void {
    this.prepared = null;
    this.replaceButton.disabled = true;
    this.paste.value = '';
    this.file.value = '';
    this.text = this.filename = '';
    this.choice = null;
    this.mapping.hide();
    fill(this.preview);
    fill(this.copied);
  }

  /** The decision record on the clipboard; when the browser refuses, the text to copy by hand. */
  private async copyMarkdown(): Promise<void> {
    const r = await this.handlers.copyMarkdown();
    if (r.copied) {
      fill(this.copied, h('p', { class: 'gs-note' }, 'Copied: the decision record, as Markdown.'));
      return;
    }
    if (r.text === null) {
      fill(this.copied);
      return;
    }
    const id = uid('gs-record');
    const area = h('textarea', { id, readonly: true, spellcheck: 'false' });
    area.value = r.text;
    fill(this.copied, h('label', { for: id }, 'The browser did not let the widget copy: select the decision record and copy it'), area);
    area.select();
  }

  private async readFile(): Promise<void> {
    const f = this.file.files?.[0];
    if (!f) return;
    let text: string;
    try {
      text = await f.text();
    } catch {
      this.showErrors('csv', [{ path: '', code: 'unreadable', message: `could not read ${f.name}` }]);
      return;
    }
    this.check(text, f.name);
  }

  /**
   * Reads the text without touching the widget's data: for a CSV, first how its columns map
   * (the engine's reading, or the mapping remembered for this header row), then the preview.
   */
  check(text: string, filename: string): void {
    this.text = text;
    this.filename = filename;
    this.choice = null;
    this.remembered = false;
    if (sniffKind(text, filename) !== 'csv' || !text.trim()) {
      this.mapping.hide();
      this.preparePreview();
      return;
    }
    const detected = this.handlers.detect(text, null);
    if (!detected.ok) {
      this.mapping.hide();
      this.preparePreview(); // the import names the problem (a broken quote, an empty file)
      return;
    }
    let shown = detected.value;
    const memory = rememberedMapping(shown.header_key);
    if (memory) {
      const again = this.handlers.detect(text, memory);
      if (again.ok) {
        shown = again.value;
        this.choice = memory;
        this.remembered = true;
      }
    }
    this.mapping.show(shown, this.remembered);
    this.preparePreview();
  }

  /** The reader picked another column (or number format): the engine reads the sheet again. */
  private mappingChanged(): void {
    this.choice = this.mapping.choice();
    const d = this.handlers.detect(this.text, this.choice);
    if (d.ok) this.mapping.refresh(d.value);
    this.preparePreview();
  }

  private preparePreview(): void {
    const p = this.handlers.prepare(this.text, this.filename, this.choice);
    this.prepared = p;
    this.replaceButton.disabled = !p.ok;
    if (!p.ok) {
      this.showErrors(p.kind, p.errors);
      return;
    }
    const r = p.ranking;
    fill(
      this.preview,
      h('p', {}, `${p.kind === 'csv' ? 'CSV' : 'JSON'} with ${count(p.count, 'item')}${p.count ? (r ? `. Ranked by ${r.label}, the first ${r.rows.length}:` : '. First:') : '.'}`),
      r && r.rows.length
        ? h('ol', { class: 'gs-preview-ranking', 'aria-label': `Preview of the ranking by ${r.label}` }, ...r.rows.map((x) => h('li', {}, h('span', {}, x.title), h('span', { class: 'gs-muted' }, ` — ${formatNumber(x.score)}`))))
        : p.count
          ? h('ol', {}, ...p.titles.map((t) => h('li', {}, t)))
          : null,
      ...this.warningLines(p.warnings, p.documentText),
      h('p', { class: 'gs-note' }, 'Replacing keeps your current data one Undo away.'),
    );
  }

  /** The warnings as the widget shows them once the data is in (messages.ts), the first few. */
  private warningLines(all: Problem[], documentText: string): (HTMLElement | null)[] {
    // What was mapped is in the Columns table above; the rest (left out, converted) is said here.
    const warnings = all.filter((w) => w.code !== 'mapped');
    if (warnings.length === 0) return [];
    const lines = grouped(warnings);
    const doc = safeParse(documentText) as never;
    return [
      h('p', { class: 'gs-note' }, `${count(warnings.length, 'warning')}:`),
      h('ul', { class: 'gs-note' }, ...lines.slice(0, 5).map((l) => problemLine(l.problem, doc, l.count)), lines.length > 5 ? h('li', {}, `and ${lines.length - 5} more`) : null),
    ];
  }

  private showErrors(kind: string, errors: Problem[]): void {
    // The engine's advice for a sheet with no id or title column names the command line's
    // options; here the Columns table above is where the reader chooses them.
    const mapping = !this.mapping.element.hidden;
    const advice: Record<string, string> = {
      unknown_header: 'The header row is not one of an export gapscore knows (Jira, Azure DevOps, GitHub Projects, Linear), and no column is chosen for the items’ ids or titles: choose them under Columns above.',
      missing: 'No column is chosen for the items’ ids: choose it under Columns above.',
    };
    const shown = errors.map((e) => (mapping && e.path === '' && e.code && advice[e.code] ? { ...e, message: advice[e.code] } : e));
    fill(
      this.preview,
      h(
        'div',
        { class: 'gs-error', role: 'alert' },
        h('p', {}, `This ${kind === 'csv' ? 'CSV' : 'JSON'} cannot be used. Your current data is unchanged.`),
        h('ul', {}, ...shown.slice(0, 8).map((e) => problemLine(e))),
      ),
    );
  }

  private confirm(): void {
    if (!this.prepared?.ok) return;
    // The mapping the reader chose (or kept from last time) opens the next sheet with these columns.
    const key = this.mapping.headerKey;
    if (key && this.choice) rememberMapping(key, this.choice);
    this.handlers.replace(this.prepared.documentText);
    this.element.close();
  }
}
