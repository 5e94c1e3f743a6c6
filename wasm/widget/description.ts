// What the engine says a document offers: `Engine.describe()`, the same JSON as
// `run("describe", doc)` and `gapscore describe FILE --format json` (docs/module.md,
// core/src/document/describe.cpp). The widget asks this instead of re-deriving a rule from
// the raw document or from the English of a message: which models can rank it and with which
// inputs, the weights in use, the named weight sets, the views, the default top N, the warnings.

import type { Problem } from './module-types';

export interface ModelInput {
  kind: 'field' | 'criterion';
  /** Field name, or criterion id. */
  id: string;
  name: string;
  /** Criteria: where the values come from ("field": the item field `field`). */
  source?: 'scores' | 'okr' | 'field';
  field?: string;
}

export interface DescribedModel {
  id: string;
  label: string;
  variant: string;
  formula: string;
  usable: boolean;
  /** When not usable: the first few problems (each with its code), and how many there are. */
  problems?: Problem[];
  problem_count?: number;
  /** What the model says about these inputs without refusing them (every weight 0, a rater who skipped an item). */
  warnings?: Problem[];
  inputs: ModelInput[];
  /** Inputs that are not item fields or criteria ("its outcomes"). */
  other_inputs?: string;
  reads_weights: boolean;
  exact_sensitivity: boolean;
  quadrants: boolean;
}

export interface DescribedCriterion {
  id: string;
  name: string;
  /** The weight in use (with "weights_from": "ahp", the AHP priority; a range's likely value). */
  weight: number;
  weight_from: 'document' | 'ahp';
  weight_is_range: boolean;
  direction: 'benefit' | 'cost';
  source: 'scores' | 'okr' | 'field';
  field?: string;
  scale?: { min: number; max: number };
}

export interface WeightSet {
  id: string;
  name: string;
  kind: 'stakeholder' | 'ahp';
  weights: Record<string, number>;
  consistency_ratio?: number;
  consistent?: boolean;
}

export interface DescribedView {
  id: string;
  /** The models the view works with, when it does not work with every model. */
  models?: string[];
}

export interface Description {
  title: string;
  items: number;
  /** The document's model, or the default one when it names none (see model_given). */
  model: string;
  model_given: boolean;
  /** The default top N: the document's, else 10, at most the number of items. */
  top: number;
  top_given: boolean;
  models: DescribedModel[];
  criteria: DescribedCriterion[];
  weight_sets: WeightSet[];
  sections: string[];
  /** Empty when no model can rank the items. */
  views: DescribedView[];
  uncertain_inputs: number;
  warnings?: Problem[];
}

/** The engine's description of what it has loaded; throws a problem when there is none. */
export function readDescription(text: string): Description {
  let d: unknown;
  try {
    d = JSON.parse(text);
  } catch {
    d = null;
  }
  const ok = (x: unknown): x is Description =>
    !!x && typeof x === 'object' && Array.isArray((x as Description).models) && Array.isArray((x as Description).criteria) && Array.isArray((x as Description).views);
  if (!ok(d)) throw [{ path: '', code: 'internal_error', message: 'the engine could not describe this document' }] as Problem[];
  return d;
}

/** Whether any model can rank the document. */
export function rankable(d: Description): boolean {
  return d.models.some((m) => m.usable);
}

/**
 * Why no model can rank the document, for people and for the gapscore-error event: the
 * unknown fields that are typos of a known one first (an "efort" is usually the reason), then
 * what the document's model lacks (the engine lists the first few; one of each kind here),
 * each problem with its code.
 */
export function unrankableProblems(d: Description): Problem[] {
  const typos = (d.warnings ?? []).filter((w) => w.code === 'unknown_field' && w.suggestion);
  const seen = new Set<string>();
  const lacks = (ownModel(d)?.problems ?? []).filter((p) => {
    const key = `${p.code ?? ''}\u0000${p.message}\u0000${p.path.split('/').pop() ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return [...typos, ...lacks];
}

function ownModel(d: Description): DescribedModel | undefined {
  return d.models.find((m) => m.id === d.model) ?? d.models[0];
}

/** The sentence after the problems: how much the document's model lacks, and that every other model lacks inputs too. */
export function otherModelsNote(d: Description): string {
  const own = ownModel(d);
  const others = d.models.filter((m) => m !== own).map((m) => m.label);
  const list = others.length > 1 ? `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}` : (others[0] ?? '');
  const count = own?.problem_count ?? own?.problems?.length ?? 0;
  const first = own
    ? `${own.label} is the ${d.model_given ? 'document’s' : 'default'} model${count > 1 ? `: it lacks an input in ${count} places` : ''}.`
    : '';
  return [first, list ? `${list} cannot rank these items either.` : ''].filter(Boolean).join(' ');
}
