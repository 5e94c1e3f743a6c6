// Error and status messages. Problems from the engine name a JSON Pointer; here it becomes
// something a product owner recognizes ("item “Dark mode”, field effort").

import { h, fill } from './dom';
import type { Problem } from './module-types';

interface Doc {
  items?: { id?: unknown; title?: unknown }[];
  criteria?: { id?: unknown; name?: unknown }[];
}

/** "/items/3/effort" -> "item 4 “Dark mode” › effort" when the document is at hand. */
export function describePath(path: string, doc?: Doc | null): string {
  if (!path) return '';
  if (!path.startsWith('/')) return path;
  const parts = path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const out: string[] = [];
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    const next = parts[k + 1];
    if ((p === 'items' || p === 'criteria') && next !== undefined && /^\d+$/.test(next)) {
      const i = Number(next);
      const entry = (p === 'items' ? doc?.items : doc?.criteria)?.[i];
      const name = entry ? (p === 'items' ? entry && (entry as { title?: unknown }).title : (entry as { name?: unknown }).name) ?? entry.id : null;
      // By name when there is one: the table shows ranks, so "item 3" (the document's
      // order) would point at the wrong row. The position is the fallback (a CSV line, say).
      const kind = p === 'items' ? 'item' : 'criterion';
      out.push(typeof name === 'string' && name ? `${kind} “${name}”` : `${kind} ${i + 1}`);
      k++;
    } else {
      out.push(p);
    }
  }
  return out.join(' › ');
}

export class MessageArea {
  readonly status: HTMLElement;
  readonly errors: HTMLElement;

  constructor() {
    this.status = h('p', { class: 'gs-status', role: 'status', 'aria-live': 'polite', part: 'status' });
    this.errors = h('div', { class: 'gs-error', role: 'alert', part: 'error', hidden: true });
  }

  say(text: string): void {
    this.status.textContent = text;
  }

  /** Shows problems under a heading; `keep` says what stayed as it was. */
  problems(heading: string, problems: Problem[], doc?: Doc | null, keep = ''): void {
    const dismiss = h('button', { type: 'button', class: 'gs-btn', part: 'button' }, 'Dismiss');
    dismiss.addEventListener('click', () => this.clearErrors());
    const shown = problems.slice(0, 8);
    fill(
      this.errors,
      h('p', {}, heading),
      h(
        'ul',
        {},
        ...shown.map((p) => {
          const where = describePath(p.path, doc);
          return h('li', {}, where ? h('code', {}, where) : null, where ? ': ' : '', p.message);
        }),
        problems.length > shown.length ? h('li', {}, `and ${problems.length - shown.length} more`) : null,
      ),
      keep ? h('div', { class: 'gs-muted' }, keep) : null,
      dismiss,
    );
    this.errors.hidden = false;
  }

  clearErrors(): void {
    this.errors.hidden = true;
    fill(this.errors);
  }
}

/** The parsed document, for naming items in messages; null when it does not parse. */
export function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
