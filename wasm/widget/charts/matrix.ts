// The value-vs-effort 2x2: quick wins (high value, low effort), big bets, fill-ins and
// money pits. Positions, thresholds and quadrants all come from the engine's
// `rank --model value_effort` answer; this file only draws them.

import { h, svg, fill } from '../dom';
import { formatNumber } from '../format';
import { linear, ticks, LabelSpace, placeLabel, clip, chartWidth, FULL_WIDTH } from './svg-scale';
import { QuadrantList } from './quadrant-list';

export interface MatrixRow {
  id: string;
  title: string;
  rank: number;
  terms: { value: number; effort: number };
  quadrant: string;
}
export interface MatrixResult {
  matrix: { value_threshold: number; effort_threshold: number };
  ranking: MatrixRow[];
}

const QUADRANTS: { id: string; label: string; cls: string }[] = [
  { id: 'quick_win', label: 'Quick wins', cls: 'gs-q-quick' },
  { id: 'big_bet', label: 'Big bets', cls: 'gs-q-big' },
  { id: 'fill_in', label: 'Fill-ins', cls: 'gs-q-fill' },
  { id: 'money_pit', label: 'Money pits', cls: 'gs-q-pit' },
];

const H = 380;
const M = { left: 48, right: 14, top: 14, bottom: 40 };
const LABELLED = 14; // the best-ranked items get a text label; all get a tooltip

export class MatrixChart {
  readonly element: HTMLElement;
  private readonly chart: HTMLElement;
  private readonly lists: HTMLElement;
  /** One list per quadrant, each capped with its own "Show more" (kept across redraws). */
  private readonly quadrantLists = QUADRANTS.map((q) => new QuadrantList(q.label, (id) => this.onOpen(id)));

  constructor(private readonly onOpen: (id: string) => void) {
    this.chart = h('div', { class: 'gs-scroll' }); // drawn at the box's width (chartWidth); narrower than 300 px, it scrolls
    this.lists = h('div', { class: 'gs-quadrants' });
    this.element = h(
      'section',
      { class: 'gs-matrix', part: 'chart' },
      h('p', { class: 'gs-note' }, 'Value against effort. The dashed lines are the thresholds (the medians unless the document sets them). Select a dot for its explanation.'),
      this.chart,
      this.lists,
    );
  }

  /** The answer last drawn and the width it was drawn at: refit() draws it again at a new width. */
  private last: MatrixResult | null = null;
  private drawnWidth = 0;

  /**
   * Draws the last answer again when the box's width changed (a phone turned, a window
   * resized), without asking the engine again; a hidden chart waits for its tab to draw.
   */
  refit(): void {
    if (!this.last || this.element.clientWidth === 0 || chartWidth(this.element) === this.drawnWidth) return;
    this.render(this.last);
  }

  showMessage(text: string): void {
    this.last = null;
    fill(this.chart, h('p', { class: 'gs-note' }, text));
    fill(this.lists);
  }

  render(result: MatrixResult): void {
    this.last = result;
    const rows = result.ranking;
    const W = chartWidth(this.element);
    this.drawnWidth = W;
    const maxE = Math.max(result.matrix.effort_threshold, ...rows.map((r) => r.terms.effort)) * 1.08 || 1;
    const maxV = Math.max(result.matrix.value_threshold, ...rows.map((r) => r.terms.value)) * 1.08 || 1;
    const x = linear(0, maxE, M.left, W - M.right);
    const y = linear(0, maxV, H - M.bottom, M.top);
    const tx = x(result.matrix.effort_threshold);
    const ty = y(result.matrix.value_threshold);
    const rect = (x0: number, y0: number, x1: number, y1: number, cls: string) =>
      svg('rect', { x: x0, y: y0, width: Math.max(0, x1 - x0), height: Math.max(0, y1 - y0), class: cls });
    const root = svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, class: W < FULL_WIDTH ? 'gs-chart' : 'gs-chart gs-chart-wide', role: 'img', 'aria-label': 'Value versus effort matrix' },
      rect(M.left, M.top, tx, ty, 'gs-q-quick'),
      rect(tx, M.top, W - M.right, ty, 'gs-q-big'),
      rect(M.left, ty, tx, H - M.bottom, 'gs-q-fill'),
      rect(tx, ty, W - M.right, H - M.bottom, 'gs-q-pit'),
      svg('text', { x: M.left + 6, y: M.top + 14, class: 'gs-q-label' }, 'Quick wins'),
      svg('text', { x: W - M.right - 6, y: M.top + 14, class: 'gs-q-label', 'text-anchor': 'end' }, 'Big bets'),
      svg('text', { x: M.left + 6, y: H - M.bottom - 6, class: 'gs-q-label' }, 'Fill-ins'),
      svg('text', { x: W - M.right - 6, y: H - M.bottom - 6, class: 'gs-q-label', 'text-anchor': 'end' }, 'Money pits'),
      svg('line', { x1: tx, x2: tx, y1: M.top, y2: H - M.bottom, class: 'gs-grid' }),
      svg('line', { x1: M.left, x2: W - M.right, y1: ty, y2: ty, class: 'gs-grid' }),
      svg('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'gs-axis' }),
      svg('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: 'gs-axis' }),
      ...ticks(0, maxE).map((t) => svg('text', { x: x(t), y: H - M.bottom + 14, 'text-anchor': 'middle', class: 'gs-axis-label' }, formatNumber(t))),
      ...ticks(0, maxV).map((t) => svg('text', { x: M.left - 6, y: y(t) + 4, 'text-anchor': 'end', class: 'gs-axis-label' }, formatNumber(t))),
      svg('text', { x: (M.left + W - M.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'gs-axis-label' }, 'Effort →'),
      svg('text', { x: 12, y: (M.top + H - M.bottom) / 2, 'text-anchor': 'middle', class: 'gs-axis-label', transform: `rotate(-90 12 ${(M.top + H - M.bottom) / 2})` }, 'Value →'),
    );
    const space = new LabelSpace();
    // Quadrant names occupy the corners.
    space.take(M.left + 6, M.top + 14, 80, 14);
    space.take(W - M.right - 70, M.top + 14, 70, 14);
    space.take(M.left + 6, H - M.bottom - 6, 60, 14);
    space.take(W - M.right - 80, H - M.bottom - 6, 80, 14);
    const byRank = [...rows].sort((a, b) => a.rank - b.rank);
    // Items with the same value and effort share one dot (bigger, with a count), so none hides another.
    const groups = new Map<string, MatrixRow[]>();
    for (const r of byRank) {
      const key = `${r.terms.effort}|${r.terms.value}`;
      const g = groups.get(key);
      if (g) g.push(r);
      else groups.set(key, [r]);
    }
    const dots = [...groups.values()].map((g) => ({ g, cx: x(g[0].terms.effort), cy: y(g[0].terms.value), r: Math.min(11, 5 + 1.5 * (g.length - 1)) }));
    for (const d of dots) space.take(d.cx - d.r, d.cy + d.r, 2 * d.r, 2 * d.r); // labels must not cover dots
    for (const d of dots) {
      const names = d.g.map((r) => `#${r.rank} ${r.title}`).join('\n');
      const dot = svg('circle', { cx: d.cx, cy: d.cy, r: d.r, class: 'gs-dot' }, svg('title', {}, `${names}\nvalue ${formatNumber(d.g[0].terms.value)}, effort ${formatNumber(d.g[0].terms.effort)}`));
      dot.addEventListener('click', () => this.onOpen(d.g[0].id));
      root.append(dot);
      if (d.g.length > 1) root.append(svg('text', { x: d.cx, y: d.cy + 3.5, 'text-anchor': 'middle', class: 'gs-dot-count' }, String(d.g.length)));
    }
    const bounds = { left: M.left, right: W - M.right, top: M.top, bottom: H - M.bottom };
    for (const d of dots.sort((a, b) => a.g[0].rank - b.g[0].rank)) {
      const best = d.g[0];
      if (best.rank > LABELLED) continue;
      const title = clip(best.title, 24);
      const text = d.g.length > 1 ? `${title} +${d.g.length - 1}` : title;
      const spot = placeLabel(space, d.cx, d.cy, d.r, text, bounds);
      if (spot) root.append(svg('text', { x: spot.x, y: spot.y, class: 'gs-dot-label', 'text-anchor': spot.anchor }, text));
    }
    fill(this.chart, root);
    fill(this.lists, ...QUADRANTS.map((q, k) => this.quadrantLists[k].render(byRank.filter((r) => r.quadrant === q.id), rows.length)));
  }
}
