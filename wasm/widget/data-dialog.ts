// The Import / export dialog: download the current scenario as JSON or the ranking as CSV;
// choose or paste a JSON/CSV file, see a preview (or the errors, naming line and column),
// and only then replace the data.

import { h, fill, uid } from './dom';
import { grouped, problemLine, safeParse } from './messages';
import type { Problem } from './module-types';
import { count } from './format';
import type { Prepared } from './import';

export interface DataHandlers {
  exportJson(): void;
  exportCsv(): void;
  prepare(text: string, filename: string): Prepared;
  replace(documentText: string): void;
}

export class DataDialog {
  readonly element: HTMLDialogElement;
  private readonly file: HTMLInputElement;
  private readonly paste: HTMLTextAreaElement;
  private readonly preview: HTMLElement;
  private readonly replaceButton: HTMLButtonElement;
  private readonly importSection: HTMLElement;
  private prepared: Prepared | null = null;
  private returnFocus: HTMLElement | null = null;

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
      fill(this.preview, h('p', { class: 'gs-note' }, 'Press Preview to check the text you pasted.'));
    };
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
      h('p', { class: 'gs-note' }, 'A gapscore JSON document, or a CSV with a header row (id, title, and the fields your model needs, e.g. reach, impact, confidence, effort). Nothing leaves your browser.'),
      h('div', { class: 'gs-row' }, h('label', { for: fileId }, 'File'), this.file),
      h('label', { for: pasteId }, 'or paste it here'),
      this.paste,
      h('div', { class: 'gs-actions' }, button('Preview', () => this.check(this.paste.value, '')), this.replaceButton),
      this.preview,
    );
    this.element = h(
      'dialog',
      { class: 'gs-dialog', part: 'dialog', 'aria-labelledby': headingId },
      h('header', {}, h('h2', { id: headingId }, 'Import / export'), close),
      h(
        'div',
        { class: 'gs-dialog-body' },
        h('section', {}, h('h3', {}, 'Export'), h('div', { class: 'gs-row' }, button('Download JSON (scenario)', () => this.handlers.exportJson()), button('Download CSV (ranking)', () => this.handlers.exportCsv()))),
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
    fill(this.preview);
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

  /** Validates without touching the widget's data; enables "Replace" only when it loads. */
  check(text: string, filename: string): void {
    const p = this.handlers.prepare(text, filename);
    this.prepared = p;
    this.replaceButton.disabled = !p.ok;
    if (!p.ok) {
      this.showErrors(p.kind, p.errors);
      return;
    }
    fill(
      this.preview,
      h('p', {}, `${p.kind === 'csv' ? 'CSV' : 'JSON'} with ${count(p.count, 'item')}${p.count ? '. First:' : '.'}`),
      p.count ? h('ol', {}, ...p.titles.map((t) => h('li', {}, t))) : null,
      ...this.warningLines(p.warnings, p.documentText),
      h('p', { class: 'gs-note' }, 'Replacing keeps your current data one Undo away.'),
    );
  }

  /** The warnings as the widget shows them once the data is in (messages.ts), the first few. */
  private warningLines(warnings: Problem[], documentText: string): (HTMLElement | null)[] {
    if (warnings.length === 0) return [];
    const lines = grouped(warnings);
    const doc = safeParse(documentText) as never;
    return [
      h('p', { class: 'gs-note' }, `${count(warnings.length, 'warning')}:`),
      h('ul', { class: 'gs-note' }, ...lines.slice(0, 3).map((l) => problemLine(l.problem, doc, l.count)), lines.length > 3 ? h('li', {}, `and ${lines.length - 3} more`) : null),
    ];
  }

  private showErrors(kind: string, errors: Problem[]): void {
    fill(
      this.preview,
      h(
        'div',
        { class: 'gs-error', role: 'alert' },
        h('p', {}, `This ${kind === 'csv' ? 'CSV' : 'JSON'} cannot be used. Your current data is unchanged.`),
        h('ul', {}, ...errors.slice(0, 8).map((e) => problemLine(e))),
      ),
    );
  }

  private confirm(): void {
    if (!this.prepared?.ok) return;
    this.handlers.replace(this.prepared.documentText);
    this.element.close();
  }
}
