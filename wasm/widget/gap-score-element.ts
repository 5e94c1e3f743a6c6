// <gap-score>: the drop-in widget. This file is its public face (attributes, properties,
// load(), ready, the events) and its wiring: the parts are built on first connection and
// connected here. Each job lives in its own module: page-loader.ts loads the data, saved
// edits and share links; edit-controller.ts makes every change, with its history and its
// storage (merged with other tabs'); renderer.ts and render-scheduler.ts draw;
// durability.ts says what cannot be kept or has stopped; scoring is the WebAssembly module's.

import { DataDialog } from './data-dialog';
import { Durability } from './durability';
import { EditController } from './edit-controller';
import { unlessEngineFailed } from './engine-guard';
import { GapScoreChangeEvent, GapScoreErrorEvent } from './events';
import { ExplainDialog } from './explain-dialog';
import { Feedback } from './feedback';
import { Header } from './header';
import { detectColumns, modelsToTry, prepareImport } from './import';
import { copyMarkdown, exportHtml } from './decision-record';
import { MessageArea } from './messages';
import { onEngineFailure } from './module';
import { PageLoader, browserEdges, documentText } from './page-loader';
import { commandsSettled } from './parts';
import { inlineText } from './page-source';
import { Renderer } from './renderer';
import { ScenariosDialog } from './scenarios-dialog';
import type { Session } from './session';
import { exportCsv, exportJson, share } from './share-and-export';
import type { OutputHost } from './share-and-export';
import { dropShareLink } from './sharing';
import { mountShell } from './shell';
import { watchWidth } from './watch-width';
import { historyShortcut } from './shortcuts';
import { emptyState } from './state';
import { entryName, entryStore } from './store';
import { RankTable } from './table';
import { Tabs } from './tabs';
import { AnalysisViews } from './views';
import { WeightPanel } from './weights';

/** What the element keeps of its parts after building them. */
interface Parts {
  loader: PageLoader;
  edits: EditController;
  renderer: Renderer;
  feedback: Feedback;
  tabs: Tabs;
  views: AnalysisViews;
  /** The engine stopped: the body is inert until it is reloaded. */
  engineFailed(): void;
}

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
  /** Built on first connection; null before. */
  private parts: Parts | null = null;
  private readyResolve!: () => void;
  /** Resolves once the first ranking is on screen (or the first load failed). */
  readonly ready: Promise<void> = new Promise((r) => (this.readyResolve = r));
  /** A link pasted into the address of the page already open applies at once. */
  private readonly onHashChange = (): void => void this.parts?.loader.openLinkInAddress();
  /** Another tab saved this widget's entry: its edits show here too (sessionStorage events are someone else's). */
  private readonly onStorage = (e: StorageEvent): void => {
    const p = this.parts;
    if (p?.loader.session?.loaded && p.loader.key && e.key === entryName(p.loader.key) && !isSessionStorage(e.storageArea)) p.edits.received(e.newValue);
  };
  private offEngineFailure: (() => void) | null = null;

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
  /**
   * Top N for "entered/left the top N" and the cut line: the attribute, at most the items;
   * without it the engine's default (the document's top, else 10, at most the items). Before
   * any data is loaded, the attribute or 10.
   */
  get top(): number {
    const session = this.parts?.loader.session;
    const attr = Number.parseInt(this.getAttribute('top') ?? '', 10);
    if (!session?.loaded) return attr >= 1 ? attr : 10;
    if (attr >= 1) return Math.max(1, Math.min(attr, session.size || attr));
    return session.defaultTop;
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
    return this.parts?.loader.key ?? '';
  }

  /** The current document with every edit applied (a "gapscore/1" object), or null. */
  get document(): object | null {
    const session = this.parts?.loader.session;
    if (!session?.loaded) return null;
    const text = unlessEngineFailed(() => session.currentJson()); // null while the engine is stopped
    return text === null ? null : (JSON.parse(text) as object);
  }

  /** Replaces the data (an object or JSON text); undoable. Resolves false if it cannot load. */
  async load(documentOrJson: object | string): Promise<boolean> {
    // Before the element is on a page there is nowhere to show the data: it rejects, as it always has.
    if (!this.parts) throw new Error('<gap-score>.load(): add the element to the page first');
    const { loader, edits, feedback } = this.parts;
    const doc = documentText(documentOrJson);
    if (!doc.ok) {
      // undefined would otherwise read as "no imported data" and quietly reset to the page's.
      feedback.fail('load', 'This data cannot be used.', [{ path: '', code: 'wrong_type', message: doc.why }], 'The data shown before is unchanged.');
      return false;
    }
    await loader.module();
    // A stopped engine refuses (its notice says so) instead of throwing.
    return (loader.session?.loaded ? edits.replaceDocument(doc.text) : unlessEngineFailed(() => loader.openPage(doc.text, emptyState()))) ?? false;
  }

  connectedCallback(): void {
    this.parts ??= this.build();
    const parts = this.parts;
    this.offEngineFailure ??= onEngineFailure((failed) => {
      if (failed === parts.loader.gs) parts.engineFailed();
    });
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('storage', this.onStorage);
    if (!this.parts.loader.session) void this.parts.loader.start();
  }

  disconnectedCallback(): void {
    // Moving the element (disconnect + connect in one task) keeps everything; removal frees wasm memory.
    queueMicrotask(() => {
      if (this.isConnected || !this.parts) return;
      window.removeEventListener('hashchange', this.onHashChange);
      window.removeEventListener('storage', this.onStorage);
      this.offEngineFailure?.();
      this.offEngineFailure = null;
      this.parts.loader.stop();
      this.parts.views.dispose();
      this.parts.renderer.stop();
    });
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    const p = this.parts;
    if (before === after || !p) return;
    // A new src loads, also after a failed first load or while the first one is on its way.
    if (name === 'src') {
      void p.loader.start();
      return;
    }
    if (!p.loader.session?.loaded) return;
    switch (name) {
      case 'readonly':
        // Read-only stored nothing and read nothing: an editable widget starts again from
        // what is saved, so a later edit cannot save over the saved edits and scenarios.
        if (after === null) {
          p.edits.forgetVisit();
          void p.loader.start();
        } else {
          p.edits.forgetSteps();
          p.renderer.refreshAll();
        }
        break;
      case 'model':
        p.edits.preferModel(after);
        break;
      case 'view': {
        const id = this.view.find((v) => p.tabs.has(v));
        if (id) p.tabs.select(id);
        break;
      }
      case 'storage-key':
        break; // read once at connection: moving edits between keys would surprise people
      default:
        p.renderer.refreshAll();
    }
  }

  /** Builds the parts and connects them. Callbacks name parts built later: they run after this. */
  private build(): Parts {
    const session = (): Session | null => loader.session;
    const readOnly = () => this.readOnly;
    const messages = new MessageArea();
    const feedback: Feedback = new Feedback(messages, {
      target: this,
      session,
      gaveUp: () => {
        shell.loading.hidden = true;
        this.readyResolve();
      },
    });
    const outputs: OutputHost = { session, gs: () => loader.gs!, key: () => loader.key, view: () => tabs.current, say: (text) => feedback.say(text), pageHoldsData: () => !!this.src || inlineText(this) !== null };
    const durability = new Durability({
      loader: () => loader,
      edits: () => edits,
      renderer: () => renderer,
      shell: () => shell,
      dialogs: () => [explainDialog.element, dataDialog.element, scenariosDialog.element],
      feedback,
      messages,
      outputs,
      gaveUp: () => this.readyResolve(),
    });

    const header = new Header({
      model: (id) => edits.chooseModel(id),
      tool: (name, button) => {
        if (name === 'undo') edits.undo();
        else if (name === 'redo') edits.redo();
        else if (name === 'reset') edits.reset();
        else if (name === 'scenarios') scenariosDialog.show(button, Object.keys(edits.scenarios));
        else if (name === 'share') void share(outputs);
        // Import and the CSV export run the engine's commands: a split widget may still be fetching them.
        else void commandsSettled(loader.gs).then(() => dataDialog.show(button, this.readOnly));
      },
    });
    const weights = new WeightPanel({
      input: (id, w) => {
        renderer.dragStarted();
        if (edits.previewWeight(id, w)) renderer.redraw();
      },
      commit: (id, before, after) => {
        renderer.dragEnded();
        edits.commit({ kind: 'weight', id, before, after });
      },
      preset: (name) => edits.applyPreset(name),
    });
    const table: RankTable = new RankTable({
      open: (index, from) => renderer.openExplanation(index, from),
      edit: (index, col, value): string | null => renderer.editValue(index, col, value),
      more: () => renderer.moreRows(),
    });
    const views = new AnalysisViews({
      gs: () => loader.gs!,
      session: () => loader.session!,
      top: () => this.top,
      scenarios: () => edits.scenarios,
      weightScaleMax: () => weights.scaleMax,
      openItem: (id) => {
        const i = loader.session?.indexOf(id) ?? -1;
        if (i >= 0) renderer.openExplanation(i, null);
      },
    });
    const tabs = new Tabs((id) => renderer.tabChanged(id));
    const explainDialog = new ExplainDialog();
    const dataDialog = new DataDialog({
      exportJson: () => void unlessEngineFailed(() => exportJson(outputs)),
      exportCsv: () => exportCsv(outputs),
      copyMarkdown: () => copyMarkdown(outputs, this.top),
      exportHtml: () => exportHtml(outputs, this.top),
      detect: (text, mapping) => detectColumns(loader.gs!, text, mapping),
      prepare: (text, filename, mapping) => prepareImport(loader.gs!, text, filename, modelsToTry(loader.session), mapping),
      replace: (text) => void edits.replaceDocument(text),
    });
    const scenariosDialog = new ScenariosDialog({
      save: (name) => edits.saveScenario(name),
      load: (name) => edits.loadScenario(name),
      compare: (name) => {
        views.compareWith = name;
        views.scenariosChanged();
        tabs.select('compare');
        renderer.settleNow();
      },
      remove: (name) => {
        edits.removeScenario(name); // the comparison drops a deleted scenario (views.ts)
        renderer.settleNow();
      },
    });

    const edits: EditController = new EditController({
      session,
      readOnly,
      feedback,
      store: entryStore(() => loader.key),
      storage: (problem) => durability.storage(problem),
      otherTab: (merged) => durability.otherTab(merged),
      dropLink: () => dropShareLink(loader.key),
      changed: () => renderer.refreshAll(),
      refused: () => renderer.refused(),
      scenariosChanged: (names) => {
        scenariosDialog.update(names);
        views.scenariosChanged();
      },
    });
    const renderer: Renderer = new Renderer(
      { header, messages, weights, table, views, tabs, explainDialog },
      {
        session,
        commands: () => loader.commands,
        readOnly,
        top: () => this.top,
        preferredViews: () => this.view,
        history: () => edits,
        editValue: (index, col, value) => edits.editValue(index, col, value),
        announce: (detail) => this.dispatchEvent(new GapScoreChangeEvent(detail)),
      },
    );
    const loader: PageLoader = new PageLoader(browserEdges(this), {
      src: () => this.src,
      model: () => this.model,
      readOnly,
      feedback,
      edits,
      opened: () => {
        renderer.resetRows();
        shell.loading.hidden = true;
        shell.body.hidden = false;
        renderer.refreshAll();
        this.readyResolve();
      },
      refreshAll: () => renderer.refreshAll(),
      showView: (id) => {
        if (id && tabs.has(id)) tabs.select(id);
      },
      unapplied: (list, pageChanged) => durability.unapplied(list, pageChanged),
      overPage: (values) => durability.pageChanged(values),
      savedShown: () => header.savedShown(),
    });

    const shell = mountShell(
      this.root,
      this,
      [durability.notices.element, messages.errors, messages.warningList],
      [header.element, messages.status, messages.live.element, weights.element, tabs.list, tabs.panels],
      [explainDialog.element, dataDialog.element, scenariosDialog.element],
    );
    watchWidth(this, () => views.refit());
    this.root.addEventListener('keydown', (ev) => {
      const step = historyShortcut(ev as KeyboardEvent);
      if (!step) return;
      if (step === 'undo') edits.undo();
      else edits.redo();
      ev.preventDefault();
    });
    return { loader, edits, renderer, feedback, tabs, views, engineFailed: () => durability.engineFailed() };
  }
}

function isSessionStorage(area: Storage | null): boolean {
  try {
    return area === globalThis.sessionStorage;
  } catch {
    return false; // storage blocked: no events reach this page anyway
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
