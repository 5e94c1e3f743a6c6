// The widget's header: the document title, the model picker with the model's published
// variant and formula, the scenario tools (undo, redo, reset, scenarios, share, data), and
// for a returning reader, "Showing your saved edits · Reset" until the page's data is back.

import { h, fill } from './dom';

export type ToolName = 'undo' | 'redo' | 'reset' | 'scenarios' | 'share' | 'data';

export interface HeaderHandlers {
  model(id: string): void;
  tool(name: ToolName, button: HTMLButtonElement): void;
}

const TOOLS: [ToolName, string, string][] = [
  ['undo', '↶ Undo', 'Undo (Ctrl+Z)'],
  ['redo', '↷ Redo', 'Redo (Ctrl+Shift+Z)'],
  ['reset', 'Reset', 'Back to the page’s data'],
  ['scenarios', 'Scenarios…', 'Save or load named scenarios'],
  ['share', 'Share link', 'Put this view in the address (nothing is sent anywhere)'],
  ['data', 'Import / export…', 'Download or replace the data'],
];

export class Header {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly formula: HTMLElement;
  private readonly tools = {} as Record<ToolName, HTMLButtonElement>;
  /** "Showing your saved edits · Reset": shown from a load with saved edits until the page's data is back. */
  private readonly savedNote: HTMLElement;
  private showingSaved = false;

  constructor(handlers: HeaderHandlers) {
    this.title = h('h2', { part: 'title' });
    this.select = h('select', { id: 'gs-model', part: 'select' });
    this.select.addEventListener('change', () => handlers.model(this.select.value));
    this.formula = h('p', { class: 'gs-formula-line', part: 'formula' });
    for (const [name, text, hint] of TOOLS) {
      const b = h('button', { type: 'button', class: 'gs-btn', part: 'button', title: hint }, text);
      b.addEventListener('click', () => handlers.tool(name, b));
      this.tools[name] = b;
    }
    const t = this.tools;
    const resetSaved = h('button', { type: 'button', class: 'gs-linkbtn', part: 'button' }, 'Reset');
    resetSaved.addEventListener('click', () => {
      handlers.tool('reset', resetSaved);
      // The note goes with the saved edits: keyboard focus moves to Undo, which brings them back.
      if (this.savedNote.hidden) this.tools.undo.focus();
    });
    this.savedNote = h('p', { class: 'gs-saved-note', part: 'saved-note', hidden: true }, 'Showing your saved edits · ', resetSaved);
    this.element = h(
      'div',
      {},
      h('div', { class: 'gs-head' }, this.title, h('div', { class: 'gs-model' }, h('label', { for: 'gs-model' }, 'Model'), this.select)),
      this.formula,
      this.savedNote,
      h('div', { class: 'gs-tools', role: 'group', 'aria-label': 'Scenario tools' }, t.undo, t.redo, t.reset, h('span', { class: 'gs-sep' }), t.scenarios, t.share, t.data),
    );
  }

  show(title: string, models: { id: string; label: string }[], current: string, variant: string, formula: string, readonly: boolean): void {
    this.title.textContent = title;
    fill(this.select, ...models.map((m) => h('option', { value: m.id }, m.label)));
    this.select.value = current;
    this.formula.textContent = formula ? `${variant}: ${formula}` : variant;
    this.tools.data.textContent = readonly ? 'Export…' : 'Import / export…';
  }

  /** The data on screen is the reader's saved edits (their last visit's). */
  savedShown(): void {
    this.showingSaved = true;
    this.savedNote.hidden = false;
  }

  history(canUndo: boolean, canRedo: boolean, pristine: boolean): void {
    // Back at the page's data (Reset, Undo): what shows is no longer the saved edits.
    if (pristine) this.showingSaved = false;
    this.savedNote.hidden = !this.showingSaved;
    const focused = (this.element.getRootNode() as Document | ShadowRoot).activeElement;
    this.tools.undo.disabled = !canUndo;
    this.tools.redo.disabled = !canRedo;
    this.tools.reset.disabled = pristine;
    // A button disabled under keyboard focus drops it to the page: keep it in the tools.
    if (focused instanceof HTMLButtonElement && focused.disabled) {
      const t = this.tools;
      [t.undo, t.redo, t.reset, t.scenarios].find((b) => !b.disabled)?.focus();
    }
  }
}
