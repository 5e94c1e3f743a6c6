// Reads a number as people type it into an estimate. A decimal comma is taken (phones in many
// locales offer only ',' on the decimal keypad), but never guessed at: "1,000" could be a
// thousand or one, so it is refused with both readings instead of silently being either.

export type Parsed = { value: number } | { why: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^([+-]?\d*),(\d+)$/;

export function parseDecimal(typed: string): Parsed {
  const text = typed.trim();
  const comma = COMMA_DECIMAL.exec(text);
  if (comma) {
    const [, whole, fraction] = comma;
    if (fraction.length === 3 && whole.replace(/^[+-]/, '') !== '' && whole.replace(/^[+-]/, '') !== '0') {
      return { why: `“${text}” could be ${whole}${fraction} or ${whole}.${fraction}: type it without the comma, or with a point` };
    }
    return { value: Number(`${whole}.${fraction}`) };
  }
  if (!DECIMAL.test(text)) return { why: 'must be a number, like 2.5' };
  const value = Number(text);
  return Number.isFinite(value) ? { value } : { why: 'must be a finite number' };
}
