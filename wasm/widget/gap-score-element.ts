// <gap-score>: the drop-in widget. This file wires the parts together: it reads the
// attributes, loads the data and the module, and opens share links. Every change, with its
// history and storage, goes through edit-controller.ts; renderer.ts and render-scheduler.ts
// draw. Scoring lives in the WebAssembly module; tables, sliders, dialogs and charts in
// their own modules.

import { h } from './dom';
import { count } from './format';
import { commandNames, loadModule } from './module';
import type { GapscoreModule, Problem } from './module-types';
import { Session } from './session';
import type { EditState } from './state';
import { changesData, emptyState, viewOnly } from './state';
import { EditController } from './edit-controller';
import { Feedback } from './feedback';
import { safeParse } from './messages';
import { Renderer } from './renderer';
import { loadSaved, save, setAside } from './store';
import { dropShareLink, hasShareLink, takeShareLink, writeShareLink } from './sharing';
import type { SharedView } from './sharing';
import { claimStorageKey, readPageText, releaseStorageKey } from './page-source';
import { Header } from './header';
import { RankTable } from './table';
import { WeightPanel } from './weights';
import { ExplainDialog } from './explain-dialog';
import { AnalysisViews } from './views';
import { DataDialog } from './data-dialog';
import { ScenariosDialog } from './scenarios-dialog';
import { download, fileStem, prepareImport } from './import';
import { MessageArea } from './messages';
import { Tabs } from './tabs';
import { GapScoreChangeEvent } from './events';
import type { GapScoreErrorEvent } from './events';
import { css } from './styles';

/** Below this width the table drops its input columns (estimates stay editable in the dialog). */
const NARROW_PX = 600;

let sheet: CSSStyleSheet | null = null;

export class GapScoreElement extends HTMLElement {
  static observedAttributes = ['src', 'model', 'top', 'view', 'readonly', 'storage-key'];

  /**
   * Registers the element. A tag that is already defined is left alone (two copies of the
   * script on one page are harmless); a second tag name gets a subclass, because a registry
   * accepts each constructor only once.
   */
  static define(tag = 'gap-score', registry: CustomElementRegistry = customElements): typeof GapScoreElement {
    if (registry.get(tag)) return this;
    try {
      registry.define(tag, this);
    } catch {
      registry.define(tag, class extends this {});
    }
    return this;
  }

  private readonly root: ShadowRoot;
  private gs: GapscoreModule | null = null;
  private commands = new Set<string>();
  private session: Session | null = null;
  private key = '';
  private built = false;
  private loadToken = 0;
  /** A link pasted into the address of the page already open applies at once. */
  private readonly onHashChange = (): void => void this.openLinkInAddress();
  /** The link being opened carried data or estimates that a read-only widget leaves out. */
  private linkDataIgnored = false;
  private readyResolve!: () => void;
  /** Resolves once the first ranking is on screen (or the first load failed). */
  readonly ready: Promise<void> = new Promise((r) => (this.readyResolve = r));

  // Parts of the UI, built once on first connection.
  private header!: Header;
  private messages!: MessageArea;
  private feedback!: Feedback;
  private edits!: EditController;
  private renderer!: Renderer;
  private weights!: WeightPanel;
  private table!: RankTable;
  private views!: AnalysisViews;
  private tabs!: Tabs;
  private explainDialog!: ExplainDialog;
  private dataDialog!: DataDialog;
  private scenariosDialog!: ScenariosDialog;
  private body!: HTMLElement;
  private loading!: HTMLElement;

  constructor() {
    super();
    this.root = this.attachShadow({ mode: 'open' });
  }

  // ---- attributes: the public API, read through getters with safe defaults ----

  // Each property also sets its attribute (el.src = 'x.json' works like setAttribute), as
  // frameworks that set properties on custom elements expect.
  get src(): string {
    return this.getAttribute('src') ?? '';
  }
  set src(value: string) {
    this.setAttribute('src', String(value));
  }
  /** The model to start with; a space-separated list means the first one the data supports (a person's own choice, once made, wins). */
  get model(): string {
    return this.getAttribute('model') ?? '';
  }
  set model(value: string) {
    this.setAttribute('model', String(value));
  }
  /** Top N for "entered/left the top N" and the cut line; default: the document's, else 10. */
  get top(): number {
    const attr = Number.parseInt(this.getAttribute('top') ?? '', 10);
    const doc = this.session?.document.top;
    const n = attr >= 1 ? attr : typeof doc === 'number' && doc >= 1 ? doc : 10;
    return Math.max(1, Math.min(n, this.session?.size || n));
  }
  set top(value: number) {
    this.setAttribute('top', String(value));
  }
  /** The view shown first: ranking (default), compare, matrix, gaps, agreement, uncertainty, sensitivity, evidence; a space-separated list means the first one available. */
  get view(): string[] {
    return (this.getAttribute('view') ?? 'ranking').split(/\s+/).filter(Boolean);
  }
  set view(value: string | string[]) {
    this.setAttribute('view', Array.isArray(value) ? value.join(' ') : String(value));
  }
  get readOnly(): boolean {
    return this.hasAttribute('readonly');
  }
  set readOnly(value: boolean) {
    this.toggleAttribute('readonly', !!value);
  }
  get storageKey(): string {
    return this.key;
  }

  /** The current document with every edit applied (a "gapscore/1" object), or null. */
  get document(): object | null {
    if (!this.session?.loaded) return null;
    return JSON.parse(this.session.currentJson()) as object;
  }

  /** Replaces the data (an object or JSON text); undoable. Resolves false if it cannot load. */
  async load(documentOrJson: object | string): Promise<boolean> {
    let text: string | undefined;
    let why = 'load() needs a "gapscore/1" document: an object or JSON text';
    try {
      if (typeof documentOrJson === 'string') text = documentOrJson;
      else if (documentOrJson !== null && typeof documentOrJson === 'object') text = JSON.stringify(documentOrJson);
    } catch (error) {
      why = `the document cannot be written as JSON: ${String((error as Error)?.message ?? error)}`; // a cycle, a BigInt
    }
    if (typeof text !== 'string') {
      // undefined would otherwise read as "no imported data" and quietly reset to the page's.
      this.feedback.fail('load', 'This data cannot be used.', [{ path: '', message: why }], 'The data shown before is unchanged.');
      return false;
    }
    await this.ensureModule();
    if (!this.session?.loaded) {
      return this.openPage(text, emptyState());
    }
    return this.edits.replaceDocument(text);
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    window.addEventListener('hashchange', this.onHashChange);
    if (!this.session) void this.start();
  }

  disconnectedCallback(): void {
    // Moving the element (disconnect + connect in one task) keeps everything; removal frees wasm memory.
    queueMicrotask(() => {
      if (this.isConnected) return;
      window.removeEventListener('hashchange', this.onHashChange);
      releaseStorageKey(this.key);
      this.key = '';
      this.session?.dispose();
      this.session = null;
      this.views?.dispose();
      this.renderer.stop();
    });
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.built) return;
    // A new src loads, also after a failed first load or while the first one is on its way.
    if (name === 'src') {
      void this.start();
      return;
    }
    if (!this.session?.loaded) return;
    switch (name) {
      case 'readonly':
        // Read-only stored nothing and read nothing: an editable widget starts again from
        // what is saved, so a later edit cannot save over the saved edits and scenarios.
        if (after === null) {
          this.edits.forgetVisit();
          void this.start();
        } else {
          this.edits.forgetSteps();
          this.renderer.refreshAll();
        }
        break;
      case 'model':
        this.edits.preferModel(after);
        break;
      case 'view': {
        const id = this.view.find((v) => this.tabs.has(v));
        if (id) this.tabs.select(id);
        break;
      }
      case 'storage-key':
        break; // read once at connection: moving edits between keys would surprise people
      default:
        this.renderer.refreshAll();
    }
  }

  // ---- building the shadow DOM ----

  private build(): void {
    this.built = true;
    if (!sheet && 'adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    if (sheet) this.root.adoptedStyleSheets = [sheet];
    else this.root.append(h('style', {}, css));

    this.header = new Header({
      model: (id) => this.edits.chooseModel(id),
      tool: (name, button) => {
        if (name === 'undo') this.edits.undo();
        else if (name === 'redo') this.edits.redo();
        else if (name === 'reset') this.edits.reset();
        else if (name === 'scenarios') this.scenariosDialog.show(button, Object.keys(this.edits.scenarios));
        else if (name === 'share') void this.share();
        else this.dataDialog.show(button, this.readOnly);
      },
    });
    this.messages = new MessageArea();
    this.feedback = new Feedback(this.messages, {
      target: this,
      session: () => this.session,
      gaveUp: () => {
        this.loading.hidden = true;
        this.readyResolve();
      },
    });
    this.edits = new EditController({
      session: () => this.session,
      readOnly: () => this.readOnly,
      gs: () => this.gs!,
      feedback: this.feedback,
      save: (saved) => save(this.key, saved),
      dropLink: () => dropShareLink(this.key),
      changed: () => this.renderer.refreshAll(),
      refused: () => this.renderer.redraw(),
      scenariosChanged: (names) => {
        this.scenariosDialog.update(names);
        this.views.scenariosChanged();
      },
    });
    this.weights = new WeightPanel({
      input: (id, w) => {
        this.renderer.dragStarted();
        if (this.edits.previewWeight(id, w)) this.renderer.redraw();
      },
      commit: (id, before, after) => {
        this.renderer.dragEnded();
        this.edits.commit({ kind: 'weight', id, before, after });
      },
      preset: (name) => this.edits.applyPreset(name),
    });
    this.table = new RankTable({
      open: (index, from) => this.renderer.openExplanation(index, from),
      edit: (index, col, value) => this.edits.editValue(index, col, value),
      more: () => this.renderer.moreRows(),
    });
    this.views = new AnalysisViews({
      gs: () => this.gs!,
      session: () => this.session!,
      top: () => this.top,
      scenarios: () => this.edits.scenarios,
      weightScaleMax: () => this.weights.scaleMax,
      openItem: (id) => {
        const i = this.session?.indexOf(id) ?? -1;
        if (i >= 0) this.renderer.openExplanation(i, null);
      },
    });
    this.tabs = new Tabs((id) => this.renderer.tabChanged(id));
    this.explainDialog = new ExplainDialog();
    this.dataDialog = new DataDialog({
      exportJson: () => this.exportJson(),
      exportCsv: () => this.exportCsv(),
      prepare: (text, filename) => {
        const s = this.session;
        const models = s ? [s.model, ...s.models.map((m) => m.id).filter((m) => m !== s.model)] : [];
        return prepareImport(this.gs!, text, filename, models);
      },
      replace: (text) => void this.edits.replaceDocument(text),
    });
    this.scenariosDialog = new ScenariosDialog({
      save: (name) => this.edits.saveScenario(name),
      load: (name) => this.edits.loadScenario(name),
      compare: (name) => {
        this.views.compareWith = name;
        this.views.scenariosChanged();
        this.tabs.select('compare');
        this.renderer.settleNow();
      },
      remove: (name) => {
        this.edits.removeScenario(name); // the comparison drops a deleted scenario (views.ts)
        this.renderer.settleNow();
      },
    });
    this.renderer = new Renderer(
      { header: this.header, messages: this.messages, weights: this.weights, table: this.table, views: this.views, tabs: this.tabs, explainDialog: this.explainDialog },
      {
        session: () => this.session,
        commands: () => this.commands,
        readOnly: () => this.readOnly,
        top: () => this.top,
        preferredViews: () => this.view,
        history: () => this.edits,
        editValue: (index, col, value) => this.edits.editValue(index, col, value),
        announce: (detail) => this.dispatchEvent(new GapScoreChangeEvent(detail)),
      },
    );
    this.loading = h('p', { class: 'gs-loading' }, 'Loading the backlog…');
    this.body = h(
      'div',
      { hidden: true },
      this.header.element,
      this.messages.status,
      this.weights.element,
      this.tabs.list,
      this.tabs.panels,
    );
    this.root.append(
      h('div', { class: 'gs-root', part: 'root' }, this.messages.errors, this.loading, this.body),
      this.explainDialog.element,
      this.dataDialog.element,
      this.scenariosDialog.element,
    );
    this.root.addEventListener('keydown', (ev) => this.onKey(ev as KeyboardEvent));
    const shell = this.root.querySelector('.gs-root') as HTMLElement;
    if (typeof ResizeObserver === 'function')
      new ResizeObserver((entries) => shell.classList.toggle('gs-narrow', entries[0].contentRect.width < NARROW_PX)).observe(this);
  }

  // ---- loading ----

  private async ensureModule(): Promise<GapscoreModule> {
    if (!this.gs) {
      this.gs = await loadModule();
      this.commands = commandNames(this.gs);
    }
    return this.gs;
  }

  private async start(): Promise<void> {
    const token = ++this.loadToken;
    // Attributes set right after the element is added by script (append, then setAttribute)
    // arrive before this: a src set that way starts its own load, and this one gives way.
    await Promise.resolve();
    if (token !== this.loadToken) return;
    // A script without defer upgrades the element as soon as its start tag is parsed,
    // before the inline data inside it exists: wait for the parser to finish the page.
    if (document.readyState === 'loading' && !this.src) {
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
      if (token !== this.loadToken) return;
    }
    if (!this.key) this.key = claimStorageKey(this, this.src);
    let text: string;
    try {
      const [page] = await Promise.all([readPageText(this, this.src), this.ensureModule()]);
      text = page;
    } catch (error) {
      if (token !== this.loadToken) return;
      const problems = Array.isArray(error) ? (error as Problem[]) : [{ path: '', message: String((error as Error)?.message ?? error) }];
      this.feedback.fail('load', 'The backlog could not be loaded.', problems, this.session?.loaded ? 'The data shown before is unchanged.' : '');
      return;
    }
    if (token !== this.loadToken) return;
    const stored = this.readOnly ? { saved: null } : loadSaved(this.key);
    const saved = stored.saved;
    if (saved) this.edits.adoptScenarios(saved.scenarios);
    let state = saved?.state ?? emptyState();
    const { shared, problem } = await this.readLink(text);
    if (token !== this.loadToken) return;
    const sharedOpened = !!shared && this.openPage(text, shared.state);
    let opened = sharedOpened;
    if (!sharedOpened) {
      opened = this.openPage(text, state);
      // After openPage, which clears old messages. A link whose view does not load here
      // leaves the reader's own view (and their saved edits) alone, and is blamed.
      if (shared && opened) this.linkUnreadable({ path: 'link', message: 'its view does not fit this data' });
      else if (problem) this.linkUnreadable(problem);
    }
    if (sharedOpened && shared) {
      this.showShared(state, shared);
    } else if (!opened && saved) {
      // Saved edits that no longer load (the data changed shape): start from the page's
      // data, and say so (the errors of the failed attempt are cleared by the second open).
      state = emptyState();
      if (this.openPage(text, state)) this.storedEditsRefused(`they no longer fit this data. ${setAside(this.key)}`);
    }
    if (stored.problem) this.storedEditsRefused(stored.problem);
  }

  /** The link in the address for this widget (removed from it), or why it cannot be read. */
  private async readLink(pageText: string): Promise<{ shared: SharedView | null; problem: Problem | null }> {
    this.linkDataIgnored = false;
    try {
      const shared = await takeShareLink(this.key, pageText);
      // Read-only means the data cannot be changed or replaced, by a link either: the link
      // brings its model, weights and tab only.
      if (shared && this.readOnly && changesData(shared.state)) {
        shared.state = viewOnly(shared.state);
        this.linkDataIgnored = true;
      }
      return { shared, problem: null };
    } catch (error) {
      return { shared: null, problem: { path: 'link', message: String((error as Error)?.message ?? error) } };
    }
  }

  private linkUnreadable(problem: Problem): void {
    this.feedback.fail('link', 'The shared link could not be read.', [problem], 'Showing your own view instead.');
  }

  /** After a link's state was opened over `own`: undo step, the link's view, and storage left alone. */
  private showShared(own: EditState, shared: SharedView): void {
    const dataIgnored = this.linkDataIgnored;
    this.linkDataIgnored = false;
    const same = !this.edits.linkOpened(own); // the reader's own view already (say, the sender reloading)
    this.renderer.refreshAll(); // the Undo button, and the tabs of the link's model
    if (shared.view && this.tabs.has(shared.view)) this.tabs.select(shared.view);
    if (same && !dataIgnored) return;
    this.messages.say(
      dataIgnored
        ? 'Opened a shared view: its model and weights only, because this widget is read-only and keeps the page’s data. Undo returns to your own.'
        : 'Opened a shared view. Undo returns to your own; your saved edits stay until you change this view.',
    );
  }

  /** A link for this widget pasted into the address of the open page. */
  private async openLinkInAddress(): Promise<void> {
    const s = this.session;
    if (!s?.loaded || !hasShareLink(this.key)) return;
    const { shared, problem } = await this.readLink(s.pageDocument);
    if (this.session !== s) return;
    if (problem) this.linkUnreadable(problem);
    if (!shared) return;
    const own = this.edits.ownState();
    const r = s.apply({ kind: 'state', label: 'open the shared link', before: s.state, after: shared.state }, 'after', shared.state);
    if (!r.ok) {
      this.feedback.fail('link', 'The shared link does not fit this data.', r.errors, 'Showing your own view instead.');
      return;
    }
    this.messages.clearErrors();
    this.showShared(own, shared); // re-renders when the state changed
  }

  /** Saved edits that cannot be used are shown as a problem, never dropped in silence. */
  private storedEditsRefused(why: string): void {
    this.messages.problems('Your saved edits could not be used, so the page’s data is shown.', [{ path: 'localStorage', message: why }]);
  }

  /** Loads page text + state into a session. On failure, the previous session stays. */
  private openPage(text: string, state: EditState): boolean {
    const gs = this.gs!;
    const session = this.session?.loaded ? this.session : new Session(gs);
    const previous = session.loaded ? { page: session.pageDocument, state: session.state } : null;
    session.preferredModel = this.model || null;
    const r = session.open(text, state);
    if (!r.ok) {
      if (session !== this.session) session.dispose();
      else if (previous) session.open(previous.page, previous.state);
      this.feedback.fail('load', 'This data cannot be used.', r.errors, previous ? 'The data shown before is unchanged.' : '', safeParse(text));
      return false;
    }
    this.session = session;
    this.renderer.resetRows();
    this.messages.clearErrors();
    if (r.dropped) this.messages.say(`${count(r.dropped, 'saved edit')} no longer matched the data and ${r.dropped === 1 ? 'was' : 'were'} left out.`);
    this.loading.hidden = true;
    this.body.hidden = false;
    this.renderer.refreshAll();
    this.readyResolve();
    return true;
  }

  // ---- sharing and export ----

  private async share(): Promise<void> {
    const s = this.session;
    if (!s) return;
    const url = await writeShareLink(this.key, { state: s.state, view: this.tabs.current || null }, s.pageDocument);
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false; // no clipboard permission (or file://): the address bar has it
    }
    this.messages.say(
      copied
        ? 'Link copied. It holds this view in the part after # that browsers never send to a server.'
        : 'The link is in the address bar: copy it from there. Nothing was sent anywhere.',
    );
  }

  private exportJson(): void {
    const s = this.session!;
    download(s.currentJson(), `${fileStem(String(s.document.title ?? this.key))}.json`, 'application/json');
  }

  private exportCsv(): void {
    const s = this.session!;
    // Every item, as the table ranks them: a document's "top" only sets the cut line.
    const text = this.gs!.run('rank', s.currentJson(), JSON.stringify({ model: s.model, format: 'csv', top: Math.max(1, s.size) }));
    download(text, `${fileStem(String(s.document.title ?? this.key))}-${s.model}.csv`, 'text/csv');
  }

  private onKey(ev: KeyboardEvent): void {
    if (!(ev.ctrlKey || ev.metaKey) || ev.altKey) return;
    const target = ev.composedPath()[0] as HTMLElement;
    if (target?.matches?.('input[type="text"], input[type="number"], textarea')) return; // their own undo
    const k = ev.key.toLowerCase();
    if (k === 'z' && !ev.shiftKey) this.edits.undo();
    else if ((k === 'z' && ev.shiftKey) || k === 'y') this.edits.redo();
    else return;
    ev.preventDefault();
  }
}


declare global {
  interface HTMLElementTagNameMap {
    'gap-score': GapScoreElement;
  }
  interface HTMLElementEventMap {
    'gapscore-change': GapScoreChangeEvent;
    'gapscore-error': GapScoreErrorEvent;
  }
}
