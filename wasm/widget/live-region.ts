// The widget's one polite live region (visually hidden). What it says is put together from
// the status sentence and what moved in the ranking, and spoken once the changes pause: arrow
// keys on a slider or a burst of edits are said once, not key by key.

import { h } from './dom';

/** How long the region waits after the last change before it speaks. */
export const SPEAK_AFTER_MS = 400;

export class LiveRegion {
  readonly element: HTMLElement;
  private said = '';
  private moves = '';
  private timer = 0;
  /** Called once the region spoke (the next comparison of ranks starts from here). */
  onSpoken: () => void = () => {};

  constructor() {
    this.element = h('div', { class: 'gs-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', part: 'announcer' });
  }

  /** The status sentence ("Dark mode: Effort 2."). */
  say(text: string): void {
    this.said = text;
    this.schedule();
  }

  /** What moved, said after the status sentence. */
  moved(text: string): void {
    this.moves = text;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => {
      const text = [this.said, this.moves].filter(Boolean).join(' ');
      this.said = this.moves = '';
      // The same words again would be silent: clear first, so a repeat is heard.
      if (text && this.element.textContent === text) this.element.textContent = '';
      if (text) this.element.textContent = text;
      this.onSpoken();
    }, SPEAK_AFTER_MS);
  }
}
