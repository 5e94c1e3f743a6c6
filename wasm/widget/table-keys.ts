// Keyboard movement in the ranked table (issue 19, item 2): the table is one tab stop (a
// roving tabindex: the control last used keeps tabindex 0, every other row control -1), and
// arrow keys move between its cells, as in the ARIA grid pattern. Up and Down go to the same
// column one row up or down; Left and Right go to the neighbouring control, from a number
// field only when the caret is at its edge or the whole value is selected (otherwise they
// move the caret);
// Ctrl+Home and Ctrl+End go to the first and the last row shown.

const CONTROLS = 'button.gs-open, input.gs-num';

export class GridKeys {
  /** The control Tab lands on. */
  private current: HTMLElement | null = null;
  /** Someone has been in the table: Tab returns to the cell they left. Until then, the first cell. */
  private visited = false;

  constructor(private readonly body: HTMLTableSectionElement) {
    body.addEventListener('keydown', (ev) => this.onKey(ev));
    body.addEventListener('focusin', (ev) => {
      this.visited = true;
      this.makeCurrent(ev.target as HTMLElement);
    });
  }

  /** After rows were added, moved or removed: new controls leave the tab order, one stays in it. */
  sync(): void {
    for (const el of this.body.querySelectorAll<HTMLElement>('button.gs-open:not([tabindex]), input.gs-num:not([tabindex])')) el.tabIndex = -1;
    // The rows re-ranked under a cell nobody chose: Tab still lands on the first row.
    if (!this.visited || !this.current?.isConnected || !this.body.contains(this.current)) {
      const first = this.body.querySelector<HTMLElement>(CONTROLS);
      if (first) this.makeCurrent(first);
      else this.current = null;
    }
  }

  private makeCurrent(el: HTMLElement): void {
    if (!el.matches?.(CONTROLS) || el === this.current) return;
    if (this.current) this.current.tabIndex = -1;
    el.tabIndex = 0;
    this.current = el;
  }

  private onKey(ev: KeyboardEvent): void {
    const el = ev.target as HTMLElement;
    if (!el.matches?.(CONTROLS) || ev.altKey || ev.metaKey || ev.shiftKey) return;
    const tr = el.closest('tr');
    if (!tr) return;
    const controls = rowControls(tr);
    const col = controls.indexOf(el);
    const field = el instanceof HTMLInputElement ? el : null;
    // A field whose whole value is selected (as on arrival) is at both edges.
    const all = !!field && field.selectionStart === 0 && field.selectionEnd === field.value.length;
    let target: HTMLElement | undefined;
    if (ev.ctrlKey) {
      // Ctrl+Z and the like are the widget's; only Ctrl+Home / Ctrl+End move.
      if (ev.key !== 'Home' && ev.key !== 'End') return;
      const rows = [...this.body.rows];
      const row = rows[ev.key === 'Home' ? 0 : rows.length - 1];
      target = row && pick(rowControls(row), col);
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      const row = (ev.key === 'ArrowDown' ? tr.nextElementSibling : tr.previousElementSibling) as HTMLTableRowElement | null;
      target = row ? pick(rowControls(row), col) : undefined;
    } else if (ev.key === 'ArrowRight') {
      if (field && !all && !(field.selectionStart === field.value.length && field.selectionEnd === field.value.length)) return;
      target = controls[col + 1];
    } else if (ev.key === 'ArrowLeft') {
      if (field && !all && !(field.selectionStart === 0 && field.selectionEnd === 0)) return;
      target = controls[col - 1];
    } else {
      return;
    }
    if (!target) return;
    ev.preventDefault();
    target.focus();
    // Arriving in a number field selects it, so typing replaces the value (Escape puts it back).
    if (target instanceof HTMLInputElement) target.select();
  }
}

function rowControls(tr: Element): HTMLElement[] {
  return [...tr.querySelectorAll<HTMLElement>(CONTROLS)];
}

/** The control in column `col`, or the row's last when it has fewer. */
function pick(controls: HTMLElement[], col: number): HTMLElement | undefined {
  return controls[Math.min(Math.max(col, 0), controls.length - 1)];
}
