// The engine side of one widget: the page's document, the person's EditState replayed onto
// a live Engine, and a second Engine holding the untouched baseline for rank deltas.
// Everything numeric comes from the module, and what the document offers (models, their
// inputs and labels, the weights in use, weight sets, views, the default top N, warnings) from
// the engine's describe() (description.ts): this file moves values in and out, and keeps no
// second copy of a rule the core owns. describe() is asked once per change, never per frame
// of a drag.

import type { Description, DescribedModel, DescribedView, WeightSet } from './description';
import { rankable, readDescription, unrankableProblems, otherModelsNote } from './description';
import { humanize } from './format';
import type { Engine, GapscoreModule, Problem } from './module-types';
import { isEngineFailure } from './engine-guard';
import { engineErrors } from './module';
import { markOnce } from './marks';
import type { Change, EditPath, EditState, EditValue, NumberMap } from './state';
import { cloneState, emptyState, isPristine } from './state';

/** The ranking after rank(): copies, so they survive the next engine call. */
export interface Snapshot {
  order: Uint32Array;
  scores: Float64Array;
  ranks: Uint32Array;
  /** Per item, how many items share its score under the engine's tie rule (1: not tied). */
  tieSizes: Uint32Array;
  partNames: string[];
  parts: Float64Array[];
  /** Rank of each item (by index) in the baseline under the same model; 0 if absent. */
  baselineRanks: Uint32Array;
}

export interface InputColumn {
  kind: 'field' | 'score';
  /** Field name (kind "field") or criterion id (kind "score"). */
  key: string;
  /** What people read: "Reach", "Effort (person-months)". */
  label: string;
  /** The criterion this input belongs to; null for an input that is a model's own item field. */
  criterion: string | null;
}

export interface ModelChoice {
  id: string;
  label: string;
  usable: boolean;
}

export interface CriterionView {
  id: string;
  name: string;
  /** The weight in use, edits included (the engine's: AHP priorities with "weights_from"). */
  weight: number;
  /** The page's own weight in use, without the person's edits: the sliders' scale follows it. */
  documentWeight: number;
  direction: string;
  /** The page gives this weight as a range: the weight above is its likely value, kept within it. */
  range: { low: number; high: number } | null;
}

interface Item {
  id: string;
  title?: string;
  description?: string;
  moscow?: string;
  tags?: string[];
  [field: string]: unknown;
}
/** The raw document, read only for what is shown as it was written (titles, descriptions, names). */
/** A value the page gives as a range ({low, likely, high}, all numbers), else null. */
function rangeOf(raw: unknown): { low: number; likely: number; high: number } | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as { low?: unknown; likely?: unknown; high?: unknown };
  return typeof r.low === 'number' && typeof r.likely === 'number' && typeof r.high === 'number' ? { low: r.low, likely: r.likely, high: r.high } : null;
}

export interface DocumentShape {
  title?: string;
  items?: Item[];
  stakeholders?: { id: string; name?: string }[];
  outcomes?: unknown[];
  [key: string]: unknown;
}

/** A saved edit the loaded data cannot take (its item or criterion is gone), with the engine's reason. */
export interface DroppedEdit {
  path: EditPath;
  value: EditValue;
  problem: Problem;
}

export type LoadResult =
  /** `dropped`: how many edits the data could not take; `droppedEdits`: which, and why. */
  | { ok: true; dropped: number; droppedEdits?: DroppedEdit[] }
  /** `heading`: what the failure is, when it is not a document with errors (no model can rank it). */
  | { ok: false; errors: Problem[]; heading?: string; note?: string };

export const NO_MODEL = 'No model can rank this backlog.';

export class Session {
  private engine: Engine;
  /** The untouched document, loaded only once something differs from it (see baselineRanksFor). */
  private baseline: Engine | null = null;
  /** The page's own document text (src or inline script). */
  private pageText = '';
  /** The document actually loaded: pageText, or state.document when set. */
  private sourceText = '';
  private sourceDoc: DocumentShape = {};
  /** The engine's description of the loaded document before any edit (the page's weights). */
  private loadedDescription: Description | null = null;
  /** The description with the edits; null when a change may have made it stale (asked again on use). */
  private currentDescription: Description | null = null;
  private itemIndex = new Map<string, number>();
  private baselineModel = '';
  /** A weight was previewed (slider drag) since the last open(): ranks may differ from the baseline. */
  private previewed = false;
  private baselineRanks = new Uint32Array(0);
  state: EditState;
  /** The element's model attribute: used when the person has not chosen one. */
  preferredModel: string | null = null;
  /** Increases on every successful open(), so views know when to rebuild; unique across sessions (an engine reloaded after a failure is a new session). */
  generation = 0;
  private static opened = 0;
  ids: string[] = [];
  titles: string[] = [];
  lastErrors: Problem[] = [];

  constructor(private readonly gs: GapscoreModule) {
    this.engine = new gs.Engine();
    this.state = emptyState();
  }

  dispose(): void {
    this.engine.delete();
    this.baseline?.delete();
    this.baseline = null;
  }

  get loaded(): boolean {
    return this.sourceText !== '';
  }
  get document(): DocumentShape {
    return this.sourceDoc;
  }
  get size(): number {
    return this.ids.length;
  }
  get model(): string {
    return this.engine.model();
  }
  get source(): string {
    return this.sourceText;
  }
  get pageDocument(): string {
    return this.pageText;
  }

  /** What the document offers with the edits applied (the engine's describe(), asked again after a change). */
  get description(): Description {
    if (!this.currentDescription) {
      try {
        this.currentDescription = readDescription(this.engine.describe());
      } catch {
        // Never after a successful load; the loaded description is the best left.
        this.currentDescription = this.loadedDescription;
      }
    }
    return this.currentDescription!;
  }

  /** Every model, with its label and whether this document (with the edits) has its inputs. */
  get models(): ModelChoice[] {
    return this.description.models.map((m) => ({ id: m.id, label: m.label, usable: m.usable }));
  }

  /** The engine's description of a model (default: the current one). */
  modelInfo(id = this.model): DescribedModel | null {
    return this.description.models.find((m) => m.id === id) ?? null;
  }

  /** Whether the current model reads criterion weights (then the sliders apply). */
  get readsWeights(): boolean {
    return this.modelInfo()?.reads_weights ?? false;
  }

  /** The views this document allows (each with the models it works with, when not all). */
  get views(): DescribedView[] {
    return this.description.views;
  }

  /** Named weight sets: each stakeholder's, the AHP priorities. */
  get weightSets(): WeightSet[] {
    return this.description.weight_sets;
  }

  /** The document's default top N. */
  get defaultTop(): number {
    return this.description.top;
  }

  get title(): string {
    return this.description.title;
  }

  /** The loaded document's warnings, each with its code (and a typo's suggestion). */
  get warnings(): Problem[] {
    return this.loadedDescription?.warnings ?? [];
  }

  /** The warnings of the document as it stands, edits included (a typed impact off Intercom's scale). */
  get currentWarnings(): Problem[] {
    return this.description.warnings ?? [];
  }

  /**
   * Loads the page's document and replays `state` onto it. On failure nothing changes:
   * fresh engines are filled first and swapped in only when everything loaded. A document no
   * model can rank fails too, naming what it lacks. Edits naming items or criteria that no
   * longer exist are dropped (counted in `dropped`).
   */
  open(pageText: string, state: EditState): LoadResult {
    const text = state.document ?? pageText;
    const engine = new this.gs.Engine();
    let doc: DocumentShape;
    let described: Description;
    try {
      markOnce('load-start');
      if (!engine.load(text)) throw engineErrors(engine.lastErrors());
      markOnce('loaded');
      doc = JSON.parse(text) as DocumentShape; // the engine accepted it, so it parses
      described = readDescription(engine.describe());
      markOnce('described');
    } catch (errors) {
      engine.delete();
      if (isEngineFailure(errors)) throw errors; // the instance failed: nothing here to report
      return { ok: false, errors: Array.isArray(errors) ? (errors as Problem[]) : [{ path: '', code: 'internal_error', message: String(errors) }] };
    }
    if (!rankable(described)) {
      engine.delete();
      return { ok: false, errors: unrankableProblems(described), heading: NO_MODEL, note: otherModelsNote(described) };
    }
    this.engine.delete();
    this.baseline?.delete();
    this.baseline = null;
    this.engine = engine;
    this.pageText = pageText;
    this.sourceText = text;
    this.sourceDoc = doc;
    this.loadedDescription = this.currentDescription = described;
    const n = engine.size();
    this.ids = new Array<string>(n);
    this.titles = new Array<string>(n);
    this.itemIndex.clear();
    for (let i = 0; i < n; i++) {
      this.ids[i] = engine.itemId(i);
      this.titles[i] = engine.itemTitle(i);
      this.itemIndex.set(this.ids[i], i);
    }
    this.baselineModel = '';
    this.previewed = false;
    this.generation = ++Session.opened;
    engine.setModel(this.documentModel());
    const droppedEdits = this.replay(state);
    return { ok: true, dropped: droppedEdits.length, droppedEdits };
  }

  /** Applies a whole state onto the freshly loaded engine; returns the edits it could not take, with the engine's reasons. */
  private replay(state: EditState): DroppedEdit[] {
    const kept = cloneState(state);
    const dropped: DroppedEdit[] = [];
    const refused = (path: EditPath, value: EditValue) => dropped.push({ path, value, problem: engineErrors(this.engine.lastErrors())[0] });
    if (kept.model !== null && !this.engine.setModel(kept.model)) {
      refused(['model'], kept.model);
      kept.model = null;
    }
    // A weight over a range is its likely value too: the range stays (engine.hpp).
    for (const [id, w] of Object.entries(kept.weights)) {
      if (!this.engine.setWeightLikely(id, w)) {
        refused(['weights', id], w);
        delete kept.weights[id];
      }
    }
    const nested = (kind: 'fields' | 'scores', set: (item: string, key: string, v: number) => boolean) => {
      const m: Record<string, NumberMap> = kept[kind];
      for (const [item, row] of Object.entries(m)) {
        for (const [key, v] of Object.entries(row)) {
          if (!set(item, key, v)) {
            refused([kind, item, key], v);
            delete row[key];
          }
        }
        if (Object.keys(row).length === 0) delete m[item];
      }
    };
    // An estimate edit over a range is its likely value: the range stays (engine.hpp).
    nested('fields', (i, f, v) => this.engine.setFieldLikely(i, f, v));
    nested('scores', (i, c, v) => this.engine.setScoreLikely(i, c, v));
    this.state = kept;
    if (!isPristine({ ...kept, document: null })) this.currentDescription = null; // edits: ask again when needed
    return dropped;
  }

  /**
   * Applies one side of a change. Single values go straight to the engine (the drag path);
   * a value going back to "as the document says", or a whole state, reloads.
   */
  apply(change: Change, side: 'before' | 'after', next: EditState): LoadResult {
    const v = change.kind === 'state' ? null : change[side];
    let ok = true;
    if (change.kind === 'state' || (v === null && change.kind !== 'model')) {
      return this.open(this.pageText, next);
    }
    // A value the engine takes can still make the ranking fail (a score overflowing to
    // infinity): such a change is refused like a bad value, unless nothing ranked before it.
    const rankedBefore = this.engine.rank();
    switch (change.kind) {
      case 'model':
        ok = this.engine.setModel(v === null ? this.documentModel() : (v as string));
        break;
      case 'weight':
        ok = this.engine.setWeightLikely(change.id, v as number);
        break;
      case 'field':
        ok = this.engine.setFieldLikely(change.item, change.field, v as number);
        break;
      case 'score':
        ok = this.engine.setScoreLikely(change.item, change.criterion, v as number);
        break;
    }
    if (!ok) return { ok: false, errors: engineErrors(this.engine.lastErrors()) };
    this.currentDescription = null; // the weights in use, or a model's inputs, may have changed
    if (rankedBefore && !this.engine.rank()) {
      const errors = engineErrors(this.engine.lastErrors());
      this.open(this.pageText, this.state); // back to the state before the change
      return { ok: false, errors };
    }
    this.state = next;
    return { ok: true, dropped: 0 };
  }

  /** Sets a weight without recording anything: the live part of a slider drag (no describe() here). */
  previewWeight(id: string, w: number): boolean {
    this.previewed = true;
    this.currentDescription = null;
    return this.engine.setWeightLikely(id, w);
  }

  /** Loads the baseline engine now (the element calls it when idle, before any drag). */
  warmBaseline(): boolean {
    if (this.baseline) return true;
    if (!this.sourceText) return false;
    const e = new this.gs.Engine();
    if (!e.load(this.sourceText)) {
      e.delete();
      return false;
    }
    this.baseline = e;
    this.baselineModel = '';
    return true;
  }

  /** The model used when the person has not chosen one: the attribute's, else the document's, else the first that works. */
  documentModel(): string {
    const models = this.models;
    const usable = (m: unknown) => typeof m === 'string' && models.some((x) => x.id === m && x.usable);
    // The attribute may list several ("gap value_effort"): the first this document supports.
    const preferred = (this.preferredModel ?? '').split(/\s+/).find(usable);
    if (preferred) return preferred;
    // The model the document names: as loaded (the engine's description follows setModel).
    const d = this.loadedDescription;
    if (d?.model_given && usable(d.model)) return d.model;
    return models.find((x) => x.usable)?.id ?? this.engine.model();
  }

  /** Re-ranks; null (with lastErrors set) when the model lacks inputs. */
  rank(): Snapshot | null {
    if (!this.engine.rank()) {
      this.lastErrors = engineErrors(this.engine.lastErrors());
      return null;
    }
    this.lastErrors = [];
    const e = this.engine;
    const partNames: string[] = [];
    const parts: Float64Array[] = [];
    for (let k = 0, n = e.partCount(); k < n; k++) {
      partNames.push(e.partName(k));
      parts.push(e.parts(k).slice());
    }
    const ranks = e.ranks().slice();
    return {
      order: e.order().slice(),
      scores: e.scores().slice(),
      ranks,
      tieSizes: e.tieSizes().slice(),
      partNames,
      parts,
      baselineRanks: this.baselineRanksFor(e.model(), ranks),
    };
  }

  /**
   * Baseline ranks under `model`. While nothing but the model differs from the document,
   * they are the current ranks; the second engine is loaded the first time an edit exists,
   * which keeps a second document load off the first render.
   */
  private baselineRanksFor(model: string, current: Uint32Array): Uint32Array {
    const s = this.state;
    const untouched =
      !this.previewed && Object.keys(s.weights).length === 0 && Object.keys(s.fields).length === 0 && Object.keys(s.scores).length === 0;
    if (untouched) return current;
    if (!this.warmBaseline()) return new Uint32Array(this.size);
    if (model !== this.baselineModel) {
      this.baselineModel = model;
      this.baselineRanks =
        this.baseline!.setModel(model) && this.baseline!.rank() ? this.baseline!.ranks().slice() : new Uint32Array(this.size);
    }
    return this.baselineRanks;
  }

  /**
   * The inputs a person can edit under a model (default: the current one), as the engine
   * describes them: the model's item fields, and its criteria, each edited where its values
   * come from: a criterion taken from an item field ("source": "effort") is that field, so
   * one estimate moves every model that reads it; OKR alignment is computed, not typed.
   */
  inputs(id = this.model): InputColumn[] {
    const out: InputColumn[] = [];
    const seen = new Set<string>();
    const add = (col: InputColumn) => {
      const key = `${col.kind}:${col.key}`;
      if (seen.has(key)) return;
      seen.add(key);
      out.push(col);
    };
    for (const input of this.modelInfo(id)?.inputs ?? []) {
      if (input.kind === 'field') add({ kind: 'field', key: input.id, label: humanize(input.name), criterion: null });
      else if (input.source === 'scores') add({ kind: 'score', key: input.id, label: input.name, criterion: input.id });
      else if (input.source === 'field' && input.field) add({ kind: 'field', key: input.field, label: input.name, criterion: input.id });
    }
    return out;
  }

  /** The value an input shows: the person's edit, else the document's (a range shows its likely value). */
  inputValue(index: number, col: InputColumn): number | null {
    const id = this.ids[index];
    const edited = (col.kind === 'field' ? this.state.fields : this.state.scores)[id]?.[col.key];
    if (edited !== undefined) return edited;
    return this.documentValue(index, col);
  }

  documentValue(index: number, col: Pick<InputColumn, 'kind' | 'key'>): number | null {
    const item = this.sourceDoc.items?.[index];
    if (!item) return null;
    const raw = col.kind === 'field' ? item[col.key] : (item.scores as Record<string, unknown> | undefined)?.[col.key];
    if (typeof raw === 'number') return raw;
    if (raw && typeof raw === 'object' && typeof (raw as { likely?: unknown }).likely === 'number')
      return (raw as { likely: number }).likely;
    return null;
  }

  /** The document's {low, likely, high} for an input given as a range, else null. */
  documentRange(index: number, col: InputColumn): { low: number; likely: number; high: number } | null {
    const item = this.sourceDoc.items?.[index];
    return rangeOf(col.kind === 'field' ? item?.[col.key] : (item?.scores as Record<string, unknown> | undefined)?.[col.key]);
  }

  isEdited(index: number, col: InputColumn): boolean {
    const id = this.ids[index];
    return (col.kind === 'field' ? this.state.fields : this.state.scores)[id]?.[col.key] !== undefined;
  }

  /** Criteria with the weights in use, as the engine reports them (edits included). */
  criteria(): CriterionView[] {
    const page = new Map((this.loadedDescription?.criteria ?? []).map((c) => [c.id, c.weight]));
    return this.description.criteria.map((c) => ({
      id: c.id,
      name: c.name || c.id,
      weight: c.weight,
      direction: c.direction,
      documentWeight: page.get(c.id) ?? c.weight,
      // The engine says whether the weight in use is a range's likely value (with "weights_from":
      // "ahp" it is the AHP priority, and the range does not apply); the page gives its bounds.
      range: c.weight_is_range && c.weight_from === 'document' ? this.weightRange(c.id) : null,
    }));
  }

  /** The page's {low, high} for a criterion weight given as a range, else null. */
  private weightRange(id: string): { low: number; high: number } | null {
    const criteria = Array.isArray(this.sourceDoc.criteria) ? (this.sourceDoc.criteria as { id?: unknown; weight?: unknown }[]) : [];
    return rangeOf(criteria.find((c) => c?.id === id)?.weight);
  }

  indexOf(id: string): number {
    return this.itemIndex.get(id) ?? -1;
  }

  item(index: number): Item | undefined {
    return this.sourceDoc.items?.[index];
  }

  explain(id: string): string {
    return this.engine.explain(id);
  }

  /** The current document, edits included ("gapscore/1" JSON text). */
  currentJson(): string {
    return this.engine.documentJson();
  }

  /** A document for a saved state, built on a scratch engine (not on the drag path). */
  documentFor(state: EditState): string | null {
    const scratch = new Session(this.gs);
    try {
      const r = scratch.open(this.pageText, state);
      return r.ok ? scratch.currentJson() : null;
    } finally {
      scratch.dispose();
    }
  }
}
