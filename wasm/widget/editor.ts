// Number inputs for estimates, used in the table and in the explanation dialog. The input
// only collects a number; the engine decides whether it is allowed and says why not.

import { h } from './dom';
import { parseDecimal, readerDecimalSeparator } from './decimal';
import { formatNumber, formatSpan } from './format';

export type EditHandler = (value: number) => string | null; // null: accepted; text: why not

/**
 * Dispatched (bubbling, inside the widget) when a field refuses what was typed before the
 * engine sees it ("abc"): the widget's message box must say this refusal, not an older one.
 */
export const REFUSED_INPUT = 'gs-refused-input';
export interface RefusedInput {
  label: string;
  why: string;
}

export interface Range {
  low: number;
  likely: number;
  high: number;
}

/**
 * How a field over a range says so: the number typed is the range's likely value (the
 * engine keeps low and high and refuses a likely value outside them), so the field's name,
 * its visible note and its tooltip all say "likely" and give the range.
 */
export function rangeWords(label: string, r: Range): { label: string; note: string; title: string } {
  const span = formatSpan(r);
  return {
    label: `${label}, likely value of the range ${formatNumber(r.low)} to ${formatNumber(r.high)}`,
    note: `likely (${span})`,
    title: `A range: low ${formatNumber(r.low)}, likely ${formatNumber(r.likely)}, high ${formatNumber(r.high)}. The ranking uses the likely value; a number typed here becomes the likely value, within ${span}, and the range stays.`,
  };
}

export function numberInput(label: string, value: number | null, onEdit: EditHandler): HTMLInputElement {
  // Text, not type=number: a number field drops a decimal comma without a word ("2,5"
  // became 25) and its arrow keys step by 1 whatever the scale (confidence 0.8 -> 1.8).
  const input = h('input', {
    type: 'text',
    inputmode: 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': label,
    part: 'input',
    class: 'gs-num',
  });
  setInputValue(input, value);
  input.addEventListener('change', () => commitInput(input, onEdit));
  input.addEventListener('input', () => input.setCustomValidity(''));
  input.addEventListener('keydown', (ev) => {
    // Escape first puts back a half-typed value; with nothing to undo it closes the dialog as usual.
    if (ev.key === 'Escape' && input.value !== (input.dataset.value ?? '')) {
      input.value = input.dataset.value ?? '';
      ev.stopPropagation(); // Escape here restores the value; it must not close a dialog
      ev.preventDefault();
    }
  });
  return input;
}

export function setInputValue(input: HTMLInputElement, value: number | null): void {
  const text = value === null ? '' : String(value);
  const shown = input.dataset.value;
  input.dataset.value = text;
  // Never overwrite what someone is typing; a focused field that shows the value in force
  // follows a change made elsewhere (another tab, Undo).
  if (input.matches(':focus') && input.value !== (shown ?? '')) return;
  input.setCustomValidity('');
  input.value = text;
  input.title = value === null ? '' : formatNumber(value);
}

function commitInput(input: HTMLInputElement, onEdit: EditHandler): void {
  const parsed = parseDecimal(input.value, readerDecimalSeparator());
  const why = 'why' in parsed ? parsed.why : onEdit(parsed.value);
  if (why !== null || 'why' in parsed) {
    // The value in force is put back, so the field is not marked aria-invalid (it announced a
    // valid number as an invalid entry); the message box and the bubble say what was refused.
    input.value = input.dataset.value ?? '';
    // The widget's message box may be far above a row deep in the table: the browser's own
    // bubble says why next to the field (and screen readers announce the message box).
    input.setCustomValidity(`Not applied: ${why}`);
    input.reportValidity();
    if ('why' in parsed) input.dispatchEvent(new CustomEvent<RefusedInput>(REFUSED_INPUT, { bubbles: true, detail: { label: input.getAttribute('aria-label') ?? '', why: parsed.why } }));
    return;
  }
  input.setCustomValidity('');
  // Show the number as applied: "2,5" reads 2.5, and "1e-400" (too small for a double) reads 0.
  input.dataset.value = String(parsed.value);
  input.value = input.dataset.value;
  input.title = formatNumber(parsed.value);
}
