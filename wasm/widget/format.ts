// Number formatting for people: enough digits to tell neighbours apart, no more. Written
// by hand (English digit grouping) because the first Intl.NumberFormat costs tens of
// milliseconds of the first render.

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fixed(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  const [int, frac = ''] = s.split('.');
  const trimmed = frac.replace(/0+$/, '');
  const text = group(int) + (trimmed ? '.' + trimmed : '');
  return x < 0 && text !== '0' ? '−' + text : text;
}

/** 32000 -> "32,000"; 12.34 -> "12.3"; 0.7604 -> "0.76"; 0.0123 -> "0.0123"; 1e-7 -> "1.00e-7". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 1e15) return x.toExponential(2);
  if (a >= 100) return fixed(x, 0);
  if (a >= 10) return fixed(x, 1);
  if (a >= 1 || a === 0) return fixed(x, 2);
  // Tiny values keep their size in sight (1e-300 is not 0: an effort of 0 would not divide).
  if (a < 1e-4) return x.toExponential(2);
  // Small values: three significant digits.
  return fixed(x, Math.min(12, 2 - Math.floor(Math.log10(a))));
}

/** A range's bounds as the widget writes them: "4–10". */
export function formatSpan(r: { low: number; high: number }): string {
  return `${formatNumber(r.low)}–${formatNumber(r.high)}`;
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)} %`;
}

/** Field and criterion ids as labels: "time_criticality" -> "Time criticality". */
export function humanize(id: string): string {
  const s = id.replace(/[_-]+/g, ' ').trim();
  return s ? s[0].toUpperCase() + s.slice(1) : id;
}

/** "1 edit", "3 edits", "no edits". */
export function count(n: number, noun: string): string {
  return n === 0 ? `no ${noun}s` : `${n} ${noun}${n === 1 ? '' : 's'}`;
}
