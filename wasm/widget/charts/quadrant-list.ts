// One quadrant's list of items under the value-vs-effort matrix, best-ranked first. A long
// list (more than 15) shows the first 10 and a "Show more" button, as the ranking does, so 5,000 items
// do not grow the widget by 50,000 px. How many are shown is kept across redraws of the same
// data; other data starts again from the first few.

import { h, fill } from '../dom';
import { moreStep } from '../table';

/** Items a long list shows before "Show more"; a list of up to LIST_WHOLE shows whole. */
export const LIST_START = 10;
export const LIST_WHOLE = 15;

export interface ListedItem {
  id: string;
  title: string;
}

export class QuadrantList {
  private readonly element: HTMLElement;
  private limit = LIST_START;
  /** The backlog size the limit was set for: another backlog starts again. */
  private size = -1;
  private items: ListedItem[] = [];

  constructor(
    private readonly label: string,
    private readonly onOpen: (id: string) => void,
  ) {
    this.element = h('div');
  }

  render(items: ListedItem[], backlogSize: number): HTMLElement {
    if (backlogSize !== this.size) {
      this.size = backlogSize;
      this.limit = LIST_START;
    }
    this.items = items;
    this.draw();
    return this.element;
  }

  private draw(focusFrom = -1): void {
    const items = this.items;
    const shown = items.length <= LIST_WHOLE ? items.length : Math.min(this.limit, items.length);
    const buttons = items.slice(0, shown).map((r) => {
      const b = h('button', { type: 'button', class: 'gs-open' }, r.title);
      b.addEventListener('click', () => this.onOpen(r.id));
      return b;
    });
    let more: HTMLButtonElement | null = null;
    const rest = items.length - shown;
    if (rest > 0) {
      more = h('button', { type: 'button', class: 'gs-more', part: 'button' }, `Show ${Math.min(rest, moreStep(this.size))} more (${shown.toLocaleString('en')} of ${items.length.toLocaleString('en')} ${this.label.toLowerCase()} shown)`);
      more.addEventListener('click', () => {
        const first = shown;
        this.limit += moreStep(this.size);
        this.draw(first);
      });
    }
    fill(
      this.element,
      h('h3', {}, `${this.label} (${items.length.toLocaleString('en')})`),
      items.length ? h('ul', {}, ...buttons.map((b) => h('li', {}, b))) : h('p', { class: 'gs-note' }, 'none'),
      more,
    );
    // Keyboard focus was on "Show more", which is gone: it goes to the first item it brought.
    if (focusFrom >= 0) buttons[focusFrom]?.focus();
  }
}
