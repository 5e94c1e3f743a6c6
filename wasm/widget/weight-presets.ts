// Named weight sets the sliders can take at once ("Weigh it like"): the document's own
// weights, and the sets the engine describes (each stakeholder's weights, the AHP priorities
// from the document's pairwise comparisons). Pure: the state a preset gives, for the edit
// controller to commit.

import type { WeightSet } from './description';
import { formatNumber } from './format';
import type { Session } from './session';
import type { EditState } from './state';
import { cloneState } from './state';

/** The document's own weights: every weight edit removed. */
export const DOCUMENT_WEIGHTS = 'document';

export interface Preset {
  /** What the menu sends: DOCUMENT_WEIGHTS, or "<kind>:<id>" of a weight set. */
  value: string;
  label: string;
}

/** The presets this document offers, in menu order; none (no menu) without a weight set. */
export function presets(sets: WeightSet[]): Preset[] {
  if (sets.length === 0) return [];
  return [{ value: DOCUMENT_WEIGHTS, label: 'the document' }, ...sets.map((w) => ({ value: `${w.kind}:${w.id}`, label: w.name || w.id }))];
}

export interface PresetResult {
  state: EditState;
  /** The preset's name, as the menu shows it. */
  label: string;
  /** Said after the name (AHP: the consistency ratio). */
  note: string;
}

/** The session's state with the weights of preset `value`; null for a preset the document does not have. */
export function presetState(value: string, s: Pick<Session, 'state' | 'weightSets'>): PresetResult | null {
  const after = cloneState(s.state);
  if (value === DOCUMENT_WEIGHTS) {
    after.weights = Object.create(null);
    return { state: after, label: 'the document', note: '' };
  }
  const set = s.weightSets.find((w) => `${w.kind}:${w.id}` === value);
  if (!set) return null;
  let note = '';
  // AHP priorities are shares summing to 1; ×10 puts them on the sliders' scale (same shares).
  const scale = set.kind === 'ahp' ? 10 : 1;
  for (const [c, w] of Object.entries(set.weights)) if (typeof w === 'number') after.weights[c] = w * scale;
  if (set.kind === 'ahp' && typeof set.consistency_ratio === 'number') {
    note = set.consistent
      ? ` (consistency ratio ${formatNumber(set.consistency_ratio)}, under 0.1)`
      : `. Careful: consistency ratio ${formatNumber(set.consistency_ratio)} is over 0.1, the judgements contradict each other`;
  }
  return { state: after, label: set.name || set.id, note };
}

/**
 * The preset whose weights are the ones in force ('' for none), so "Weigh it like" shows which
 * is active: the first in menu order whose weights equal the state's (the document's: no
 * weight edited).
 */
export function activePreset(list: Preset[], s: Pick<Session, 'state' | 'weightSets'>): string {
  const now = s.state.weights;
  for (const p of list) {
    const after = presetState(p.value, s)?.state.weights;
    if (!after) continue;
    const keys = new Set([...Object.keys(after), ...Object.keys(now)]);
    if ([...keys].every((k) => after[k] === now[k])) return p.value;
  }
  return '';
}
