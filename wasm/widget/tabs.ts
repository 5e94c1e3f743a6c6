// A tab list for the widget's views (ARIA tabs pattern: arrow keys move between tabs).
// Views appear only when the module and the data support them.

import { h, fill, uid } from './dom';

export interface ViewTab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export class Tabs {
  readonly list: HTMLElement;
  readonly panels: HTMLElement;
  private tabs: { view: ViewTab; button: HTMLButtonElement }[] = [];
  current = '';

  constructor(private readonly onSelect: (id: string) => void) {
    this.list = h('div', { role: 'tablist', class: 'gs-tabs', 'aria-label': 'Views', part: 'tabs' });
    this.panels = h('div', { class: 'gs-panels' });
    this.list.addEventListener('keydown', (ev) => {
      if (ev.key !== 'ArrowRight' && ev.key !== 'ArrowLeft' && ev.key !== 'Home' && ev.key !== 'End') return;
      const k = this.tabs.findIndex((t) => t.view.id === this.current);
      const n = this.tabs.length;
      const next = ev.key === 'Home' ? 0 : ev.key === 'End' ? n - 1 : (k + (ev.key === 'ArrowRight' ? 1 : -1) + n) % n;
      ev.preventDefault();
      this.select(this.tabs[next].view.id);
      this.tabs[next].button.focus();
    });
  }

  /** Sets the available views; keeps the current one when it is still there. */
  setViews(views: ViewTab[], preferred: string): void {
    this.tabs = views.map((view) => {
      const tabId = uid('gs-tab');
      const button = h('button', { type: 'button', role: 'tab', id: tabId, class: 'gs-tab', part: 'tab' }, view.label);
      view.panel.setAttribute('role', 'tabpanel');
      view.panel.setAttribute('aria-labelledby', tabId);
      button.addEventListener('click', () => this.select(view.id));
      return { view, button };
    });
    fill(this.list, ...this.tabs.map((t) => t.button));
    fill(this.panels, ...this.tabs.map((t) => t.view.panel));
    this.list.hidden = this.tabs.length < 2;
    const keep = this.tabs.find((t) => t.view.id === preferred) ?? this.tabs.find((t) => t.view.id === this.current) ?? this.tabs[0];
    this.current = '';
    if (keep) this.select(keep.view.id);
  }

  select(id: string): void {
    if (id === this.current) return;
    this.current = id;
    for (const t of this.tabs) {
      const on = t.view.id === id;
      t.button.setAttribute('aria-selected', String(on));
      t.button.tabIndex = on ? 0 : -1;
      t.view.panel.hidden = !on;
    }
    this.onSelect(id);
  }

  has(id: string): boolean {
    return this.tabs.some((t) => t.view.id === id);
  }
}
