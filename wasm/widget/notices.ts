// Notices that stay on screen while what they say holds, each with what the reader can do
// about it right there: edits that cannot be saved in this browser (download, share link,
// try again), an engine that stopped (reload it), values another tab replaced, and saved edits
// the page's data can no longer take (download them, forget them), and saved values shown over
// a page whose data changed since (use the page's, keep mine). Each is its own box,
// named by `data-notice`, above the widget's body. Only the texts are built here; what the
// buttons do is the element's wiring.

import { fill, h } from './dom';
import { formatNumber, humanize } from './format';
import type { OverPageValue } from './page-changes';
import type { Replaced } from './replica';
import type { DroppedEdit } from './session';
import type { EditPath, EditValue } from './state';
import type { StorageProblem } from './store';

export interface NoticeActions {
  downloadJson(): void;
  share(): void;
  retrySave(): void;
  reloadEngine(): void;
  downloadSaved(): void;
  forgetSaved(): void;
  usePageValues(): void;
  keepMine(): void;
}

/** Names for the items and criteria of the data on screen; an id the data lacks stays an id. */
export interface Names {
  item(id: string): string | null;
  criterion(id: string): string | null;
}

type Kind = 'storage' | 'engine' | 'other-tab' | 'unapplied' | 'page-changed';

export const STORAGE_HEADING = 'Your changes can’t be saved in this browser: download them or copy a share link.';
export const ENGINE_HEADING = 'The engine stopped working (an internal error in gapscore).';

export class Notices {
  readonly element: HTMLElement;
  private readonly boxes = new Map<Kind, HTMLElement>();

  constructor(private readonly actions: NoticeActions) {
    this.element = h('div', { class: 'gs-notices' });
    for (const kind of ['engine', 'storage', 'unapplied', 'page-changed', 'other-tab'] as Kind[]) {
      const box = h('div', { class: 'gs-notice', part: 'notice', 'data-notice': kind, hidden: true, role: kind === 'engine' || kind === 'storage' ? 'alert' : null });
      this.boxes.set(kind, box);
      this.element.append(box);
    }
  }

  /** Saves fail (`problem`), or work again (null). */
  storage(problem: StorageProblem | null): void {
    if (!problem) return this.hide('storage');
    this.show(
      'storage',
      [
        h('p', {}, STORAGE_HEADING),
        h('div', { class: 'gs-muted' }, `${sentence(problem.message)}. Your edits stay while this page is open; a download or a share link keeps them after that.`),
        this.actionRow(['Download JSON', this.actions.downloadJson], ['Copy share link', this.actions.share], ['Try saving again', this.actions.retrySave]),
      ],
      problem.code,
    );
  }

  /** 'down': the engine stopped; 'reloading': a fresh one is on its way; null: it works. */
  engine(state: 'down' | 'reloading' | null): void {
    if (!state) return this.hide('engine');
    const reload = h('button', { type: 'button', class: 'gs-btn gs-primary', part: 'button' }, state === 'reloading' ? 'Reloading…' : 'Reload the engine');
    reload.disabled = state === 'reloading';
    reload.addEventListener('click', () => this.actions.reloadEngine());
    this.show(
      'engine',
      [h('p', {}, ENGINE_HEADING), h('div', {}, 'Your edits are kept. Reload the engine to go on from where you were.'), h('div', { class: 'gs-actions' }, reload)],
      'engine_failed',
    );
  }

  /** Values of this tab's that another tab replaced later (the later change wins). */
  otherTab(replaced: Replaced[], names: Names): void {
    if (replaced.length === 0) return;
    this.show('other-tab', [
      h('p', {}, `Another tab changed ${replaced.length === 1 ? 'a value' : `${replaced.length} values`} you had set; the later change is kept:`),
      h('ul', {}, ...replaced.map((r) => h('li', {}, `${pathLabel(r.path, names)}: ${r.theirs === null ? 'back to the page’s value' : valueText(r.path, r.theirs)} (yours was ${valueText(r.path, r.mine)})`))),
      this.actionRow(['Dismiss', () => this.hide('other-tab')]),
    ]);
  }

  /** Saved edits the data cannot take (none: the notice goes). */
  unapplied(edits: DroppedEdit[], pageChanged: boolean, names: Names): void {
    if (edits.length === 0) return this.hide('unapplied');
    const n = edits.length;
    const them = n === 1 ? 'it' : 'them';
    this.show('unapplied', [
      h(
        'p',
        {},
        pageChanged
          ? `The page’s data changed since your edits were saved: ${n === 1 ? '1 of them no longer applies' : `${n} of them no longer apply`}.`
          : `${n === 1 ? '1 of your saved edits no longer applies' : `${n} of your saved edits no longer apply`} to this data.`,
      ),
      h('ul', {}, ...edits.slice(0, 8).map((d) => unappliedLine(d, names)), n > 8 ? h('li', {}, `and ${n - 8} more`) : null),
      h('div', { class: 'gs-muted' }, `${n === 1 ? 'It stays' : 'They stay'} saved in this browser, and a download keeps ${them} anywhere.`),
      this.actionRow([`Download ${them} (JSON)`, this.actions.downloadSaved], [`Forget ${them}`, this.actions.forgetSaved], ['Dismiss', () => this.hide('unapplied')]),
    ]);
  }

  /**
   * The page's data changed since the reader's edits were saved, and these saved values are
   * shown instead of what the page now says (none: the notice goes).
   */
  pageChanged(values: OverPageValue[], names: Names): void {
    if (values.length === 0) return this.hide('page-changed');
    const n = values.length;
    const page = (v: OverPageValue) => (v.page === null ? 'the page gives none' : `the page now says ${formatNumber(v.page)}`);
    this.show('page-changed', [
      h('p', {}, `The page’s data changed since your edits were saved. ${n === 1 ? 'Your value is' : `Your ${n} values are`} shown instead of the page’s:`),
      h('ul', {}, ...values.slice(0, 8).map((v) => h('li', {}, `${pathLabel(v.path, names)}: yours ${formatNumber(v.mine)} (${page(v)})`)), n > 8 ? h('li', {}, `and ${n - 8} more`) : null),
      this.actionRow([n === 1 ? 'Use the page’s value' : 'Use the page’s values', this.actions.usePageValues], ['Keep mine', this.actions.keepMine]),
    ]);
  }

  shown(kind: Kind): boolean {
    return !this.boxes.get(kind)!.hidden;
  }

  private show(kind: Kind, content: (Node | null)[], code?: string): void {
    const box = this.boxes.get(kind)!;
    fill(box, ...content);
    if (code) box.dataset.code = code;
    box.hidden = false;
  }

  private hide(kind: Kind): void {
    const box = this.boxes.get(kind)!;
    box.hidden = true;
    fill(box);
  }

  private actionRow(...buttons: [string, () => void][]): HTMLElement {
    return h(
      'div',
      { class: 'gs-actions' },
      ...buttons.map(([text, run]) => {
        const b = h('button', { type: 'button', class: 'gs-btn', part: 'button' }, text);
        b.addEventListener('click', () => run());
        return b;
      }),
    );
  }
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(name: string | null, id: string): string {
  return `“${name ?? id}”`;
}

/** What a path names, for people: "“Dark mode” › Reach", "the weight of “Risk”". */
export function pathLabel(path: EditPath, names: Names): string {
  switch (path[0]) {
    case 'document':
      return 'the imported data';
    case 'model':
      return 'the model';
    case 'weights':
      return `the weight of ${quoted(names.criterion(path[1]), path[1])}`;
    case 'fields':
      return `${quoted(names.item(path[1]), path[1])} › ${humanize(path[2])}`;
    case 'scores':
      return `${quoted(names.item(path[1]), path[1])} › ${quoted(names.criterion(path[2]), path[2])}`;
  }
}

function valueText(path: EditPath, v: EditValue): string {
  if (path[0] === 'document') return 'other data';
  return typeof v === 'number' ? formatNumber(v) : v;
}

/** "“p9” › Reach: 7 (item “p9” is no longer in the data)", from the engine's problem (its path and code). */
function unappliedLine(d: DroppedEdit, names: Names): HTMLLIElement {
  const what = `${pathLabel(d.path, names)}: ${valueText(d.path, d.value)}`;
  const p = d.problem;
  let why = p?.message ?? 'the data does not take it';
  if (p?.code === 'unknown_reference' && p.path === 'item' && d.path.length === 3) why = `item “${d.path[1]}” is no longer in the data`;
  else if (p?.code === 'unknown_reference' && p.path === 'criterion') why = `criterion “${d.path[0] === 'weights' ? d.path[1] : d.path[2]}” is no longer in the data`;
  const li = h('li', {}, `${what} (${why})`);
  if (p?.code) li.dataset.code = p.code;
  return li;
}
