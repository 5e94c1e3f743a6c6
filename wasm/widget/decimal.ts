// Reads a number as people type it into an estimate. A decimal comma is taken (phones in many
// locales offer only ',' on the decimal keypad), but never guessed at: "1,000" could be a
// thousand or one, so it is refused with both readings instead of silently being either; for
// a reader whose browser writes decimals with a comma, "1.500" is refused the same way.

export type Parsed = { value: number } | { why: string };

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const COMMA_DECIMAL = /^([+-]?\d*),(\d+)$/;

const DOT_THOUSANDS = /^([+-]?)(\d{1,3})\.(\d{3})$/;

/**
 * The reader's decimal separator, from the browser's language: where it is a comma (de, fr,
 * es…), "1.500" is how a thousand and a half hundred is written, not one and a half.
 */
export function readerDecimalSeparator(locale?: string): string {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

/**
 * `decimalSeparator`: the reader's (readerDecimalSeparator). With a comma, "1.500" could be
 * 1500 or 1.5, and is refused with both readings as "1,000" is for everyone.
 */
export function parseDecimal(typed: string, decimalSeparator = '.'): Parsed {
  const text = typed.trim();
  const dotted = decimalSeparator === ',' ? DOT_THOUSANDS.exec(text) : null;
  if (dotted && dotted[2] !== '0') {
    const [, sign, whole, fraction] = dotted;
    // The decimal reading written so it is read one way only (three digits after a comma are
    // refused too): "1.500" as "1,5", "2.125" as "2,1250".
    const short = fraction.replace(/0+$/, '');
    const decimal = short ? `${sign}${whole},${short.length === 3 ? `${short}0` : short}` : `${sign}${whole}`;
    return { why: `“${text}” could be ${sign}${whole}${fraction} or ${sign}${whole}.${fraction}: type ${sign}${whole}${fraction}, or ${decimal}` };
  }
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
