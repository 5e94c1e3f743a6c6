// What the widget draws: the header, sliders, table and tabs set up for the current model and
// data; the ranked rows on every frame; and, once changes settle, the open explanation, the
// visible analysis view and the "every weight is 0" notice. When each runs is decided by
// RenderScheduler (render-scheduler.ts).

import { h } from './dom';
import { REFUSED_INPUT } from './editor';
import type { RefusedInput } from './editor';
import type { ChangeDetail } from './events';
import { unlessEngineFailed } from './engine-guard';
import type { ExplainDialog } from './explain-dialog';
import { humanize } from './format';
import type { Header } from './header';
import type { MessageArea } from './messages';
import { warningKey } from './messages';
import type { InputColumn, Session, Snapshot } from './session';
import { isPristine } from './state';
import type { RankTable } from './table';
import { moreStep } from './table';
import type { Tabs } from './tabs';
import type { AnalysisViews } from './views';
import type { WeightPanel } from './weights';
import { activePreset, presets } from './weight-presets';
import { markOnce } from './marks';
import type { Clock } from './render-scheduler';
import { RenderScheduler } from './render-scheduler';
import { MoveTracker, ranksOf } from './moves';
import { applyName, widgetName } from './names';

export interface RenderParts {
  header: Header;
  messages: MessageArea;
  weights: WeightPanel;
  table: RankTable;
  views: AnalysisViews;
  tabs: Tabs;
  explainDialog: ExplainDialog;
}

export interface RenderHost {
  session(): Session | null;
  commands(): Set<string>;
  readOnly(): boolean;
  top(): number;
  /** The view attribute's list: the tab to show first. */
  preferredViews(): string[];
  history(): { canUndo: boolean; canRedo: boolean };
  editValue(index: number, col: InputColumn, value: number): string | null;
  /** gapscore-change. */
  announce(detail: ChangeDetail): void;
}

interface Drawn {
  session: Session;
  snapshot: Snapshot;
}

export class Renderer {
  private readonly scheduler: RenderScheduler<Drawn>;
  /** What the header, sliders, table and tabs were set up for: "generation|model|readOnly". */
  private configuredFor = '';
  /** The current model's inputs, and whether it reads weights: from the engine's description, per configure(). */
  private inputs: InputColumn[] = [];
  private readsWeights = false;
  /** The document whose warnings were last shown (a new document shows its own). */
  private warnedFor = '';
  /** The warnings drawn in the box (their keys), null: none drawn for this data yet. */
  private warningsShown: string | null = null;
  /** Table rows shown; "Show more" adds to it. */
  private limit = 50;
  /** The model's notes on the current inputs last said in the status line ('' for none). */
  private modelNotesSaid = '';
  /** What moved since the ranking last said, for the live region. */
  private readonly moves = new MoveTracker();

  constructor(
    private readonly parts: RenderParts,
    private readonly host: RenderHost,
    clock?: Clock,
  ) {
    parts.messages.live.onSpoken = () => this.moves.spoken();
    // A value a field refused before the engine saw it replaces an earlier refusal's message.
    for (const el of [parts.table.element, parts.explainDialog.element])
      el.addEventListener(REFUSED_INPUT, (ev) => {
        const { label, why } = (ev as CustomEvent<RefusedInput>).detail;
        parts.messages.problems('That change was not applied.', [{ path: '', code: 'invalid_value', message: `${label}: ${why}` }], null, 'Nothing else changed.');
        parts.messages.say(`Not applied: ${label}: ${why}.`);
      });
    this.scheduler = new RenderScheduler<Drawn>(
      // A failed engine draws nothing more (the widget says so and offers to reload it).
      {
        rows: () => unlessEngineFailed(() => this.drawRows()),
        followDrag: () => this.parts.weights.update(this.parts.weights.values()),
        announce: (d) => this.announce(d),
        settle: () => void unlessEngineFailed(() => this.settle()),
        warm: (d) => void unlessEngineFailed(() => d.session.warmBaseline()),
      },
      clock,
    );
  }

  /** After a change or a load: sets up what depends on the model or the data, then draws. */
  refreshAll(): void {
    unlessEngineFailed(() => this.refreshNow());
  }

  private refreshNow(): void {
    const s = this.host.session();
    if (!s?.loaded) return;
    const signature = `${s.generation}|${s.model}|${this.host.readOnly()}`;
    if (signature !== this.configuredFor) {
      this.configuredFor = signature;
      this.configure(s);
    }
    const { weights, header, table, messages } = this.parts;
    if (s.source !== this.warnedFor) {
      // Other data (the page's, an import, a link's): its own warnings, and its own number of rows.
      this.warnedFor = s.source;
      this.warningsShown = null;
      this.resetRows();
    }
    // The warnings of the data as it stands: those it loaded with, or after a change that
    // raised or took one back (an impact typed off Intercom's scale, then 2 or Undo) the
    // engine's current ones. Drawn again only when they change: a dismissed box stays so.
    const current = s.currentWarnings;
    const key = current.map(warningKey).join('\n');
    if (key !== this.warningsShown) {
      this.warningsShown = key;
      const asLoaded = key === s.warnings.map(warningKey).join('\n');
      const n = current.length;
      messages.warnings(current, s.document, asLoaded ? undefined : `With the changes made here, the data has ${n === 1 ? 'a warning' : `${n} warnings`}:`);
    }
    weights.update(s.criteria().map((c) => c.weight));
    weights.showPreset(activePreset(presets(s.weightSets), s));
    const history = this.host.history();
    header.history(history.canUndo, history.canRedo, isPristine(s.state));
    table.invalidate();
    this.scheduler.changed();
  }

  /** Draws again without announcing (a weight preview). */
  redraw(): void {
    this.scheduler.redraw();
  }

  /** A refused change: the sliders back at the weights in force (a slider left where the engine refused it would say a weight that is not used), drawn again, nothing announced. */
  refused(): void {
    const s = this.host.session();
    if (s?.loaded) this.parts.weights.update(s.criteria().map((c) => c.weight));
    this.scheduler.redraw();
  }

  settleNow(): void {
    this.scheduler.settleNow();
  }

  dragStarted(): void {
    this.scheduler.dragStarted();
  }

  dragEnded(): void {
    this.scheduler.dragEnded();
  }

  stop(): void {
    this.scheduler.stop();
  }

  /** New data: a small backlog shows whole, a long one the top N and a few more. */
  resetRows(): void {
    const size = this.host.session()?.size ?? 0;
    this.limit = size <= 20 ? size : Math.max(15, this.host.top() + 5);
  }

  moreRows(): void {
    this.limit += moreStep(this.host.session()?.size ?? 0);
    this.scheduler.redraw();
  }

  /** A tab was chosen: the sliders belong to the ranking and the comparison only. */
  tabChanged(id: string): void {
    this.parts.weights.element.hidden = !showsWeights(this.readsWeights, id);
    this.scheduler.settleNow();
  }

  /** An edit of one item's input: the item is named first when what moved is said. */
  editValue(index: number, col: InputColumn, value: number): string | null {
    const refused = this.host.editValue(index, col, value);
    const s = this.host.session();
    if (refused === null && s) this.moves.edited(s.ids[index]);
    return refused;
  }

  openExplanation(index: number, from: HTMLElement | null): void {
    const s = this.host.session()!;
    const { explainDialog, table } = this.parts;
    explainDialog.show(s, index, this.inputs, this.host.readOnly(), (col, v) => this.editValue(index, col, v), () => {
      if (from?.isConnected) from.focus();
      else if (!table.focusItem(index) && from) {
        // Its row left the rows shown while the dialog was open: drawn after them, with focus.
        table.focusItemNextRender(index);
        this.scheduler.redraw();
      }
    });
  }

  private configure(s: Session): void {
    const { header, weights, table, views, tabs } = this.parts;
    const readOnly = this.host.readOnly();
    const model = s.modelInfo();
    this.inputs = s.inputs();
    this.readsWeights = s.readsWeights;
    // Only the models this document has the inputs for; the others would only fail.
    const models = s.models.filter((m) => m.usable).map((m) => ({ id: m.id, label: m.label }));
    header.show(s.title || 'Backlog', models, s.model, model?.variant ?? s.model, model?.formula ?? '', readOnly);
    const root = header.element.getRootNode();
    if (root instanceof ShadowRoot) applyName(root, widgetName(root.host, s.title));
    const criteria = s.criteria();
    weights.configure(criteria, presets(s.weightSets), false);
    markOnce('rank-start');
    const snap = s.rank();
    markOnce('ranked');
    const partNames = snap?.partNames ?? [];
    // A part is a criterion, a model's input (WSJF's business value) or a stakeholder: named as
    // the page and the engine name them (the stakeholder model's legend read "Eng · Cs").
    const nameOf = new Map<string, string>([
      ...(s.document.stakeholders ?? []).filter((x) => x && typeof x.name === 'string' && x.name).map((x): [string, string] => [x.id, x.name!]),
      ...this.inputs.map((c): [string, string] => [c.key, c.label]),
      ...criteria.map((c): [string, string] => [c.id, c.name]),
    ]);
    // Criterion inputs are edited in the explanation dialog: as table columns (one per
    // criterion) they would crowd out the titles. Field models keep their few inputs inline.
    const inline = this.inputs.filter((c) => c.criterion === null);
    table.configure(s, inline, partNames, partNames.map((p) => nameOf.get(p) ?? humanize(p)), model?.label ?? s.model, readOnly);
    const available = [{ id: 'ranking', label: 'Ranking', panel: h('div', {}, table.element) }, ...views.available(s, this.host.commands())];
    const preferred = tabs.current || this.host.preferredViews().find((v) => available.some((x) => x.id === v)) || 'ranking';
    tabs.setViews(available, preferred);
    weights.element.hidden = !showsWeights(this.readsWeights, tabs.current);
  }

  /** The per-frame part: rank through the engine and move table rows. No JSON here. */
  private drawRows(): Drawn | null {
    const s = this.host.session();
    if (!s?.loaded) return null;
    const snapshot = s.rank();
    if (!snapshot) {
      this.parts.messages.problems('This model cannot rank the backlog.', s.lastErrors, s.document);
      return null;
    }
    this.parts.table.render({ session: s, snapshot, top: this.host.top(), limit: this.limit });
    return { session: s, snapshot };
  }

  private announce({ session: s, snapshot }: Drawn): void {
    const order: string[] = new Array(snapshot.order.length);
    for (let k = 0; k < snapshot.order.length; k++) order[k] = s.ids[snapshot.order[k]];
    this.host.announce({ model: s.model, order });
    const title = (id: string) => {
      const i = s.indexOf(id);
      return i >= 0 ? s.titles[i] : id;
    };
    this.parts.messages.moved(this.moves.update(ranksOf(s.ids, snapshot.ranks), this.host.top(), title));
  }

  /** The slower part, once changes settle. */
  private settle(): void {
    const s = this.host.session();
    if (!s?.loaded) return;
    const { messages, explainDialog, views, tabs } = this.parts;
    // The model's own notes on the inputs as edited (every weight dragged to 0, say), as the
    // engine words them: said once when they appear or change, taken back when they go.
    const notes = (s.modelInfo()?.warnings ?? []).map((w) => w.message).join(' ');
    if (notes !== this.modelNotesSaid) {
      if (notes) messages.say(notes);
      else if (messages.status.textContent === this.modelNotesSaid) messages.say('');
      this.modelNotesSaid = notes;
    }
    if (explainDialog.open) explainDialog.refresh(s, this.inputs, this.host.readOnly(), (col, v) => this.editValue(explainDialog.index, col, v));
    views.render(tabs.current);
  }
}

/** The sliders show with a model that reads criterion weights, on the ranking and the comparison. */
function showsWeights(readsWeights: boolean, tab: string): boolean {
  return readsWeights && (tab === 'ranking' || tab === 'compare');
}
