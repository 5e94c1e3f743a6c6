// <gap-score>: the drop-in widget. This file wires the parts together: it reads the
// attributes and builds the UI. page-loader.ts loads the data, saved edits and share links;
// every change, with its history and storage, goes through edit-controller.ts; renderer.ts
// and render-scheduler.ts draw. Scoring lives in the WebAssembly module; tables, sliders,
// dialogs and charts in their own modules.

import { h } from './dom';
import { emptyState } from './state';
import { EditController } from './edit-controller';
import { Feedback } from './feedback';
import { PageLoader, browserEdges, documentText } from './page-loader';
import { Renderer } from './renderer';
import { save } from './store';
import { dropShareLink, writeShareLink } from './sharing';
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
  private built = false;
  /** A link pasted into the address of the page already open applies at once. */
  private readonly onHashChange = (): void => void this.loader.openLinkInAddress();
  private readyResolve!: () => void;
  /** Resolves once the first ranking is on screen (or the first load failed). */
  readonly ready: Promise<void> = new Promise((r) => (this.readyResolve = r));

  // Parts of the UI, built once on first connection.
  private header!: Header;
  private messages!: MessageArea;
  private feedback!: Feedback;
  private edits!: EditController;
  private renderer!: Renderer;
  private loader!: PageLoader;
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
    const session = this.loader?.session;
    const doc = session?.document.top;
    const n = attr >= 1 ? attr : typeof doc === 'number' && doc >= 1 ? doc : 10;
    return Math.max(1, Math.min(n, session?.size || n));
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
    return this.loader?.key ?? '';
  }

  /** The current document with every edit applied (a "gapscore/1" object), or null. */
  get document(): object | null {
    const session = this.loader?.session;
    if (!session?.loaded) return null;
    return JSON.parse(session.currentJson()) as object;
  }

  /** Replaces the data (an object or JSON text); undoable. Resolves false if it cannot load. */
  async load(documentOrJson: object | string): Promise<boolean> {
    const doc = documentText(documentOrJson);
    if (!doc.ok) {
      // undefined would otherwise read as "no imported data" and quietly reset to the page's.
      this.feedback.fail('load', 'This data cannot be used.', [{ path: '', message: doc.why }], 'The data shown before is unchanged.');
      return false;
    }
    await this.loader.module();
    return this.loader.session?.loaded ? this.edits.replaceDocument(doc.text) : this.loader.openPage(doc.text, emptyState());
  }

  connectedCallback(): void {
    if (!this.built) this.build();
    window.addEventListener('hashchange', this.onHashChange);
    if (!this.loader.session) void this.loader.start();
  }

  disconnectedCallback(): void {
    // Moving the element (disconnect + connect in one task) keeps everything; removal frees wasm memory.
    queueMicrotask(() => {
      if (this.isConnected) return;
      window.removeEventListener('hashchange', this.onHashChange);
      this.loader.stop();
      this.views?.dispose();
      this.renderer.stop();
    });
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (before === after || !this.built) return;
    // A new src loads, also after a failed first load or while the first one is on its way.
    if (name === 'src') {
      void this.loader.start();
      return;
    }
    if (!this.loader.session?.loaded) return;
    switch (name) {
      case 'readonly':
        // Read-only stored nothing and read nothing: an editable widget starts again from
        // what is saved, so a later edit cannot save over the saved edits and scenarios.
        if (after === null) {
          this.edits.forgetVisit();
          void this.loader.start();
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
      session: () => this.loader.session,
      gaveUp: () => {
        this.loading.hidden = true;
        this.readyResolve();
      },
    });
    this.edits = new EditController({
      session: () => this.loader.session,
      readOnly: () => this.readOnly,
      gs: () => this.loader.gs!,
      feedback: this.feedback,
      save: (saved) => save(this.loader.key, saved),
      dropLink: () => dropShareLink(this.loader.key),
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
      gs: () => this.loader.gs!,
      session: () => this.loader.session!,
      top: () => this.top,
      scenarios: () => this.edits.scenarios,
      weightScaleMax: () => this.weights.scaleMax,
      openItem: (id) => {
        const i = this.loader.session?.indexOf(id) ?? -1;
        if (i >= 0) this.renderer.openExplanation(i, null);
      },
    });
    this.tabs = new Tabs((id) => this.renderer.tabChanged(id));
    this.explainDialog = new ExplainDialog();
    this.dataDialog = new DataDialog({
      exportJson: () => this.exportJson(),
      exportCsv: () => this.exportCsv(),
      prepare: (text, filename) => {
        const s = this.loader.session;
        const models = s ? [s.model, ...s.models.map((m) => m.id).filter((m) => m !== s.model)] : [];
        return prepareImport(this.loader.gs!, text, filename, models);
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
        session: () => this.loader.session,
        commands: () => this.loader.commands,
        readOnly: () => this.readOnly,
        top: () => this.top,
        preferredViews: () => this.view,
        history: () => this.edits,
        editValue: (index, col, value) => this.edits.editValue(index, col, value),
        announce: (detail) => this.dispatchEvent(new GapScoreChangeEvent(detail)),
      },
    );
    this.loader = new PageLoader(browserEdges(this), {
      src: () => this.src,
      model: () => this.model,
      readOnly: () => this.readOnly,
      feedback: this.feedback,
      edits: this.edits,
      opened: () => {
        this.renderer.resetRows();
        this.loading.hidden = true;
        this.body.hidden = false;
        this.renderer.refreshAll();
        this.readyResolve();
      },
      refreshAll: () => this.renderer.refreshAll(),
      showView: (id) => {
        if (id && this.tabs.has(id)) this.tabs.select(id);
      },
    });
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

  // ---- sharing and export ----

  private async share(): Promise<void> {
    const s = this.loader.session;
    if (!s) return;
    const url = await writeShareLink(this.loader.key, { state: s.state, view: this.tabs.current || null }, s.pageDocument);
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
    const s = this.loader.session!;
    download(s.currentJson(), `${fileStem(String(s.document.title ?? this.loader.key))}.json`, 'application/json');
  }

  private exportCsv(): void {
    const s = this.loader.session!;
    // Every item, as the table ranks them: a document's "top" only sets the cut line.
    const text = this.loader.gs!.run('rank', s.currentJson(), JSON.stringify({ model: s.model, format: 'csv', top: Math.max(1, s.size) }));
    download(text, `${fileStem(String(s.document.title ?? this.loader.key))}-${s.model}.csv`, 'text/csv');
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
