// The engine side of one widget: the page's document, the person's EditState replayed onto
// a live Engine, and a second Engine holding the untouched baseline for rank deltas.
// Everything numeric comes from the module; this file only moves values in and out.

import type { Engine, GapscoreModule, Problem } from './module-types';
import { engineErrors, runJson } from './module';
import type { Change, EditState, NumberMap } from './state';
import { cloneState, emptyState } from './state';

/** The ranking after rank(): copies, so they survive the next engine call. */
export interface Snapshot {
  order: Uint32Array;
  scores: Float64Array;
  ranks: Uint32Array;
  partNames: string[];
  parts: Float64Array[];
  /** Rank of each item (by index) in the baseline under the same model; 0 if absent. */
  baselineRanks: Uint32Array;
}

export interface InputColumn {
  kind: 'field' | 'score';
  /** Field name or criterion id. */
  key: string;
  label: string;
}

export interface ModelChoice {
  id: string;
  usable: boolean;
  /** Why not, when not usable (e.g. "missing: model wsjf needs ..."). */
  reason: string;
}

export interface ModelDescription {
  id: string;
  variant: string;
  formula: string;
  inputs: InputColumn[];
  usesCriteria: boolean;
}

interface Criterion {
  id: string;
  name?: string;
  weight?: unknown;
  direction?: string;
}
interface Item {
  id: string;
  title?: string;
  description?: string;
  moscow?: string;
  tags?: string[];
  [field: string]: unknown;
}
export interface DocumentShape {
  title?: string;
  model?: string;
  top?: number;
  criteria?: Criterion[];
  items?: Item[];
  stakeholders?: { id: string; name?: string; weights?: Record<string, number> }[];
  outcomes?: unknown[];
  ahp?: unknown;
  [key: string]: unknown;
}

export type LoadResult = { ok: true; dropped: number } | { ok: false; errors: Problem[] };

/** Ids the engine reports for an unknown model; parsed from its message, with a fallback. */
function modelIdsFrom(errorsText: string): string[] {
  const m = /\(choose ([^)]*)\)/.exec(errorsText);
  const ids = m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
  return ids.length ? ids : ['rice', 'ice', 'wsjf', 'value_effort', 'weighted', 'topsis'];
}

export class Session {
  private engine: Engine;
  /** The untouched document, loaded only once something differs from it (see baselineRanksFor). */
  private baseline: Engine | null = null;
  /** The page's own document text (src or inline script). */
  private pageText = '';
  /** The document actually loaded: pageText, or state.document when set. */
  private sourceText = '';
  private sourceDoc: DocumentShape = {};
  /** With "weights_from": "ahp", the AHP priorities: the weights in use, not the document's numbers. */
  private ahpWeights: Record<string, number> | null = null;
  private itemIndex = new Map<string, number>();
  private baselineModel = '';
  /** A weight was previewed (slider drag) since the last open(): ranks may differ from the baseline. */
  private previewed = false;
  private baselineRanks = new Uint32Array(0);
  state: EditState;
  /** The element's model attribute: used when the person has not chosen one. */
  preferredModel: string | null = null;
  /** Increases on every successful open(), so views know when to rebuild. */
  generation = 0;
  models: ModelChoice[] = [];
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

  /**
   * Loads the page's document and replays `state` onto it. On failure nothing changes:
   * fresh engines are filled first and swapped in only when everything loaded.
   * Edits naming items or criteria that no longer exist are dropped (counted in `dropped`).
   */
  open(pageText: string, state: EditState): LoadResult {
    const text = state.document ?? pageText;
    const engine = new this.gs.Engine();
    let doc: DocumentShape;
    try {
      if (!engine.load(text)) throw engineErrors(engine.lastErrors());
      doc = JSON.parse(text) as DocumentShape; // the engine accepted it, so it parses
    } catch (errors) {
      engine.delete();
      return { ok: false, errors: Array.isArray(errors) ? (errors as Problem[]) : [{ path: '', message: String(errors) }] };
    }
    this.engine.delete();
    this.baseline?.delete();
    this.baseline = null;
    this.engine = engine;
    this.pageText = pageText;
    this.sourceText = text;
    this.sourceDoc = doc;
    this.ahpWeights = null;
    if (doc.weights_from === 'ahp') {
      const r = runJson<{ weights: Record<string, number> }>(this.gs, 'ahp', text, {});
      if (r.ok) this.ahpWeights = r.value.weights;
    }
    const n = engine.size();
    this.ids = new Array<string>(n);
    this.titles = new Array<string>(n);
    this.itemIndex.clear();
    for (let i = 0; i < n; i++) {
      this.ids[i] = engine.itemId(i);
      this.titles[i] = engine.itemTitle(i);
      this.itemIndex.set(this.ids[i], i);
    }
    this.models = this.probeModels(engine);
    this.baselineModel = '';
    this.previewed = false;
    this.generation++;
    engine.setModel(this.documentModel());
    const dropped = this.replay(state);
    return { ok: true, dropped };
  }

  /** Which models can rank this document: each one is tried on the freshly loaded engine. */
  private probeModels(e: Engine): ModelChoice[] {
    const initial = e.model();
    e.setModel('');
    const ids = modelIdsFrom(e.lastErrors());
    const out: ModelChoice[] = [];
    for (const id of ids) {
      if (!e.setModel(id)) continue;
      const usable = e.rank();
      let reason = '';
      if (!usable) {
        const errs = engineErrors(e.lastErrors());
        reason = errs[0]?.message ?? 'missing inputs';
      }
      out.push({ id, usable, reason });
    }
    e.setModel(initial);
    return out;
  }

  /** Applies a whole state onto the freshly loaded engine; returns how many edits were dropped. */
  private replay(state: EditState): number {
    const kept = cloneState(state);
    let dropped = 0;
    if (kept.model !== null && !this.engine.setModel(kept.model)) {
      kept.model = null;
      dropped++;
    }
    for (const [id, w] of Object.entries(kept.weights)) {
      if (!this.engine.setWeight(id, w)) {
        delete kept.weights[id];
        dropped++;
      }
    }
    const nested = (m: Record<string, NumberMap>, set: (item: string, key: string, v: number) => boolean) => {
      for (const [item, row] of Object.entries(m)) {
        for (const [key, v] of Object.entries(row)) {
          if (!set(item, key, v)) {
            delete row[key];
            dropped++;
          }
        }
        if (Object.keys(row).length === 0) delete m[item];
      }
    };
    nested(kept.fields, (i, f, v) => this.engine.setField(i, f, v));
    nested(kept.scores, (i, c, v) => this.engine.setScore(i, c, v));
    this.state = kept;
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
        ok = this.engine.setWeight(change.id, v as number);
        break;
      case 'field':
        ok = this.engine.setField(change.item, change.field, v as number);
        break;
      case 'score':
        ok = this.engine.setScore(change.item, change.criterion, v as number);
        break;
    }
    if (!ok) return { ok: false, errors: engineErrors(this.engine.lastErrors()) };
    if (rankedBefore && !this.engine.rank()) {
      const errors = engineErrors(this.engine.lastErrors());
      this.open(this.pageText, this.state); // back to the state before the change
      return { ok: false, errors };
    }
    this.state = next;
    return { ok: true, dropped: 0 };
  }

  /** Sets a weight without recording anything: the live part of a slider drag. */
  previewWeight(id: string, w: number): boolean {
    this.previewed = true;
    return this.engine.setWeight(id, w);
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
    const usable = (m: unknown) => typeof m === 'string' && this.models.some((x) => x.id === m && x.usable);
    // The attribute may list several ("gap value_effort"): the first this document supports.
    const preferred = (this.preferredModel ?? '').split(/\s+/).find(usable);
    if (preferred) return preferred;
    if (usable(this.sourceDoc.model)) return this.sourceDoc.model as string;
    return this.models.find((x) => x.usable)?.id ?? this.engine.model();
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

  /** Variant, formula and editable inputs of the current model, from an explanation. */
  describeModel(): ModelDescription {
    const id = this.engine.model();
    const criteriaIds = new Set((this.sourceDoc.criteria ?? []).map((c) => c.id));
    const desc: ModelDescription = { id, variant: id, formula: '', inputs: [], usesCriteria: false };
    if (this.size === 0) return desc;
    let ex: { variant?: string; formula?: string; terms?: { term: string; name?: string; raw?: number }[] } | null = null;
    if (!this.engine.rank()) return desc; // explain() needs a ranking
    try {
      ex = JSON.parse(this.engine.explain(this.ids[0]));
    } catch {
      ex = null;
    }
    if (!ex) return desc;
    desc.variant = ex.variant ?? id;
    desc.formula = ex.formula ?? '';
    const first = this.sourceDoc.items?.[0] ?? ({} as Item);
    for (const t of ex.terms ?? []) {
      // Criteria-based models explain each criterion with its raw score; field-based models
      // name the item field itself (a criterion may share a field's name, e.g. "effort").
      if (criteriaIds.has(t.term) && 'raw' in t) {
        desc.usesCriteria = true;
        desc.inputs.push({ kind: 'score', key: t.term, label: t.name ?? t.term });
      } else if (t.term in first && t.term !== 'id') {
        desc.inputs.push({ kind: 'field', key: t.term, label: t.term });
      }
    }
    return desc;
  }

  /** The value an input shows: the person's edit, else the document's (a range shows its likely value). */
  inputValue(index: number, col: InputColumn): number | null {
    const id = this.ids[index];
    const edited = (col.kind === 'field' ? this.state.fields : this.state.scores)[id]?.[col.key];
    if (edited !== undefined) return edited;
    return this.documentValue(index, col);
  }

  documentValue(index: number, col: InputColumn): number | null {
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
    const raw = col.kind === 'field' ? item?.[col.key] : (item?.scores as Record<string, unknown> | undefined)?.[col.key];
    if (!raw || typeof raw !== 'object') return null;
    const r = raw as { low?: unknown; likely?: unknown; high?: unknown };
    return typeof r.low === 'number' && typeof r.likely === 'number' && typeof r.high === 'number' ? { low: r.low, likely: r.likely, high: r.high } : null;
  }

  isEdited(index: number, col: InputColumn): boolean {
    const id = this.ids[index];
    return (col.kind === 'field' ? this.state.fields : this.state.scores)[id]?.[col.key] !== undefined;
  }

  /** Criteria with their current weights (edits included). */
  criteria(): { id: string; name: string; weight: number; direction: string; documentWeight: number | null }[] {
    return (this.sourceDoc.criteria ?? []).map((c) => {
      const w =
        this.ahpWeights?.[c.id] ?? (typeof c.weight === 'number' ? c.weight : (c.weight as { likely?: number } | undefined)?.likely);
      const documentWeight = typeof w === 'number' ? w : c.weight === undefined ? 1 : null;
      return {
        id: c.id,
        name: typeof c.name === 'string' && c.name ? c.name : c.id,
        weight: this.state.weights[c.id] ?? documentWeight ?? 1,
        direction: c.direction === 'cost' ? 'cost' : 'benefit',
        documentWeight,
      };
    });
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
