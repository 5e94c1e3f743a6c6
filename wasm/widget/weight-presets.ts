// Named weight sets the sliders can take at once ("Weigh it like"): the document's own
// weights, each stakeholder's, and the AHP priorities from the document's pairwise
// comparisons. Pure: the state a preset gives, for the edit controller to commit.

import { formatNumber } from './format';
import { runJson } from './module';
import type { GapscoreModule, Problem } from './module-types';
import type { DocumentShape, Session } from './session';
import type { EditState } from './state';
import { cloneState } from './state';

export const DOCUMENT_WEIGHTS = 'the document';
export const AHP_WEIGHTS = 'AHP (pairwise comparisons)';

/** The presets this document offers, in menu order; none (no menu) without another weight set. */
export function presetNames(doc: DocumentShape, commands: Set<string>): string[] {
  const presets = (doc.stakeholders ?? []).filter((x) => x.weights && typeof x.weights === 'object').map((x) => x.name || x.id);
  if (commands.has('ahp') && doc.ahp && typeof doc.ahp === 'object') presets.push(AHP_WEIGHTS);
  return presets.length ? [DOCUMENT_WEIGHTS, ...presets] : [];
}

export type PresetResult =
  | { ok: true; state: EditState; /** Said after the name (AHP: the consistency ratio). */ note: string }
  | { ok: false; errors: Problem[] };

/** The session's state with the weights of preset `name`; null for a name the document does not have. */
export function presetState(name: string, s: Pick<Session, 'state' | 'document' | 'currentJson'>, gs: GapscoreModule): PresetResult | null {
  const after = cloneState(s.state);
  let note = '';
  if (name === DOCUMENT_WEIGHTS) {
    after.weights = Object.create(null);
  } else if (name === AHP_WEIGHTS) {
    const r = runJson<{ weights: Record<string, number>; cr: number; consistent: boolean; warning?: string }>(gs, 'ahp', s.currentJson(), {});
    if (!r.ok) return { ok: false, errors: r.errors };
    // AHP weights are shares summing to 1; ×10 puts them on the sliders' scale (same shares).
    for (const [c, w] of Object.entries(r.value.weights)) after.weights[c] = w * 10;
    note = r.value.consistent
      ? ` (consistency ratio ${formatNumber(r.value.cr)}, under 0.1)`
      : `. Careful: consistency ratio ${formatNumber(r.value.cr)} is over 0.1, the judgements contradict each other${r.value.warning ? `: ${r.value.warning}` : ''}`;
  } else {
    const sh = (s.document.stakeholders ?? []).find((x) => (x.name || x.id) === name);
    if (!sh?.weights) return null;
    for (const [c, w] of Object.entries(sh.weights)) if (typeof w === 'number') after.weights[c] = w;
  }
  return { ok: true, state: after, note };
}
