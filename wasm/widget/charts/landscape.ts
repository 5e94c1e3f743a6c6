// The opportunity landscape (Ulwick, Outcome-Driven Innovation): importance against
// satisfaction, both 0-10, with the underserved region shaded. Opportunity scores and
// statuses come from the engine's `gaps` command; the shaded borders are the published
// thresholds (opportunity = importance + max(importance - satisfaction, 0) at 10 and 15),
// drawn as lines, not computed per outcome.

import { h, svg, fill } from '../dom';
import { formatNumber, humanize } from '../format';
import { labelCells, stackable } from '../stack-table';
import { linear, ticks, LabelSpace, chartWidth, FULL_WIDTH } from './svg-scale';

export interface GapOutcome {
  /** The engine's rank by opportunity (1 = the most underserved). */
  rank?: number;
  id: string;
  name?: string;
  segment?: string;
  customers?: number;
  importance: number;
  satisfaction: number;
  opportunity: number;
  status: string;
  unrealized_value?: number;
  share_of_unrealized_value?: number;
  lifted_by?: string[];
}
export interface GapsResult {
  outcomes: GapOutcome[];
  variant?: string;
}

const H = 400;
const M = { left: 48, right: 14, top: 14, bottom: 40 };
const ROWS = 8; // outcomes listed before "Show all"

export class LandscapeChart {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly table: HTMLElement;

  constructor() {
    this.chart = h('div', { class: 'gs-scroll' }); // drawn at the box's width (chartWidth); narrower than 300 px, it scrolls
    this.table = h('div', { class: 'gs-scroll' });
    this.element = h(
      'section',
      { class: 'gs-landscape', part: 'chart' },
      h('p', { class: 'gs-note' }, 'Customer outcomes: importance against satisfaction (0–10). Shaded: underserved (opportunity over 10), darker: extremely underserved (over 15); below the diagonal: overserved.'),
      this.chart,
      this.table,
    );
  }

  /** The answer last drawn and the width it was drawn at: refit() draws it again at a new width. */
  private last: GapsResult | null = null;
  private drawnWidth = 0;
  private titleOf: (id: string) => string = (id) => id;
  private segmentName: (id: string) => string = (id) => id;

  /**
   * Draws the last answer again when the box's width changed (a phone turned, a window
   * resized), without asking the engine again; a hidden chart waits for its tab to draw.
   */
  refit(): void {
    if (!this.last || this.element.clientWidth === 0 || chartWidth(this.element) === this.drawnWidth) return;
    this.render(this.last, this.titleOf, this.segmentName);
  }

  showMessage(text: string): void {
    this.last = null;
    fill(this.chart, h('p', { class: 'gs-note' }, text));
    fill(this.table);
  }

  /** `segmentName` names a segment as the document does (the result gives its id). */
  render(result: GapsResult, titleOf: (id: string) => string = (id) => id, segmentName: (id: string) => string = (id) => id): void {
    this.last = result;
    this.titleOf = titleOf;
    this.segmentName = segmentName;
    const W = chartWidth(this.element);
    this.drawnWidth = W;
    const x = linear(0, 10, M.left, W - M.right);
    const y = linear(0, 10, H - M.bottom, M.top);
    const pts = (p: [number, number][]) => p.map(([s, i]) => `${x(s)},${y(i)}`).join(' ');
    const root = svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, class: W < FULL_WIDTH ? 'gs-chart' : 'gs-chart gs-chart-wide', role: 'img', 'aria-label': 'Opportunity landscape: importance versus satisfaction' },
      // opportunity > 10 <=> importance > (10 + satisfaction) / 2 where importance >= satisfaction
      svg('polygon', { points: pts([[0, 5], [10, 10], [0, 10]]), class: 'gs-under' }),
      svg('polygon', { points: pts([[0, 7.5], [5, 10], [0, 10]]), class: 'gs-extreme' }),
      svg('polygon', { points: pts([[0, 0], [10, 0], [10, 10]]), class: 'gs-over' }),
      ...ticks(0, 10).map((t) => svg('text', { x: x(t), y: H - M.bottom + 14, 'text-anchor': 'middle', class: 'gs-axis-label' }, String(t))),
      ...ticks(0, 10).map((t) => svg('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'gs-axis-label' }, String(t))),
      svg('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'gs-axis' }),
      svg('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: 'gs-axis' }),
      svg('text', { x: (M.left + W - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'gs-axis-label' }, 'Satisfaction →'),
      svg('text', { x: 12, y: (M.top + H - M.bottom) / 2, 'text-anchor': 'middle', class: 'gs-axis-label', transform: `rotate(-90 12 ${(M.top + H - M.bottom) / 2})` }, 'Importance →'),
      svg('text', { x: x(0.3), y: y(9.6), class: 'gs-q-label' }, 'Underserved'),
      svg('text', { x: x(9.7), y: y(0.4), class: 'gs-q-label', 'text-anchor': 'end' }, 'Overserved'),
    );
    const space = new LabelSpace();
    space.take(x(0.3), y(9.6), 90, 14);
    space.take(x(9.7) - 80, y(0.4), 80, 14);
    // In the engine's order (its rank): opportunities equal but for rounding noise (14.8 and
    // 14.799999999999999) are tied there and ordered by its tie-break, as the CLI lists them.
    const sorted = [...result.outcomes].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
    // Outcomes crowd the underserved corner, so each dot carries its number in the table
    // below (by opportunity) instead of a long name; the name is the dot's tooltip.
    sorted.forEach((o, k) => {
      const cx = x(clamp(o.satisfaction));
      const cy = y(clamp(o.importance));
      const label = o.name ?? o.id;
      root.append(
        svg(
          'g',
          { class: `gs-num-dot gs-st-${o.status}` },
          svg('title', {}, `${k + 1}. ${label}: importance ${formatNumber(o.importance)}, satisfaction ${formatNumber(o.satisfaction)}, opportunity ${formatNumber(o.opportunity)} (${humanize(o.status)})`),
          svg('circle', { cx, cy, r: 8.5, class: 'gs-dot' }),
          svg('text', { x: cx, y: cy + 3.5, 'text-anchor': 'middle', class: 'gs-dot-count' }, String(k + 1)),
        ),
      );
    });
    fill(this.chart, root);
    const hasValue = sorted.some((o) => typeof o.unrealized_value === 'number');
    const row = (o: GapOutcome) =>
      h(
        'tr',
        {},
        h('td', { class: 'gs-rank' }, String(sorted.indexOf(o) + 1)),
        // The work that closes the gap is a line under the outcome, not an eighth column: as a
        // column it was cut off at 1280 px (issue 19, item 3).
        h(
          'th',
          { scope: 'row', class: 'gs-title' },
          o.name ?? o.id,
          h('div', { class: 'gs-note' }, [o.segment ? segmentName(o.segment) : '', typeof o.customers === 'number' ? `${formatNumber(o.customers)} customers` : ''].filter(Boolean).join(' · ')),
          h('div', { class: 'gs-note gs-work' }, `Work that closes it: ${(o.lifted_by ?? []).map(titleOf).join(', ') || 'nothing planned'}`),
        ),
        h('td', { class: 'gs-score' }, formatNumber(o.importance)),
        h('td', { class: 'gs-score' }, formatNumber(o.satisfaction)),
        h('td', { class: 'gs-score' }, formatNumber(o.opportunity)),
        h('td', { class: `gs-status gs-st-${o.status}` }, humanize(o.status)),
        hasValue
          ? h('td', { class: 'gs-score' }, typeof o.unrealized_value === 'number' ? formatNumber(o.unrealized_value) : '–', typeof o.share_of_unrealized_value === 'number' ? h('div', { class: 'gs-note' }, `${Math.round(o.share_of_unrealized_value * 100)} % of all`) : null)
          : null,
      );
    const body = h('tbody', {}, ...sorted.slice(0, ROWS).map(row));
    const more = h('button', { type: 'button', class: 'gs-more', part: 'button', hidden: sorted.length <= ROWS }, `Show all ${sorted.length} outcomes`);
    more.addEventListener('click', () => {
      const added = sorted.slice(ROWS).map(row);
      body.append(...added);
      labelCells(table);
      // The button goes away: focus moves to the first outcome it showed (to the page, a
      // screen reader would start again at the top).
      const first = added[0]?.querySelector<HTMLElement>('th');
      if (first) {
        first.tabIndex = -1;
        first.focus();
      }
      more.hidden = true;
    });
    const headers = ['#', 'Outcome', 'Importance', 'Satisfaction', 'Opportunity', 'Status', ...(hasValue ? ['Unrealized value'] : [])];
    // Stacked rows on a phone (stack-table.ts): seven columns do not fit 390 px.
    const table = stackable(
      h(
        'table',
        { class: 'gs-table gs-outcomes' },
        h('caption', { class: 'gs-sr' }, 'Outcomes by opportunity'),
        h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
        body,
      ),
    );
    fill(this.table, table, more);
  }
}

function clamp(v: number): number {
  return Math.max(0, Math.min(10, Number.isFinite(v) ? v : 0));
}
