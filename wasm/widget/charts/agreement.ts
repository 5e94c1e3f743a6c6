// Stakeholder agreement (the `agreement` command): how much the stakeholders agree overall
// (Kendall's W), how each one aligns with the customers' ranking (tau-b), who agrees with
// whom (pairwise tau-b), and the items where they disagree most, first. Alignment is not
// agreement: the point is to show where the conversation should go.

import { h, fill } from '../dom';
import { stackable } from '../stack-table';
import { formatNumber } from '../format';
import { agreementSentence, sharedRank } from './agreement-summary';

export interface AgreementItem {
  id: string;
  title: string;
  mean_rank: number;
  dispersion: number;
  rank_range: [number, number];
  ranks: Record<string, number>;
  reference_rank?: number;
}
export interface AgreementResult {
  kendall_w: number | null;
  chi_square?: number | null;
  df?: number;
  p_value?: number | null;
  defined?: boolean;
  interpretation?: string;
  stakeholders: number;
  items_compared: number;
  items: AgreementItem[];
  alignment: { stakeholder: string; name?: string; role?: string; tau_b: number | null; defined?: boolean }[];
  /** `basis`: what the reference stands for ("customer_outcomes", "document_model", "option"). */
  reference: { model: string; variant: string; why?: string; basis?: string } | null;
  pairwise?: { stakeholders: string[]; tau_b: (number | null)[][] };
}

const DISPUTED_ROWS = 10;

export class AgreementView {
  readonly element: HTMLElement;
  private readonly content: HTMLElement;

  constructor() {
    this.content = h('div');
    this.element = h('section', { class: 'gs-agreement', part: 'chart' }, this.content);
  }

  showMessage(text: string): void {
    fill(this.content, h('p', { class: 'gs-note' }, text));
  }

  /** `top`: the widget's top N, for "all of them put … in their top N". */
  render(r: AgreementResult, nameOf: (stakeholder: string) => string, top: number): void {
    const w = r.kendall_w;
    const headline = h(
      'p',
      { class: 'gs-ag-head' },
      h('strong', {}, w === null || r.defined === false ? 'Agreement undefined' : `Kendall’s W = ${formatNumber(w)}`),
      r.interpretation ? ` · ${r.interpretation}` : '',
      ` · ${r.stakeholders} stakeholders over ${r.items_compared} items`,
      typeof r.p_value === 'number' ? h('span', { class: 'gs-muted' }, ` (χ² = ${formatNumber(r.chi_square ?? NaN)}, df ${r.df}, p = ${formatP(r.p_value)})`) : null,
    );

    const alignment = r.reference
      ? h(
          'div',
          { class: 'gs-ag-block' },
          h('h3', {}, `Aligned with ${referenceName(r.reference)}?`),
          h('div', { class: 'gs-diverge' }, ...r.alignment.map((a) => divergingRow(a.name || nameOf(a.stakeholder), a.role, a.tau_b))),
          h('p', { class: 'gs-note' }, `Kendall’s τ-b between each stakeholder’s ratings and the ranking by ${r.reference.variant}: −1 the exact opposite order, 0 unrelated, +1 the same order.`),
        )
      : h('p', { class: 'gs-note' }, 'No customer reference ranking (the document has no outcomes and no model was chosen), so alignment is left out.');

    const pairs = r.pairwise;
    const matrix =
      pairs && pairs.stakeholders.length > 1
        ? h(
            'div',
            { class: 'gs-ag-block' },
            h('h3', {}, 'Who agrees with whom (τ-b)'),
            h(
              'div',
              { class: 'gs-scroll' },
              h(
                'table',
                { class: 'gs-table gs-pairs' },
                h('thead', {}, h('tr', {}, h('td', {}), ...pairs.stakeholders.map((s) => h('th', { scope: 'col' }, nameOf(s))))),
                h(
                  'tbody',
                  {},
                  ...pairs.stakeholders.map((s, i) =>
                    h(
                      'tr',
                      {},
                      h('th', { scope: 'row' }, nameOf(s)),
                      ...pairs.tau_b[i].map((t, j) => {
                        const td = h('td', { class: 'gs-pair', title: `${nameOf(s)} and ${nameOf(pairs.stakeholders[j])}: τ-b ${t === null ? 'undefined' : tauText(t)}` }, i === j ? '' : t === null ? '–' : tauText(t));
                        if (i !== j && t !== null) {
                          td.style.setProperty('--t', String(Math.abs(t)));
                          td.classList.add(t >= 0 ? 'gs-agree' : 'gs-disagree');
                        }
                        return td;
                      }),
                    ),
                  ),
                ),
              ),
            ),
          )
        : null;

    const who = Object.keys(r.items[0]?.ranks ?? {});
    // Each stakeholder's ranks of every item, to say which ranks are shared (a tie in ratings).
    const rankBy = new Map(who.map((s) => [s, r.items.map((it) => it.ranks[s])]));
    /** An end of an item's spread, as the places of the stakeholder who gave it. */
    const placesOf = (it: AgreementItem, rank: number) => {
      const s = who.find((x) => it.ranks[x] === rank);
      return s ? sharedRank(rank, rankBy.get(s)!).text : formatNumber(rank);
    };
    const anyShared = r.items.some((it) => who.some((s) => sharedRank(it.ranks[s], rankBy.get(s)!).shared > 0));
    const disputed = h(
      'div',
      { class: 'gs-ag-block' },
      h('h3', {}, 'Where they disagree most (each one’s rank, 1 = most important)'),
      h(
        'div',
        { class: 'gs-scroll' },
        h(
          'table',
          { class: 'gs-table gs-disputed' },
          h('caption', { class: 'gs-sr' }, 'Items by disagreement, with each stakeholder’s rank (1 = most important)'),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, 'Item'),
              ...who.map((s) => h('th', { scope: 'col', class: 'gs-score' }, nameOf(s))),
              r.reference ? h('th', { scope: 'col', class: 'gs-score' }, referenceColumn(r.reference)) : null,
              h('th', { scope: 'col', class: 'gs-score' }, 'Spread'),
            ),
          ),
          h(
            'tbody',
            {},
            ...r.items.slice(0, DISPUTED_ROWS).map((it) =>
              h(
                'tr',
                {},
                h('th', { scope: 'row', class: 'gs-title' }, it.title),
                ...who.map((s) => {
                  const rank = sharedRank(it.ranks[s], rankBy.get(s)!);
                  return h('td', { class: 'gs-score' }, rank.text, rank.shared ? h('span', { class: 'gs-sr' }, `, shared by ${rank.shared} items`) : null);
                }),
                r.reference ? h('td', { class: 'gs-score' }, it.reference_rank === undefined ? '–' : String(it.reference_rank)) : null,
                h('td', { class: 'gs-score' }, `${placesOf(it, it.rank_range[0])} to ${placesOf(it, it.rank_range[1])}`),
              ),
            ),
          ),
        ),
      ),
      anyShared ? h('p', { class: 'gs-note' }, 'A rank like 27–28 is shared: that stakeholder gave those items the same rating, so they share those places.') : null,
    );
    // Stacked rows on a phone (stack-table.ts): a column per stakeholder does not fit 390 px.
    for (const block of [disputed, matrix]) block?.querySelectorAll('table').forEach((t) => stackable(t));
    // The sentence first; the statistics (W, χ², p, each one's τ-b) one click away.
    const lead = h('p', { class: 'gs-ag-lead', part: 'summary' }, agreementSentence(r, top, nameOf));
    const stats = h('details', { class: 'gs-ag-stats' }, h('summary', {}, 'The statistics: Kendall’s W, χ², p and each one’s τ-b'), headline, alignment, matrix);
    fill(this.content, lead, disputed, stats);
  }
}

function divergingRow(name: string, role: string | undefined, tau: number | null): HTMLElement {
  const bar = h('span', { class: `gs-dv-bar ${tau !== null && tau < 0 ? 'gs-dv-neg' : 'gs-dv-pos'}` });
  if (tau !== null) {
    const half = Math.min(1, Math.abs(tau)) * 50;
    bar.style.width = `${half}%`;
    bar.style.left = tau >= 0 ? '50%' : `${50 - half}%`;
  }
  return h(
    'div',
    { class: 'gs-dv-row' },
    h('span', { class: 'gs-dv-name', title: role ?? '' }, name),
    h('span', { class: 'gs-dv-track', 'aria-hidden': 'true' }, h('span', { class: 'gs-dv-zero' }), bar),
    h('span', { class: 'gs-dv-value' }, tau === null ? 'undefined' : `τ = ${tauText(tau)}`),
  );
}

/** τ with two decimals: enough to compare stakeholders, and the same width for all. */
function tauText(t: number): string {
  const s = Math.abs(t).toFixed(2);
  return t < 0 && s !== '0.00' ? `−${s}` : s;
}

function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : formatNumber(p);
}

/**
 * What the reference ranking is, as the engine says (its `basis`): the customers' only when it
 * is the gap model over the document's customer outcomes; else the ranking by its model (a
 * document without outcomes is aligned with its own model, which an edit moves).
 */
export function referenceName(ref: NonNullable<AgreementResult['reference']>): string {
  return ref.basis === 'customer_outcomes' ? 'the customers’ ranking' : `the ranking by ${ref.variant}`;
}

/** The reference's column heading in the disputed items' table. */
function referenceColumn(ref: NonNullable<AgreementResult['reference']>): string {
  return ref.basis === 'customer_outcomes' ? 'Customers' : 'Reference';
}
