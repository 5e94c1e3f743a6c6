// "Did it work?": the evidence loop (the engine's `evidence` command). The customers'
// unrealized value over time per measured outcome, with a marker on each release, then
// predicted against realized lift per released item and the calibration in one sentence.
// Every number comes from the engine; this file only lays them out.

import { h, svg, fill } from '../dom';
import { formatNumber, formatPercent } from '../format';
import { linear, ticks, clip, LabelSpace } from './svg-scale';

export interface EvidencePoint {
  date: string;
  value: number;
  unrealized_value: number;
}
export interface EvidenceOutcome {
  id: string;
  name?: string;
  trend: EvidencePoint[];
  releases: { item: string; date: string }[];
  closed_share: number | null;
}
export interface EvidenceItem {
  id: string;
  title?: string;
  outcome: string;
  released: string;
  predicted_lift: number;
  realized_lift: number | null;
  ratio: number | null;
  shared_with?: string[];
  share?: number;
  reason?: string;
}
export interface EvidenceResult {
  outcomes: EvidenceOutcome[];
  items: EvidenceItem[];
  calibration: { ratio: number | null; items: number; suggested_confidence: number | null; reason?: string };
  total: { from: string; to: string; closed_share: number | null };
}

const W = 320;
const H = 150;
const M = { left: 46, right: 10, top: 10, bottom: 24 };

/** Axis labels fit the margin: 21,600,000 -> "21.6M", 150,000 -> "150k". */
function compact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${formatNumber(v / 1e9)}G`;
  if (a >= 1e6) return `${formatNumber(v / 1e6)}M`;
  if (a >= 1e4) return `${formatNumber(v / 1e3)}k`;
  return formatNumber(v);
}

/** "2025-03-10" -> days since 1970 (display only; the engine did the date arithmetic). */
function day(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export class EvidenceView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly table: HTMLElement;

  constructor() {
    this.summary = h('div', { class: 'gs-ev-summary' });
    this.charts = h('div', { class: 'gs-ev-grid' });
    this.table = h('div', { class: 'gs-scroll' });
    this.element = h(
      'section',
      { class: 'gs-evidence', part: 'chart' },
      h('p', { class: 'gs-note' }, 'Did the released work close the customers’ gap? Unrealized value over time per measured outcome (lower is better); dashed lines mark releases.'),
      this.summary,
      this.charts,
      this.table,
    );
  }

  showMessage(text: string): void {
    fill(this.summary, h('p', { class: 'gs-note' }, text));
    fill(this.charts);
    fill(this.table);
  }

  /** `outcomeName` names outcomes that have no measurements (the result lists only measured ones). */
  render(result: EvidenceResult, titleOf: (id: string) => string = (id) => id, outcomeName: (id: string) => string = (id) => id): void {
    const t = result.total;
    const c = result.calibration;
    const closed = t.closed_share === null ? 'No unrealized value to close' : `Closed ${formatPercent(t.closed_share)} of the customers’ unrealized value`;
    const calibration =
      c.ratio === null || c.suggested_confidence === null
        ? `No calibration yet: ${c.reason ?? 'no released item was measured before and after its release'}.`
        : `Released work delivered ${formatPercent(c.ratio)} of its predicted lift (${c.items} ${c.items === 1 ? 'item' : 'items'}); suggested confidence for new estimates: ${formatNumber(c.suggested_confidence)}.`;
    fill(this.summary, h('p', { class: 'gs-ev-closed' }, `${closed} from ${t.from} to ${t.to}.`), h('p', {}, calibration));
    fill(this.charts, ...result.outcomes.map((o) => this.outcomeChart(o, titleOf)));
    const names = new Map(result.outcomes.map((o) => [o.id, o.name ?? o.id]));
    this.renderTable(result.items, titleOf, (id) => names.get(id) ?? outcomeName(id));
  }

  private outcomeChart(o: EvidenceOutcome, titleOf: (id: string) => string): HTMLElement {
    const name = o.name ?? o.id;
    const days = [...o.trend.map((p) => day(p.date)), ...o.releases.map((r) => day(r.date))];
    if (o.trend.length === 0) return h('figure', { class: 'gs-ev-outcome' }, h('figcaption', {}, h('strong', {}, name)), h('p', { class: 'gs-note' }, 'No measurement in this window.'));
    const lo = Math.min(...days);
    const hi = Math.max(...days, lo + 1);
    const top = Math.max(...o.trend.map((p) => p.unrealized_value), 1);
    const x = linear(lo, hi, M.left, W - M.right);
    const y = linear(0, top, H - M.bottom, M.top);
    const root = svg(
      'svg',
      { viewBox: `0 0 ${W} ${H}`, class: 'gs-chart', role: 'img', 'aria-label': `${name}: unrealized value over time` },
      svg('line', { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: 'gs-axis' }),
      svg('line', { x1: M.left, x2: M.left, y1: M.top, y2: H - M.bottom, class: 'gs-axis' }),
      ...ticks(0, top, 3).map((v) => svg('text', { x: M.left - 4, y: y(v) + 4, 'text-anchor': 'end', class: 'gs-axis-label' }, compact(v))),
      svg('text', { x: M.left, y: H - 6, class: 'gs-axis-label' }, o.trend[0]?.date ?? ''),
      svg('text', { x: W - M.right, y: H - 6, 'text-anchor': 'end', class: 'gs-axis-label' }, o.trend[o.trend.length - 1]?.date ?? ''),
    );
    // Release labels: right of the marker (left of it near the right edge), one line lower
    // when two releases are close, left out when there is no room (the tooltip stays).
    const space = new LabelSpace();
    for (const r of o.releases) {
      const rx = x(day(r.date));
      const text = clip(titleOf(r.item), 16);
      const w = text.length * 5.6;
      const left = rx + 3 + w > W - M.right;
      const lx = left ? rx - 3 : rx + 3;
      const line = [0, 1, 2].find((k) => space.take(left ? lx - w : lx, M.top + 9 + 11 * k, w, 11));
      root.append(
        svg(
          'g',
          { class: 'gs-ev-release' },
          svg('title', {}, `${titleOf(r.item)} released on ${r.date}`),
          svg('line', { x1: rx, x2: rx, y1: M.top, y2: H - M.bottom, class: 'gs-ev-marker' }),
          line === undefined ? null : svg('text', { x: lx, y: M.top + 9 + 11 * line, 'text-anchor': left ? 'end' : 'start', class: 'gs-axis-label' }, text),
        ),
      );
    }
    const pts = o.trend.map((p) => `${x(day(p.date))},${y(p.unrealized_value)}`).join(' ');
    root.append(svg('polyline', { points: pts, class: 'gs-ev-line' }));
    for (const p of o.trend)
      root.append(
        svg(
          'circle',
          { cx: x(day(p.date)), cy: y(p.unrealized_value), r: 3.5, class: 'gs-dot' },
          svg('title', {}, `${p.date}: level ${formatNumber(p.value)}, unrealized value ${formatNumber(p.unrealized_value)}`),
        ),
      );
    const closed = o.closed_share === null ? '' : ` · closed ${formatPercent(o.closed_share)}`;
    return h('figure', { class: 'gs-ev-outcome' }, h('figcaption', {}, h('strong', {}, name), h('span', { class: 'gs-note' }, closed)), root);
  }

  private renderTable(items: EvidenceItem[], titleOf: (id: string) => string, outcomeName: (id: string) => string): void {
    const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));
    const row = (it: EvidenceItem) => {
      const verdict = it.ratio === null ? '' : it.ratio >= 0.8 ? 'gs-ev-met' : it.ratio < 0.5 ? 'gs-ev-missed' : '';
      const note = it.reason ?? (it.shared_with?.length ? `shared with ${it.shared_with.map(titleOf).join(', ')} (${pct(it.share ?? null)} of the change)` : '');
      return h(
        'tr',
        { class: verdict },
        h('th', { scope: 'row', class: 'gs-title' }, it.title || titleOf(it.id)),
        h('td', {}, outcomeName(it.outcome)),
        h('td', { class: 'gs-ev-date' }, it.released),
        h('td', { class: 'gs-score' }, pct(it.predicted_lift)),
        h('td', { class: 'gs-score gs-ev-realized' }, pct(it.realized_lift)),
        h('td', { class: 'gs-note' }, note),
      );
    };
    const headers = ['Released item', 'Outcome', 'Released', 'Predicted lift', 'Realized lift', ''];
    fill(
      this.table,
      h(
        'table',
        { class: 'gs-table gs-ev-items' },
        h('caption', { class: 'gs-sr' }, 'Predicted and realized lift per released item (share of the outcome’s gap closed)'),
        h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, ...items.map(row)),
      ),
    );
  }
}
