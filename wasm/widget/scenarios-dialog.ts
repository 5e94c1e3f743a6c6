// Named scenarios: save the current what-if under a name, load one back, compare with it,
// or delete it. The list lives in the widget's localStorage entry.

import { h, fill, uid } from './dom';

export interface ScenarioHandlers {
  save(name: string): void;
  load(name: string): void;
  compare(name: string): void;
  remove(name: string): void;
}

export class ScenariosDialog {
  readonly element: HTMLDialogElement;
  private readonly name: HTMLInputElement;
  private readonly list: HTMLElement;
  private returnFocus: HTMLElement | null = null;
  /** The names saved, as last shown. */
  private names: string[] = [];
  private readonly resetAsk: () => void;

  constructor(private readonly handlers: ScenarioHandlers) {
    const headingId = uid('gs-sc');
    const nameId = uid('gs-scn');
    this.name = h('input', { type: 'text', id: nameId, maxlength: 80, placeholder: 'e.g. Sales weights' });
    const save = h('button', { type: 'submit', class: 'gs-btn gs-primary', part: 'button' }, 'Save');
    const noteId = uid('gs-scnote');
    const note = h('p', { id: noteId, class: 'gs-note', role: 'status' });
    this.name.setAttribute('aria-describedby', noteId);
    // A name already saved is replaced only on a second Save: the first says so.
    let replacing: string | null = null;
    const ask = (name: string | null) => {
      replacing = name;
      save.textContent = name === null ? 'Save' : 'Replace';
      note.textContent = name === null ? '' : `A scenario called “${name}” is saved already: Replace it, or type another name.`;
    };
    const form = h('form', { class: 'gs-row' }, h('label', { for: nameId }, 'Save the current view as'), this.name, save);
    this.name.addEventListener('input', () => ask(null));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const n = this.name.value.trim();
      if (!n) return;
      if (this.names.includes(n) && replacing !== n) return ask(n);
      ask(null);
      this.handlers.save(n);
      this.name.value = '';
    });
    this.resetAsk = () => ask(null);
    this.list = h('ul', { class: 'gs-scenario-list' });
    const close = h('button', { type: 'button', class: 'gs-close', part: 'button', 'aria-label': 'Close' }, '×');
    close.addEventListener('click', () => this.element.close());
    this.element = h(
      'dialog',
      { class: 'gs-dialog', part: 'dialog', 'aria-labelledby': headingId },
      h('header', {}, h('h2', { id: headingId }, 'Scenarios'), close),
      h('div', { class: 'gs-dialog-body' }, form, note, this.list),
    );
    this.element.addEventListener('close', () => {
      this.returnFocus?.focus();
      this.returnFocus = null;
    });
  }

  show(from: HTMLElement | null, names: string[]): void {
    this.returnFocus = from;
    this.update(names);
    this.element.showModal();
    this.name.focus();
  }

  update(names: string[]): void {
    this.names = names;
    this.resetAsk();
    if (names.length === 0) {
      fill(this.list, h('li', { class: 'gs-note' }, 'No saved scenarios yet.'));
      return;
    }
    const action = (text: string, label: string, fn: () => void) => {
      const b = h('button', { type: 'button', class: 'gs-btn', 'aria-label': label }, text);
      b.addEventListener('click', fn);
      return b;
    };
    fill(
      this.list,
      ...names.map((n) =>
        h(
          'li',
          {},
          h('span', {}, n),
          action('Load', `Load scenario ${n}`, () => {
            this.handlers.load(n);
            this.element.close();
          }),
          action('Compare', `Compare with scenario ${n}`, () => {
            this.handlers.compare(n);
            this.element.close();
          }),
          action('Delete', `Delete scenario ${n}`, () => this.handlers.remove(n)),
        ),
      ),
    );
  }
}
