// Linear scales and axis ticks for the SVG charts.

export interface Scale {
  (x: number): number;
  domain: [number, number];
}

export function linear(d0: number, d1: number, r0: number, r1: number): Scale {
  const span = d1 - d0 || 1;
  const f = ((x: number) => r0 + ((x - d0) / span) * (r1 - r0)) as Scale;
  f.domain = [d0, d1];
  return f;
}

/** About `count` round tick values between lo and hi. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toFixed(10)));
  return out;
}

/** Greedy label placement: skips a label whose box overlaps one already placed. */
export class LabelSpace {
  private boxes: [number, number, number, number][] = [];
  take(x: number, y: number, w: number, hgt: number): boolean {
    const box: [number, number, number, number] = [x, y - hgt, x + w, y];
    for (const b of this.boxes) if (box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]) return false;
    this.boxes.push(box);
    return true;
  }
}

export interface Bounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * A spot for a label next to a dot of radius r: right, left, above or below, the first that
 * stays inside `b` and overlaps nothing placed before. Null when none is free.
 */
export function placeLabel(
  space: LabelSpace,
  cx: number,
  cy: number,
  r: number,
  text: string,
  b: Bounds,
): { x: number; y: number; anchor: 'start' | 'end' | 'middle' } | null {
  const w = text.length * 5.6;
  const gap = r + 3;
  const spots: [number, number, 'start' | 'end' | 'middle'][] = [
    [cx + gap, cy + 4, 'start'],
    [cx - gap, cy + 4, 'end'],
    [cx, cy - gap - 1, 'middle'],
    [cx, cy + gap + 10, 'middle'],
  ];
  for (const [x, y, anchor] of spots) {
    const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
    if (left < b.left || left + w > b.right || y - 11 < b.top || y > b.bottom) continue;
    if (space.take(left, y + 1, w, 12)) return { x, y, anchor };
  }
  return null;
}

/** Shortens a label to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The width the value-vs-effort and landscape charts are drawn at on a wide screen. */
export const FULL_WIDTH = 640;

/**
 * The width to draw a chart at, in SVG units that are CSS pixels: the box it sits in, between
 * 300 and FULL_WIDTH. A phone gets a narrower drawing with its text at full size, instead of
 * the 640-unit one shrunk to illegible labels or cut off in a scroll box (issue 19, item 3).
 * A box not laid out yet (hidden) gets FULL_WIDTH.
 */
export function chartWidth(box: HTMLElement): number {
  const w = Math.floor(box.clientWidth);
  return w > 0 ? Math.max(300, Math.min(FULL_WIDTH, w)) : FULL_WIDTH;
}
