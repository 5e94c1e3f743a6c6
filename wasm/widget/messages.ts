// Error and status messages. Problems from the engine name a JSON Pointer; here it becomes
// something a product owner recognizes ("item “Dark mode”, field effort").

import { h, fill } from './dom';
import { LiveRegion } from './live-region';
import type { Problem } from './module-types';

interface Doc {
  items?: { id?: unknown; title?: unknown }[];
  criteria?: { id?: unknown; name?: unknown }[];
}

/** 1st, 2nd, 3rd, 4th… */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** What an entry is called: an item's title, a criterion's name, else its id. */
function entryName(list: 'items' | 'criteria', e: unknown): unknown {
  if (!e || typeof e !== 'object') return null;
  const named = list === 'items' ? (e as { title?: unknown }).title : (e as { name?: unknown }).name;
  return named ?? (e as { id?: unknown }).id;
}

/** How many entries of a document's list share each name (title or id), counted once per document. */
const counted = new WeakMap<Doc, Map<string, Map<string, number>>>();
function nameCounts(doc: Doc, list: 'items' | 'criteria'): Map<string, number> {
  let byList = counted.get(doc);
  if (!byList) counted.set(doc, (byList = new Map()));
  let counts = byList.get(list);
  if (!counts) {
    counts = new Map();
    for (const e of (list === 'items' ? doc.items : doc.criteria) ?? []) {
      const name = entryName(list, e);
      if (typeof name === 'string') counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    byList.set(list, counts);
  }
  return counts;
}

/** "/items/3/effort" -> "item “Dark mode” › effort" when the document is at hand. */
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
      const name = entryName(p, (p === 'items' ? doc?.items : doc?.criteria)?.[i]);
      // By name when there is one: the table shows ranks, so "item 3" (the document's
      // order) would point at the wrong row. The position is the fallback (a CSV line, say).
      const kind = p === 'items' ? 'item' : 'criterion';
      // Two entries of one name (a duplicated id, the subject of the error) are told apart by
      // their place in the document.
      const shared = typeof name === 'string' && name && doc && (nameCounts(doc, p).get(name) ?? 0) > 1;
      out.push(typeof name === 'string' && name ? `${kind} “${name}”${shared ? ` (the ${ordinal(i + 1)} in the document)` : ''}` : `${kind} ${i + 1}`);
      k++;
    } else {
      out.push(p);
    }
  }
  return out.join(' › ');
}

/** A problem as the widget shows it: the module's, or one the widget found (with a link to the fix). */
export interface ShownProblem extends Problem {
  link?: { href: string; text: string };
}

/**
 * Problems that are the same in several places (an "efort" on every item) as one line each:
 * the same code, message and last path segment; in the order first seen.
 */
/** One warning or error as a value to compare: the same code, place and words. */
export function warningKey(p: Problem): string {
  return `${p.code ?? ''}\u0000${p.path}\u0000${p.message}`;
}

export function grouped<P extends Problem>(problems: P[]): { problem: P; count: number }[] {
  const out = new Map<string, { problem: P; count: number }>();
  for (const p of problems) {
    const key = `${p.code ?? ''}\u0000${p.message}\u0000${p.path.split('/').pop() ?? ''}`;
    const seen = out.get(key);
    if (seen) seen.count++;
    else out.set(key, { problem: p, count: 1 });
  }
  return [...out.values()];
}

/**
 * One line about a problem: where, then what. An unknown field that is a typo of a known one
 * says so from its code and suggestion, so the reader sees the field as written and the one
 * meant; every other problem shows the module's message as it is.
 */
export function problemLine(p: ShownProblem, doc?: Doc | null, count = 1): HTMLLIElement {
  const where = describePath(p.path, doc);
  const li = h('li', {}, where ? h('code', {}, where) : null, where ? ': ' : '');
  if (p.code) li.dataset.code = p.code;
  if (p.code === 'unknown_field' && p.suggestion) {
    li.dataset.suggestion = p.suggestion;
    li.append('not a field the format knows: kept, but not used. Did you mean ', h('code', {}, p.suggestion), '?');
  } else {
    li.append(p.message);
  }
  if (count > 1) li.append(h('span', { class: 'gs-muted' }, ` (the same in ${count - 1} more ${count === 2 ? 'place' : 'places'})`));
  if (p.link) li.append(' ', h('a', { href: p.link.href, target: '_blank', rel: 'noopener' }, p.link.text));
  return li;
}

export class MessageArea {
  /** The status line on screen. Screen readers hear it through `live`, with what moved. */
  readonly status: HTMLElement;
  /** The widget's one polite live region. */
  readonly live = new LiveRegion();
  readonly errors: HTMLElement;
  /** The loaded document's warnings: one place, whichever way the data came in. */
  readonly warningList: HTMLElement;

  constructor() {
    this.status = h('p', { class: 'gs-status', part: 'status' });
    this.errors = h('div', { class: 'gs-error', role: 'alert', part: 'error', hidden: true });
    // Not a live region: the one live region (`live`) speaks; this stays on screen to be read.
    this.warningList = h('div', { class: 'gs-warnings', part: 'warnings', hidden: true });
  }

  say(text: string): void {
    this.status.textContent = text;
    this.live.say(text);
  }

  /** What moved in the ranking after a change (moves.ts): said after the status sentence. */
  moved(text: string): void {
    this.live.moved(text);
  }

  /**
   * Shows problems under a heading; `keep` says what stayed as it was. `group` shows a problem
   * repeated in many places once; without `dismissable` there is nothing else on screen to
   * go back to (a first load that failed).
   */
  problems(heading: string, problems: ShownProblem[], doc?: Doc | null, keep = '', options: { group?: boolean; dismissable?: boolean } = {}): void {
    const { group = false, dismissable = true } = options;
    const lines = group ? grouped(problems) : problems.map((problem) => ({ problem, count: 1 }));
    const shown = lines.slice(0, 8);
    let dismiss: HTMLButtonElement | null = null;
    if (dismissable) {
      dismiss = h('button', { type: 'button', class: 'gs-btn', part: 'button' }, 'Dismiss');
      dismiss.addEventListener('click', () => this.clearErrors());
    }
    fill(
      this.errors,
      h('p', {}, heading),
      h(
        'ul',
        {},
        ...shown.map((l) => problemLine(l.problem, doc, l.count)),
        lines.length > shown.length ? h('li', {}, `and ${lines.length - shown.length} more`) : null,
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

  /**
   * The document's warnings (none: the box goes), each typo with the field meant; `heading`
   * for warnings about a change rather than the data as loaded.
   */
  warnings(warnings: Problem[], doc?: Doc | null, heading?: string): void {
    if (warnings.length === 0) {
      this.clearWarnings();
      return;
    }
    const lines = grouped(warnings);
    const shown = lines.slice(0, 8);
    const dismiss = h('button', { type: 'button', class: 'gs-btn', part: 'button' }, 'Dismiss');
    dismiss.addEventListener('click', () => this.clearWarnings());
    fill(
      this.warningList,
      h('p', {}, heading ?? (warnings.length === 1 ? 'The data loaded with a warning:' : `The data loaded with ${warnings.length} warnings:`)),
      h(
        'ul',
        {},
        ...shown.map((l) => problemLine(l.problem, doc, l.count)),
        lines.length > shown.length ? h('li', {}, `and ${lines.length - shown.length} more`) : null,
      ),
      dismiss,
    );
    this.warningList.hidden = false;
  }

  clearWarnings(): void {
    this.warningList.hidden = true;
    fill(this.warningList);
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
