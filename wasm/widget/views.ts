// The analysis views next to the ranking: what-if vs baseline, value vs effort, the
// opportunity landscape, stakeholders, uncertainty and sensitivity. Each appears only when
// the engine's description of the data allows it (and the module has its command), and each
// is redrawn from one engine command once changes settle (never on the drag path).

import { fill, h } from './dom';
import { ENGINE_FAILED, isEngineFailure } from './engine-guard';
import { grouped, problemLine, warningKey } from './messages';
import { parseResult, runJson } from './module';
import type { RunResult } from './module';
import type { GapscoreModule, Simulation } from './module-types';
import { commandsOnTheirWay } from './parts';
import type { Session } from './session';
import type { EditState } from './state';
import { isPristine } from './state';
import type { ViewTab } from './tabs';
import { hashText } from './sharing';
import { CompareView } from './compare-view';
import type { DiffResult } from './compare-view';
import { MatrixChart } from './charts/matrix';
import type { MatrixResult } from './charts/matrix';
import { LandscapeChart } from './charts/landscape';
import type { GapsResult } from './charts/landscape';
import { SimulationView } from './charts/simulation';
import type { SimResult, SimSettings } from './charts/simulation';
import { SensitivityView } from './charts/sensitivity';
import type { SensitivityResult } from './charts/sensitivity';
import { AgreementView } from './charts/agreement';
import type { AgreementResult } from './charts/agreement';
import { EvidenceView } from './charts/evidence';
import type { EvidenceResult } from './charts/evidence';

/** What the views need from the element. */
export interface ViewHost {
  gs(): GapscoreModule;
  session(): Session;
  top(): number;
  scenarios(): Record<string, EditState>;
  weightScaleMax(): number;
  openItem(id: string): void;
}

/** Runs of the simulation started without a click (runs × items). */
const AUTO_SIMULATION = 2_000_000;

export class AnalysisViews {
  private readonly compare: CompareView;
  private readonly matrix: MatrixChart;
  private readonly landscape: LandscapeChart;
  private readonly simulation: SimulationView;
  private readonly sensitivity: SensitivityView;
  private readonly agreement: AgreementView;
  private readonly evidence = new EvidenceView();
  private readonly panels = new Map<string, HTMLElement>();
  /** Per view, the warnings its command raised (beyond the document's own, shown above). */
  private readonly notes = new Map<string, HTMLElement>();
  /** Each view's message line (a loading state, or why it has nothing to show). */
  private readonly messages = new Map<string, (text: string) => void>();
  /** The view last asked for (render): the one to draw when the commands arrive. */
  private wanted = '';
  /** A view is waiting for the commands (one wait at a time). */
  private waiting = false;
  /** '' compares with the page's data; otherwise a saved scenario's name. */
  compareWith = '';
  /** The model the value-vs-effort matrix is drawn with (one of those the description lists for it). */
  private matrixModel = '';
  /** The stepped simulation under way, if any (cancelled when the data or model changes). */
  private running: Simulation | null = null;
  /** Set when the widget left the page: a run ending afterwards must not touch the session. */
  private disposed = false;

  constructor(private readonly host: ViewHost) {
    this.compare = new CompareView((name) => {
      this.compareWith = name;
      this.render('compare');
    });
    this.matrix = new MatrixChart((id) => host.openItem(id));
    this.landscape = new LandscapeChart();
    this.simulation = new SimulationView((settings) => void this.runSimulation(settings));
    this.sensitivity = new SensitivityView();
    this.agreement = new AgreementView();
    const panel = (id: string, el: HTMLElement) => {
      const notes = h('div', { class: 'gs-warnings gs-view-warnings', part: 'view-warnings', hidden: true });
      this.notes.set(id, notes);
      this.panels.set(id, h('div', {}, notes, el));
    };
    panel('compare', this.compare.element);
    panel('matrix', this.matrix.element);
    panel('gaps', this.landscape.element);
    panel('agreement', this.agreement.element);
    panel('uncertainty', this.simulation.element);
    panel('sensitivity', this.sensitivity.element);
    panel('evidence', this.evidence.element);
    const say = (id: string, view: { showMessage(text: string): void }) => this.messages.set(id, (text) => view.showMessage(text));
    say('compare', this.compare);
    say('matrix', this.matrix);
    say('gaps', this.landscape);
    say('agreement', this.agreement);
    say('uncertainty', this.simulation);
    say('sensitivity', this.sensitivity);
    say('evidence', this.evidence);
  }

  /**
   * The views this data and this module support, in tab order (the ranking comes first, from
   * the element): those the engine's description lists, with the module's command. A view
   * that works only with some models honours that: the matrix draws with its model (the
   * current one when it is listed, else the first), sensitivity explains the current ranking
   * and so appears only under a model it lists.
   */
  available(s: Session, commands: Set<string>): ViewTab[] {
    const allowed = new Map(s.views.map((v) => [v.id, v]));
    const out: ViewTab[] = [];
    const add = (id: string, label: string, command: string, followsRanking = false) => {
      const view = allowed.get(id);
      if (!view || !commands.has(command)) return;
      if (view.models && followsRanking && !view.models.includes(s.model)) return;
      if (view.models?.length === 0) return;
      if (id === 'matrix') this.matrixModel = view.models?.includes(s.model) ? s.model : (view.models?.[0] ?? s.model);
      out.push({ id, label, panel: this.panels.get(id)! });
    };
    add('compare', 'What-if vs baseline', 'diff');
    add('matrix', 'Value vs effort', 'rank');
    add('gaps', 'Opportunity landscape', 'gaps');
    add('agreement', 'Stakeholders', 'agreement');
    add('uncertainty', 'Uncertainty', 'simulate');
    add('sensitivity', 'Sensitivity', 'sensitivity', true);
    add('evidence', 'Did it work?', 'evidence');
    this.compare.setTargets(Object.keys(this.host.scenarios()), this.compareWith);
    this.simulation.shownFor = ''; // new data or model: the last simulation no longer applies
    this.running?.cancel(); // nor does one under way
    this.disposed = false; // (re)loaded: back on a page
    return out;
  }

  /** The widget left the page: stop a simulation under way (its memory is freed as it ends). */
  dispose(): void {
    this.disposed = true;
    this.running?.cancel();
  }

  /** Saved scenarios changed: the comparison can pick them. */
  scenariosChanged(): void {
    this.compare.setTargets(Object.keys(this.host.scenarios()), this.compareWith);
  }

  /** The widget's width changed: the charts drawn to a width draw again to fit (no engine call). */
  refit(): void {
    this.matrix.refit();
    this.landscape.refit();
  }

  /** Redraws the view `id` from the current state. */
  render(id: string): void {
    this.wanted = id;
    if (this.waitForCommands(id)) return;
    switch (id) {
      case 'compare':
        return this.renderCompare();
      case 'matrix':
        return this.renderMatrix();
      case 'gaps':
        return this.renderGaps();
      case 'agreement':
        return this.renderAgreement();
      case 'sensitivity':
        return this.renderSensitivity();
      case 'uncertainty':
        return this.settleSimulation();
      case 'evidence':
        return this.renderEvidence();
    }
  }

  /**
   * The warnings a view's command raised, under the view: those the data as it stands (edits
   * included) already shows in the message area are left out (said once), the rest are the command's own
   * (a gap claimed twice over, a p-value from too few items, measurements in mixed units).
   */
  private showWarnings(id: string, r: RunResult<unknown>): void {
    const notes = this.notes.get(id);
    if (!notes) return;
    const s = this.host.session();
    const shown = new Set(s.currentWarnings.map(warningKey));
    const own = r.ok ? r.warnings.filter((w) => !shown.has(warningKey(w))) : [];
    notes.hidden = own.length === 0;
    if (own.length === 0) {
      fill(notes);
      return;
    }
    const lines = grouped(own);
    fill(
      notes,
      h('p', {}, own.length === 1 ? 'The engine notes:' : `The engine notes ${own.length} things:`),
      h('ul', {}, ...lines.map((l) => problemLine(l.problem, s.document, l.count))),
    );
  }

  /**
   * A module in parts (the split widget) may still be fetching the commands views run: the
   * view says it is loading and draws when they arrive, if it is still the one wanted.
   */
  private waitForCommands(id: string): boolean {
    const say = this.messages.get(id);
    const coming = say ? commandsOnTheirWay(this.host.gs()) : null;
    if (!say || !coming) return false;
    say('Loading this view…');
    if (this.waiting) return true;
    this.waiting = true;
    coming.then(
      () => {
        this.waiting = false;
        if (!this.disposed) this.render(this.wanted);
      },
      (error: unknown) => {
        this.waiting = false;
        const now = this.messages.get(this.wanted);
        if (!this.disposed && now) now(`This view could not be loaded: ${String((error as Error)?.message ?? error)}`);
      },
    );
    return true;
  }

  private titleOf = (id: string): string => {
    const s = this.host.session();
    const i = s.indexOf(id);
    return i >= 0 ? s.titles[i] : id;
  };

  /** Names of a document section's entries (segments, outcomes) by id, as the page writes them; the id where none is given. */
  private sectionNames(section: 'segments' | 'outcomes'): (id: string) => string {
    const list = this.host.session().document[section];
    const entries = (Array.isArray(list) ? list : []) as { id?: unknown; name?: unknown }[];
    const names = new Map(entries.filter((e) => e && typeof e.id === 'string' && typeof e.name === 'string' && e.name).map((e) => [e.id as string, e.name as string]));
    return (id) => names.get(id) ?? id;
  }

  private criterionNames(): (id: string) => string {
    const names = new Map(this.host.session().criteria().map((c) => [c.id, c.name]));
    return (id) => names.get(id) ?? id;
  }

  /**
   * With the baseline: from the loaded document to the view on screen (the what-if). With a
   * saved scenario: from the view on screen to the scenario, so "entered the top N" reads as
   * what the scenario would do. Both sides are ranked by the model chosen now.
   */
  private renderCompare(): void {
    const s = this.host.session();
    const label = (id: string) => s.modelInfo(id)?.label ?? id;
    const current = s.currentJson();
    let before = s.source;
    let after = current;
    let left = 'Baseline';
    let right = 'Your what-if';
    let note = '';
    const st = this.compareWith ? this.host.scenarios()[this.compareWith] : undefined;
    if (this.compareWith && !st) {
      this.compareWith = ''; // deleted since: back to the baseline
      this.scenariosChanged();
    }
    if (st) {
      const doc = s.documentFor(st);
      if (!doc) {
        this.compare.showMessage(`Scenario “${this.compareWith}” no longer matches this data.`);
        return;
      }
      before = current;
      after = doc;
      left = isPristine(s.state) ? 'The page’s data' : 'What you see now';
      right = `Scenario “${this.compareWith}”`;
      const saved = st.model ?? s.documentModel();
      // diff ranks both sides by one model: say so when the scenario was saved under another.
      if (saved && saved !== s.model)
        note = `Both sides are ranked by ${label(s.model)}, the model chosen now; “${this.compareWith}” was saved with ${label(saved)}. Choose ${label(saved)} to compare under it.`;
    }
    const top = this.host.top();
    const r = runJson<DiffResult>(this.host.gs(), 'diff', before, { model: s.model, after, top });
    this.showWarnings('compare', r);
    if (!r.ok) this.compare.showMessage(`No comparison: ${messages(r.errors)}`);
    else this.compare.render(r.value, top, this.criterionNames(), { left, right, modelLabel: label(s.model), readsWeights: s.readsWeights, note });
  }

  private renderMatrix(): void {
    // Every item is placed: a document's "top" is how many rows a ranking lists, and with it the
    // matrix plotted 5 of 24 items against thresholds drawn from all 24, its counts "(0)".
    const s = this.host.session();
    const r = runJson<MatrixResult>(this.host.gs(), 'rank', s.currentJson(), { model: this.matrixModel, top: Math.max(1, s.size) });
    this.showWarnings('matrix', r);
    if (!r.ok) this.matrix.showMessage(`No matrix: ${messages(r.errors)}`);
    else this.matrix.render(r.value);
  }

  private renderGaps(): void {
    const r = runJson<GapsResult>(this.host.gs(), 'gaps', this.host.session().currentJson(), {});
    this.showWarnings('gaps', r);
    if (!r.ok) this.landscape.showMessage(`No landscape: ${messages(r.errors)}`);
    else this.landscape.render(r.value, this.titleOf, this.sectionNames('segments'));
  }

  private renderAgreement(): void {
    const s = this.host.session();
    const r = runJson<AgreementResult>(this.host.gs(), 'agreement', s.currentJson(), {});
    this.showWarnings('agreement', r);
    if (!r.ok) {
      this.agreement.showMessage(`No agreement view: ${messages(r.errors)}`);
      return;
    }
    const names = new Map((s.document.stakeholders ?? []).map((x) => [x.id, x.name || x.id]));
    this.agreement.render(r.value, (id) => names.get(id) ?? id, this.host.top());
  }

  private renderEvidence(): void {
    const r = runJson<EvidenceResult>(this.host.gs(), 'evidence', this.host.session().currentJson(), {});
    this.showWarnings('evidence', r);
    if (!r.ok) this.evidence.showMessage(`No evidence view: ${messages(r.errors)}`);
    else {
      this.evidence.render(r.value, this.titleOf, this.sectionNames('outcomes'));
    }
  }

  private renderSensitivity(): void {
    const s = this.host.session();
    const r = runJson<SensitivityResult>(this.host.gs(), 'sensitivity', s.currentJson(), { model: s.model, top: this.host.top() });
    this.showWarnings('sensitivity', r);
    if (!r.ok) this.sensitivity.showMessage(`No sensitivity: ${messages(r.errors)}`);
    else this.sensitivity.render(r.value, this.criterionNames(), this.titleOf, this.host.weightScaleMax());
  }

  private simulationKey(): string {
    const s = this.host.session();
    return `${s.model}|${this.host.top()}|${hashText(s.currentJson())}`;
  }

  /** First visit: run at once when small; later visits: say when the result is out of date. */
  private settleSimulation(): void {
    const s = this.host.session();
    if (!this.simulation.shownFor) {
      if (s.size * this.simulation.settings().runs <= AUTO_SIMULATION) void this.runSimulation(this.simulation.settings());
      else this.simulation.showMessage(`Choose the number of runs and press “Run simulation” (${s.size.toLocaleString('en')} items).`);
    } else {
      this.simulation.markStale(this.simulation.shownFor !== this.simulationKey());
    }
  }

  /**
   * Runs the simulation a slice per animation frame (gs.Simulation), so the page stays
   * responsive, the bar shows the fraction done and Cancel works. Slices are sized to
   * about 12 ms of work; the result is the same as one `simulate` call.
   */
  private async runSimulation(settings: SimSettings): Promise<void> {
    if (this.running) return;
    const s = this.host.session();
    const key = this.simulationKey();
    const top = this.host.top();
    const options = JSON.stringify({ model: s.model, runs: settings.runs, seed: settings.seed, top });
    let text: string;
    let sim: Simulation | null = null;
    try {
      sim = new (this.host.gs().Simulation)(s.currentJson(), options);
      this.running = sim;
      this.simulation.running(settings.runs, s.size, () => sim?.cancel());
      let slice = Math.max(1, Math.floor(20_000 / Math.max(1, s.size)));
      for (;;) {
        // Let the browser paint the bar (and handle a click on Cancel) between slices.
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const t0 = performance.now();
        const finished = sim.step(slice);
        const ms = performance.now() - t0;
        this.simulation.progressed(sim.fractionDone());
        if (finished) break;
        slice = Math.max(1, Math.round(slice * Math.min(4, Math.max(0.25, 12 / Math.max(ms, 0.1)))));
      }
      text = sim.result();
    } catch (error) {
      // A failed instance is said once, by the engine guard's notice; anything else is a bug.
      const code = isEngineFailure(error) ? ENGINE_FAILED : 'internal_error';
      text = JSON.stringify({ errors: [{ path: '', code, message: `the engine failed: ${String(error)}` }] });
    } finally {
      sim?.delete();
      this.running = null;
      this.simulation.done();
    }
    if (this.disposed) return;
    const r = parseResult<SimResult>(text);
    this.showWarnings('uncertainty', r);
    if (!r.ok) {
      this.simulation.showMessage(`No simulation: ${messages(r.errors)}`);
      return;
    }
    if (r.value.cancelled && key !== this.simulationKey()) {
      // Stopped because the data or the model changed: its numbers describe neither.
      this.simulation.showMessage('The data or the model changed during the simulation: run it again.');
      return;
    }
    this.simulation.shownFor = key;
    this.simulation.render(r.value, top);
    this.simulation.markStale(key !== this.simulationKey());
  }
}

/** "Runs must be between 1 and 1000000 (got …)": an option's error names the option. */
function messages(errors: { path?: string; message: string }[]): string {
  return errors
    .map((e) => {
      const option = /^options\/(\w+)$/.exec(e.path ?? '')?.[1];
      return option ? `${option.charAt(0).toUpperCase()}${option.slice(1)} ${e.message}` : e.message;
    })
    .join('; ');
}
