// Loading a widget's data: the WebAssembly module, the page's document (src file or inline
// script), the saved edits and a share link in the address. A link's view opens over the
// reader's saved edits (Undo returns to them); a link that cannot be used is blamed and the
// reader's own view shown; saved edits that no longer fit are set aside, never dropped, and
// single saved edits the data cannot take (an item or criterion gone) are named and kept; a
// newer load (a new src) wins over an older one still on its way; and after the engine
// failed, a fresh one opens the state that was on screen. The browser is reached through
// PageEdges, so tests/browser/page-loader.test.mjs runs all of this under node.

import type { EditController } from './edit-controller';
import { isEngineFailure, unlessEngineFailed } from './engine-guard';
import type { Feedback } from './feedback';
import { count } from './format';
import { safeParse } from './messages';
import { NO_WASM, WASM_BLOCKED, commandNames, loadModule } from './module';
import type { GapscoreModule, Problem } from './module-types';
import { claimStorageKey, readPageText, releaseStorageKey } from './page-source';
import type { OverPageValue } from './page-changes';
import { valuesOverPage } from './page-changes';
import type { DroppedEdit } from './session';
import { Session } from './session';
import type { SharedView } from './sharing';
import { hashText, hasShareLink, takeShareLink } from './sharing';
import type { EditState } from './state';
import { changesData, emptyState, isPristine, viewOnly } from './state';
import type { LoadOutcome } from './store';
import { SAVED_EDITS_SET_ASIDE, loadSaved, setAside } from './store';

/** The browser, as far as loading needs it. */
export interface PageEdges {
  /** Resolves when the parser has finished the page; null when it has already. */
  untilParsed(): Promise<unknown> | null;
  claimKey(src: string): string;
  releaseKey(key: string): void;
  /** The src file or the inline data; throws a list of problems. */
  readPage(src: string): Promise<string>;
  module(): Promise<GapscoreModule>;
  newSession(gs: GapscoreModule): Session;
  loadSaved(key: string): LoadOutcome;
  /** Moves a saved entry aside; a sentence saying where. */
  setAside(key: string): string;
  /** The share link in the address for this widget (taken out of it), null if none; throws when unreadable. */
  takeLink(key: string, pageText: string): Promise<SharedView | null>;
  hasLink(key: string): boolean;
}

export function browserEdges(el: Element): PageEdges {
  return {
    untilParsed: () =>
      document.readyState === 'loading' ? new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true })) : null,
    claimKey: (src) => claimStorageKey(el, src),
    releaseKey: releaseStorageKey,
    readPage: (src) => readPageText(el, src),
    module: loadModule,
    newSession: (gs) => new Session(gs),
    loadSaved,
    setAside,
    takeLink: takeShareLink,
    hasLink: hasShareLink,
  };
}

export interface LoaderPorts {
  src(): string;
  /** The model attribute (a space-separated list of preferences). */
  model(): string;
  readOnly(): boolean;
  feedback: Pick<Feedback, 'say' | 'clearErrors' | 'fail' | 'problems'>;
  edits: Pick<EditController, 'adoptSaved' | 'loaded' | 'linkOpened' | 'ownState'>;
  /** A document is on screen (first or again): show the widget's body and draw; `ready` resolves. */
  opened(): void;
  /** Redraw after the state changed under the same document. */
  refreshAll(): void;
  /** Opens the view (tab) a link names, when this data has it. */
  showView(id: string | null): void;
  /**
   * The saved edits this data cannot take (none: nothing to say), opened at the first load of
   * the data; `pageChanged`: the page's data differs from the one they were saved with.
   */
  unapplied(edits: DroppedEdit[], pageChanged: boolean): void;
  /**
   * The page's data changed since the reader's edits were saved: these saved values are shown
   * instead of what the page now says (none: nothing to say).
   */
  overPage?(values: OverPageValue[]): void;
  /** The reader's saved edits are on screen instead of the page's data (a returning reader). */
  savedShown?(): void;
}

/** What the address holds for this widget. */
type LinkReading =
  | { kind: 'none' }
  | { kind: 'view'; shared: SharedView; /** A read-only widget left the link's data and estimates out. */ dataLeftOut: boolean }
  | { kind: 'unreadable'; problem: Problem };

export class PageLoader {
  gs: GapscoreModule | null = null;
  /** The module's commands: views and presets appear only when their command exists. */
  commands = new Set<string>();
  /** The loaded data and edits on live engines; null before the first load and after removal. */
  session: Session | null = null;
  /** Where edits are stored and which share-link parameter is this widget's; chosen at the first load. */
  key = '';
  /** Each start() takes a number; one that is no longer the latest gives way. */
  private latestLoad = 0;
  /** The edits the last openPage() could not apply. */
  private dropped: DroppedEdit[] = [];

  constructor(
    private readonly edges: PageEdges,
    private readonly ports: LoaderPorts,
  ) {}

  async module(): Promise<GapscoreModule> {
    if (!this.gs) {
      this.gs = await this.edges.module();
      this.commands = commandNames(this.gs);
    }
    return this.gs;
  }

  /** Loads the page's data with the saved edits or a share link's view (connection, a new src). */
  async start(): Promise<void> {
    try {
      await this.load();
    } catch (error) {
      if (!isEngineFailure(error)) throw error; // the engine failed while loading: the widget says so
    }
  }

  private async load(): Promise<void> {
    const load = ++this.latestLoad;
    const superseded = () => load !== this.latestLoad;
    // Attributes set right after the element is added by script (append, then setAttribute)
    // arrive before this: a src set that way starts its own load, and this one gives way.
    await Promise.resolve();
    if (superseded()) return;
    // A script without defer upgrades the element as soon as its start tag is parsed,
    // before the inline data inside it exists: wait for the parser to finish the page.
    const parsing = this.ports.src() ? null : this.edges.untilParsed();
    if (parsing) {
      await parsing;
      if (superseded()) return;
    }
    const src = this.ports.src();
    if (!this.key) this.key = this.edges.claimKey(src);
    let text: string;
    try {
      [text] = await Promise.all([this.edges.readPage(src), this.module()]);
    } catch (error) {
      if (superseded()) return;
      const problems = Array.isArray(error) ? (error as Problem[]) : [{ path: '', code: 'internal_error', message: String((error as Error)?.message ?? error) }];
      const blocked = problems[0]?.code === WASM_BLOCKED || problems[0]?.code === NO_WASM;
      this.ports.feedback.fail(
        'load',
        blocked ? 'The widget cannot run on this page: WebAssembly is blocked.' : 'The backlog could not be loaded.',
        problems,
        this.session?.loaded ? 'The data shown before is unchanged.' : '',
      );
      return;
    }
    if (superseded()) return;
    // Read-only stores nothing and reads nothing.
    const stored: LoadOutcome = this.ports.readOnly() ? { saved: null } : this.edges.loadSaved(this.key);
    const saved = stored.saved;
    const page = hashText(text);
    this.ports.edits.adoptSaved(saved, page);
    const own = saved?.state() ?? emptyState();
    const link = await this.readLink(text);
    if (superseded()) return;
    const linkShown = link.kind === 'view' && this.openPage(text, link.shared.state);
    let opened = linkShown;
    if (linkShown && this.dropped.length) {
      this.ports.feedback.say(`${count(this.dropped.length, 'edit')} of the shared view no longer matched the data and ${this.dropped.length === 1 ? 'was' : 'were'} left out.`);
    }
    if (!linkShown) {
      opened = this.openPage(text, own);
      // Saved edits this data cannot take (an item or criterion gone): named, and kept saved.
      if (opened) this.ports.unapplied(this.dropped, !!saved?.page && saved.page !== page);
      // Saved values over a page an author changed since: said, so neither change is hidden.
      const overPage = this.ports.overPage;
      if (overPage && opened && saved?.page && saved.page !== page && this.session && this.session.state.document === null) {
        const s = this.session;
        const weights = new Map(s.criteria().map((c) => [c.id, c.documentWeight]));
        overPage(valuesOverPage({ input: (item, kind, key) => s.documentValue(s.indexOf(item), { kind, key }), weight: (id) => weights.get(id) ?? null }, s.state));
      }
      if (opened && saved && !isPristine(own)) this.ports.savedShown?.();
      // After openPage, which clears old messages. A link whose view does not load here
      // leaves the reader's own view (and their saved edits) alone, and is blamed.
      if (link.kind === 'view' && opened) this.linkUnreadable({ path: 'link', code: 'invalid_value', message: 'its view does not fit this data' });
      else if (link.kind === 'unreadable') this.linkUnreadable(link.problem);
    }
    if (linkShown && link.kind === 'view') {
      this.showLink(own, link);
    } else if (!opened && saved) {
      // Saved edits that no longer load (the data changed shape): start from the page's
      // data, and say so (the errors of the failed attempt are cleared by the second open).
      if (this.openPage(text, emptyState())) {
        this.ports.edits.adoptSaved(null, page); // set aside whole: the next save starts a new entry
        this.storedEditsRefused(`they no longer fit this data. ${this.edges.setAside(this.key)}`);
      }
    }
    if (stored.problem) this.storedEditsRefused(stored.problem);
    this.ports.edits.loaded();
  }

  /**
   * After the engine failed: a fresh instance opens the state that was on screen (the reader's
   * edits, a shared view, an import), or, when nothing had loaded yet, the first load again.
   * False when it did not load (the widget says why).
   */
  async reloadEngine(): Promise<boolean> {
    const before = this.session;
    this.gs = null;
    if (!before?.loaded) {
      this.session = null;
      await this.start();
      return (this.session as Session | null)?.loaded === true; // start() opened one, or said why not
    }
    this.session = null; // openPage makes a session on the fresh instance
    let opened: boolean | null = false;
    try {
      await this.module();
      opened = unlessEngineFailed(() => this.openPage(before.pageDocument, before.state));
    } catch (error) {
      const problems = Array.isArray(error) ? (error as Problem[]) : [{ path: '', code: 'internal_error', message: String((error as Error)?.message ?? error) }];
      this.ports.feedback.fail('load', 'The engine could not be reloaded.', problems, 'Your edits are kept.');
    }
    if (!opened) this.session = before; // still the state to reopen on the next try
    return !!opened;
  }

  /** Loads page text + edits into a session. On failure, the previous session stays as it was. */
  openPage(text: string, state: EditState): boolean {
    const session = this.session?.loaded ? this.session : this.edges.newSession(this.gs!);
    const previous = session.loaded ? { page: session.pageDocument, state: session.state } : null;
    session.preferredModel = this.ports.model() || null;
    const r = session.open(text, state);
    const { feedback } = this.ports;
    if (!r.ok) {
      if (session !== this.session) session.dispose();
      else if (previous) session.open(previous.page, previous.state);
      const keep = [r.note, previous ? 'The data shown before is unchanged.' : ''].filter(Boolean).join(' ');
      feedback.fail('load', r.heading ?? 'This data cannot be used.', r.errors, keep, safeParse(text));
      return false;
    }
    this.session = session;
    this.dropped = r.droppedEdits ?? [];
    feedback.clearErrors();
    this.ports.opened();
    return true;
  }

  /** A link for this widget pasted into the address of the open page (hashchange). */
  async openLinkInAddress(): Promise<void> {
    const s = this.session;
    if (!s?.loaded || !this.edges.hasLink(this.key)) return;
    const link = await this.readLink(s.pageDocument);
    if (this.session !== s) return; // removed from the page meanwhile
    if (link.kind === 'unreadable') this.linkUnreadable(link.problem);
    if (link.kind !== 'view') return;
    const own = this.ports.edits.ownState();
    const { state } = link.shared;
    const r = unlessEngineFailed(() => s.apply({ kind: 'state', label: 'open the shared link', before: s.state, after: state }, 'after', state));
    if (!r) return;
    if (!r.ok) {
      this.ports.feedback.fail('link', r.heading ?? 'The shared link does not fit this data.', r.errors, [r.note, 'Showing your own view instead.'].filter(Boolean).join(' '));
      return;
    }
    this.ports.feedback.clearErrors();
    this.showLink(own, link); // re-renders when the state changed
  }

  /** The widget left the page: its key is free for another widget, and the engines' memory is returned. */
  stop(): void {
    this.edges.releaseKey(this.key);
    this.key = '';
    this.session?.dispose();
    this.session = null;
  }

  /** The link in the address for this widget (taken out of it), or why it cannot be read. */
  private async readLink(pageText: string): Promise<LinkReading> {
    try {
      const shared = await this.edges.takeLink(this.key, pageText);
      if (!shared) return { kind: 'none' };
      // Read-only means the data cannot be changed or replaced, by a link either: the link
      // brings its model, weights and tab only.
      const dataLeftOut = this.ports.readOnly() && changesData(shared.state);
      if (dataLeftOut) shared.state = viewOnly(shared.state);
      return { kind: 'view', shared, dataLeftOut };
    } catch (error) {
      return { kind: 'unreadable', problem: { path: 'link', code: 'invalid_value', message: String((error as Error)?.message ?? error) } };
    }
  }

  /** After a link's state was opened over `own`: its undo step, its tab, and a word about it. */
  private showLink(own: EditState, link: { shared: SharedView; dataLeftOut: boolean }): void {
    const recorded = this.ports.edits.linkOpened(own);
    this.ports.refreshAll(); // the Undo button, and the tabs of the link's model
    this.ports.showView(link.shared.view);
    if (!recorded && !link.dataLeftOut) return; // the reader's own view already: nothing to say
    this.ports.feedback.say(
      link.dataLeftOut
        ? 'Opened a shared view: its model and weights only, because this widget is read-only and keeps the page’s data. Undo returns to your own.'
        : 'Opened a shared view. Undo returns to your own; your saved edits stay until you change this view.',
    );
  }

  private linkUnreadable(problem: Problem): void {
    this.ports.feedback.fail('link', 'The shared link could not be read.', [problem], 'Showing your own view instead.');
  }

  /** Saved edits that cannot be used are shown as a problem, never dropped in silence. */
  private storedEditsRefused(why: string): void {
    this.ports.feedback.problems('load', 'Your saved edits could not be used, so the page’s data is shown.', [
      { path: 'localStorage', code: SAVED_EDITS_SET_ASIDE, message: why },
    ]);
  }
}

/** What load() was given, as document text; or why it is no document. */
export function documentText(input: unknown): { ok: true; text: string } | { ok: false; why: string } {
  let why = 'load() needs a "gapscore/1" document: an object or JSON text';
  try {
    if (typeof input === 'string') return { ok: true, text: input };
    // JSON.stringify gives undefined for some objects; that would read as "no imported data".
    if (input !== null && typeof input === 'object') {
      const text = JSON.stringify(input) as string | undefined;
      if (typeof text === 'string') return { ok: true, text };
    }
  } catch (error) {
    why = `the document cannot be written as JSON: ${String((error as Error)?.message ?? error)}`; // a cycle, a BigInt
  }
  return { ok: false, why };
}
