// "Did it work?": the evidence loop (the engine's `evidence` command). The headline in one unit
// (the customers-weighted share of each outcome's gap closed), the customers' unrealized value
// over time per measured outcome with the measurements' margins and a marker on each release,
// then predicted against realized lift per released item with its 95 % interval ("within
// noise" when it holds 0) and early measurements flagged, the calibration in one sentence,
// and what to measure next. Every number comes from the engine; this file only lays them out.

import { h, svg, fill } from '../dom';
import { stackable } from '../stack-table';
import { formatNumber, formatPercent } from '../format';
import { linear, ticks, clip, LabelSpace } from './svg-scale';

export interface EvidencePoint {
  date: string;
  value: number;
  margin?: number;
  unrealized_value: number;
  gap_share?: number | null;
}
export interface EvidenceOutcome {
  id: string;
  name?: string;
  customers?: number;
  unit?: string;
  lag_days?: number;
  trend: EvidencePoint[];
  releases: { item: string; date: string }[];
  closed_share: number | null;
}
export interface EvidenceInterval {
  low: number;
  high: number;
}
export interface EvidenceItem {
  id: string;
  title?: string;
  outcome: string;
  released: string;
  predicted_lift: number;
  realized_lift: number | null;
  ratio: number | null;
  interval?: EvidenceInterval | null;
  within_noise?: boolean | null;
  lag_days?: number;
  measured_after_days?: number;
  early_measurement?: boolean;
  shared_with?: string[];
  share?: number;
  reason?: string;
  reason_code?: string;
}
export interface EvidenceCalibration {
  ratio: number | null;
  items: number;
  windows?: number;
  suggested_confidence: number | null;
  capped?: boolean;
  prior?: { items: number; ratio: number };
  reason?: string;
}
export interface EvidenceTotal {
  from: string;
  to: string;
  closed_share: number | null;
  unit?: string | null;
  unrealized_value_start?: number | null;
  unrealized_value_end?: number | null;
  unrealized_value_reason?: string;
  /** How many outcomes have measurements, and those without (they close nothing in the share). */
  measured_outcomes?: number;
  unmeasured_outcomes?: string[];
  /** The share closed of the measured outcomes' gap alone. */
  closed_share_of_measured?: number | null;
}
export interface EvidenceNextOutcome {
  id: string;
  name?: string;
  last_measured: string | null;
  days_since_last: number | null;
  reason_code: string;
  waiting: string[];
  no_baseline: string[];
}
export interface EvidenceMeasureNext {
  as_of: string;
  stale_days: number;
  outcomes: EvidenceNextOutcome[];
  no_baseline: { item: string; outcome: string; released: string }[];
}
export interface EvidenceResult {
  outcomes: EvidenceOutcome[];
  items: EvidenceItem[];
  calibration: EvidenceCalibration;
  total: EvidenceTotal;
  measure_next?: EvidenceMeasureNext;
}

const W = 320;
const H = 150;
const M = { left: 46, right: 10, top: 10, bottom: 24 };
/** The interval strip in the table. */
const SW = 120;
const SH = 16;

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

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "−1 % to 21 %" */
export function intervalText(i: EvidenceInterval): string {
  return `${formatPercent(i.low)} to ${formatPercent(i.high)}`;
}

export class EvidenceView {
  readonly element: HTMLElement;
  private readonly summary: HTMLElement;
  private readonly charts: HTMLElement;
  private readonly table: HTMLElement;
  private readonly next: HTMLElement;

  constructor() {
    this.summary = h('div', { class: 'gs-ev-summary' });
    this.charts = h('div', { class: 'gs-ev-grid' });
    this.table = h('div', { class: 'gs-scroll' });
    this.next = h('div', { class: 'gs-ev-next' });
    this.element = h(
      'section',
      { class: 'gs-evidence', part: 'chart' },
      h('p', { class: 'gs-note' }, 'Did the released work close the customers’ gap? Unrealized value over time per measured outcome (lower is better; whiskers: the measurement’s 95 % margin); dashed lines mark releases.'),
      this.summary,
      this.charts,
      this.table,
      this.next,
    );
  }

  showMessage(text: string): void {
    fill(this.summary, h('p', { class: 'gs-note' }, text));
    fill(this.charts);
    fill(this.table);
    fill(this.next);
  }

  /** `outcomeName` names outcomes that have no measurements (the result lists only measured ones). */
  render(result: EvidenceResult, titleOf: (id: string) => string = (id) => id, outcomeName: (id: string) => string = (id) => id): void {
    const names = new Map(result.outcomes.map((o) => [o.id, o.name ?? o.id]));
    const nameOf = (id: string) => names.get(id) ?? outcomeName(id);
    fill(this.summary, ...this.summaryLines(result));
    fill(this.charts, ...result.outcomes.map((o) => this.outcomeChart(o, titleOf)));
    this.renderTable(result.items, titleOf, nameOf);
    this.renderNext(result.measure_next, result.items, titleOf, nameOf);
  }

  private summaryLines(result: EvidenceResult): HTMLElement[] {
    const t = result.total;
    const c = result.calibration;
    const closed =
      t.closed_share === null
        ? 'No unrealized value to close'
        : t.closed_share < 0
          ? `The customers’ gap widened by ${formatPercent(-t.closed_share)}`
          : `Closed ${formatPercent(t.closed_share)} of the customers’ gap`;
    const lines = [
      h('p', { class: 'gs-ev-closed' }, `${closed} from ${t.from} to ${t.to}.`),
      // The share counts unmeasured outcomes as unchanged: said, with the measured ones' share.
      t.unmeasured_outcomes?.length && typeof t.measured_outcomes === 'number'
        ? h(
            'p',
            { class: 'gs-note gs-ev-measured' },
            `${t.measured_outcomes} of ${t.measured_outcomes + t.unmeasured_outcomes.length} outcomes were measured; the ${t.unmeasured_outcomes.length} others count as unchanged` +
              (typeof t.closed_share_of_measured === 'number' ? ` (of the measured outcomes’ gap alone, ${formatPercent(t.closed_share_of_measured)} closed).` : '.'),
          )
        : null,
      h(
        'p',
        { class: 'gs-note gs-ev-unit' },
        t.closed_share === null ? '' : 'Each outcome counts the share of its own gap it closed, weighted by its customers. ',
        typeof t.unit === 'string' && typeof t.unrealized_value_start === 'number' && typeof t.unrealized_value_end === 'number'
          ? `Unrealized value ${compact(t.unrealized_value_start)} → ${compact(t.unrealized_value_end)} (${t.unit} × customers).`
          : `Unrealized values are not added up: ${t.unrealized_value_reason ?? 'the outcomes are measured in different units'}.`,
      ),
    ];
    if (c.ratio === null || c.suggested_confidence === null) {
      lines.push(h('p', { class: 'gs-ev-calibration' }, `No calibration yet: ${c.reason ?? 'no released item was measured before and after its release'}.`));
    } else {
      const windows = c.windows ?? c.items;
      const observations =
        windows === c.items ? plural(c.items, 'item', 'items') : `${plural(c.items, 'item', 'items')} in ${plural(windows, 'release window', 'release windows')}`;
      const prior = c.prior ? `, pulled towards ${formatPercent(c.prior.ratio)} as if ${formatNumber(c.prior.items)} more windows had delivered that` : '';
      lines.push(
        h(
          'p',
          { class: 'gs-ev-calibration' },
          `${delivered(c.ratio)} (${observations}); suggested confidence for new estimates: ${formatNumber(c.suggested_confidence)}${capNote(c.capped, c.suggested_confidence)}${prior}.`,
        ),
      );
    }
    return lines.filter((l): l is HTMLParagraphElement => l !== null);
  }

  private outcomeChart(o: EvidenceOutcome, titleOf: (id: string) => string): HTMLElement {
    const name = o.name ?? o.id;
    const days = [...o.trend.map((p) => day(p.date)), ...o.releases.map((r) => day(r.date))];
    if (o.trend.length === 0) return h('figure', { class: 'gs-ev-outcome' }, h('figcaption', {}, h('strong', {}, name)), h('p', { class: 'gs-note' }, 'No measurement in this window.'));
    const lo = Math.min(...days);
    const hi = Math.max(...days, lo + 1);
    // The margin of a level is in the outcome's unit: × customers on the unrealized-value scale.
    const spread = (p: EvidencePoint) => (typeof p.margin === 'number' && typeof o.customers === 'number' ? p.margin * o.customers : 0);
    const top = Math.max(...o.trend.map((p) => p.unrealized_value + spread(p)), 1);
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
    for (const p of o.trend) {
      const px = x(day(p.date));
      const s = spread(p);
      if (s > 0)
        root.append(svg('line', { x1: px, x2: px, y1: y(Math.max(0, p.unrealized_value - s)), y2: y(p.unrealized_value + s), class: 'gs-ev-margin' }));
      const margin = typeof p.margin === 'number' ? ` ± ${formatNumber(p.margin)}` : '';
      root.append(
        svg(
          'circle',
          { cx: px, cy: y(p.unrealized_value), r: 3.5, class: 'gs-dot' },
          svg('title', {}, `${p.date}: level ${formatNumber(p.value)}${margin}, unrealized value ${formatNumber(p.unrealized_value)}`),
        ),
      );
    }
    const closed = o.closed_share === null ? '' : ` · closed ${formatPercent(o.closed_share)}`;
    const lag = o.lag_days ? ` · effect lag ${plural(o.lag_days, 'day', 'days')}` : '';
    return h('figure', { class: 'gs-ev-outcome' }, h('figcaption', {}, h('strong', {}, name), h('span', { class: 'gs-note' }, closed + lag)), root);
  }

  /** The realized lift's interval on a scale shared by every row, with 0 and the prediction marked. */
  private intervalStrip(it: EvidenceItem, lo: number, hi: number): SVGElement | null {
    if (!it.interval || it.realized_lift === null) return null;
    const x = linear(lo, hi, 4, SW - 4);
    const cx = (v: number) => Math.min(SW - 2, Math.max(2, x(v)));
    return svg(
      'svg',
      { viewBox: `0 0 ${SW} ${SH}`, width: SW, height: SH, class: 'gs-ev-strip', 'aria-hidden': 'true' },
      svg('line', { x1: x(0), x2: x(0), y1: 1, y2: SH - 1, class: 'gs-ev-zero' }),
      svg('rect', { x: cx(it.interval.low), y: SH / 2 - 3, width: Math.max(1, cx(it.interval.high) - cx(it.interval.low)), height: 6, rx: 2, class: 'gs-ev-range' }),
      svg('line', { x1: cx(it.predicted_lift), x2: cx(it.predicted_lift), y1: 2, y2: SH - 2, class: 'gs-ev-predicted' }),
      svg('circle', { cx: cx(it.realized_lift), cy: SH / 2, r: 2.5, class: 'gs-ev-point' }),
    );
  }

  private renderTable(items: EvidenceItem[], titleOf: (id: string) => string, outcomeName: (id: string) => string): void {
    const pct = (v: number | null) => (v === null ? '–' : formatPercent(v));
    const ends = items.flatMap((it) => (it.interval ? [it.interval.low, it.interval.high, it.predicted_lift] : []));
    const lo = Math.min(0, ...ends);
    const hi = Math.max(0.1, ...ends);
    const row = (it: EvidenceItem) => {
      const noise = it.within_noise === true;
      const verdict = it.ratio === null ? '' : noise ? 'gs-ev-noise' : it.ratio >= 0.8 ? 'gs-ev-met' : it.ratio < 0.5 ? 'gs-ev-missed' : '';
      const notes: string[] = [];
      if (noise) notes.push('within noise: the change may be chance');
      if (it.early_measurement && it.measured_after_days !== undefined)
        notes.push(`measured ${it.measured_after_days === 0 ? 'on the release day' : `${plural(it.measured_after_days, 'day', 'days')} after release`}: too soon? (no effect lag set)`);
      if (it.shared_with?.length) notes.push(`shared with ${it.shared_with.map(titleOf).join(', ')} (${pct(it.share ?? null)} of the change)`);
      if (it.reason) notes.push(it.reason);
      return h(
        'tr',
        { class: [verdict, it.early_measurement ? 'gs-ev-early' : ''].filter(Boolean).join(' ') || null },
        h('th', { scope: 'row', class: 'gs-title' }, it.title || titleOf(it.id)),
        h('td', {}, outcomeName(it.outcome)),
        h('td', { class: 'gs-ev-date' }, it.released),
        h('td', { class: 'gs-score' }, pct(it.predicted_lift)),
        h('td', { class: 'gs-score gs-ev-realized' }, pct(it.realized_lift)),
        h('td', { class: 'gs-ev-interval' }, it.interval ? intervalText(it.interval) : '–', this.intervalStrip(it, lo, hi)),
        h('td', { class: 'gs-note' }, notes.join('; ')),
      );
    };
    const headers = ['Released item', 'Outcome', 'Released', 'Predicted lift', 'Realized lift', '95 % interval', 'Note'];
    fill(
      this.table,
      // Stacked rows on a phone (stack-table.ts).
      stackable(
        h(
          'table',
          { class: 'gs-table gs-ev-items' },
          h('caption', { class: 'gs-sr' }, 'Predicted and realized lift per released item (share of the outcome’s gap closed), with the realized lift’s 95 % interval'),
          h('thead', {}, h('tr', {}, ...headers.map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, ...items.map(row)),
        ),
      ),
      items.some((it) => it.interval)
        ? h('p', { class: 'gs-note' }, 'In the strips: the bar is the 95 % interval, the dot the realized lift, the tick the predicted one, the line 0. An interval that holds 0 is within noise.')
        : null,
    );
  }

  private renderNext(next: EvidenceMeasureNext | undefined, items: EvidenceItem[], titleOf: (id: string) => string, outcomeName: (id: string) => string): void {
    if (!next || (next.outcomes.length === 0 && next.no_baseline.length === 0)) {
      fill(this.next);
      return;
    }
    const titles = new Map(items.map((it) => [it.id, it.title || titleOf(it.id)]));
    const itemTitle = (id: string) => titles.get(id) ?? titleOf(id);
    const entry = (o: EvidenceNextOutcome) =>
      h(
        'li',
        { class: 'gs-ev-next-outcome' },
        h('strong', {}, o.name || outcomeName(o.id)),
        ` — ${o.last_measured === null ? 'never measured' : `last measured ${o.last_measured}, ${plural(o.days_since_last ?? 0, 'day', 'days')} ago`}; waiting: ${o.waiting.map(titleOf).join(', ')}`,
      );
    fill(
      this.next,
      h('h3', {}, `What to measure next (as of ${next.as_of})`),
      next.outcomes.length
        ? h('ul', {}, ...next.outcomes.map(entry))
        : h('p', { class: 'gs-note' }, `Every outcome planned work waits on was measured in the last ${plural(next.stale_days, 'day', 'days')}.`),
      next.no_baseline.length
        ? h(
            'p',
            { class: 'gs-note gs-ev-no-baseline' },
            `Released without a baseline, so never calibrated: ${next.no_baseline.map((n) => `${itemTitle(n.item)} (${outcomeName(n.outcome)}, ${n.released})`).join('; ')}. Measure an outcome before the next release that lifts it.`,
          )
        : null,
    );
  }
}

/** A negative ratio is outcomes that moved the wrong way, not a negative delivery. */
function delivered(ratio: number): string {
  return ratio < 0
    ? `Released work delivered none of its predicted lift: its outcomes moved the other way (${formatPercent(ratio)} of it)`
    : `Released work delivered ${formatPercent(ratio)} of its predicted lift`;
}

/** `capped` says the formula was cut to a bound: which one the suggestion shows (0 or 1). */
function capNote(capped: boolean | undefined, suggested: number): string {
  if (!capped) return '';
  return suggested >= 1 ? ' (capped at 1)' : ' (cut to 0)';
}
