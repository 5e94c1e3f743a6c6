// One slider per criterion weight. While a slider moves, onInput feeds the engine (no
// JSON, no history); when it settles (pointer up, key press), onCommit records one
// undoable step from the value it had when the gesture started.
// A slider sits exactly at the weight in force (step "any"): a preset's 3.87 is not drawn at
// 4 beside a readout saying 3.87. A drag and the arrow keys still move in round steps
// (slider-steps.ts), so a hand-made weight stays a round number.

import { h, fill, uid } from './dom';
import { formatNumber, formatPercent, formatSpan } from './format';
import { stepKey, snap } from './slider-steps';
import type { Preset } from './weight-presets';

export interface WeightHandlers {
  input(id: string, weight: number): void;
  commit(id: string, before: number, after: number): void;
  /** A preset's value (weight-presets.ts). */
  preset(value: string): void;
}

export interface CriterionWeight {
  id: string;
  name: string;
  weight: number;
  /** The page's own weight (null for a range): the sliders' scale follows the page, not the edits. */
  documentWeight: number | null;
  direction: string;
  /** A weight the page gives as a range: the slider moves its likely value, within low..high (the engine refuses beyond). */
  range?: { low: number; high: number } | null;
}

const MOVING_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);

interface Slider {
  id: string;
  input: HTMLInputElement;
  value: HTMLSpanElement;
  /** The weight itself (also the slider's value: its step is "any"). */
  weight: number;
  /** The weight when the gesture started: what Undo gives back. */
  start: number;
  /** " (likely value of the range 2–6)" for a weight given as a range, else "". */
  rangeText: string;
  /** A pointer or key gesture is under way (between its first event and the change event). */
  moving: boolean;
}

export class WeightPanel {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private readonly presets: HTMLSelectElement;
  private readonly presetWrap: HTMLElement;
  private sliders: Slider[] = [];
  /** The sliders' common maximum (charts of weights use the same scale). */
  scaleMax = 10;

  constructor(private readonly handlers: WeightHandlers) {
    this.list = h('div', { class: 'gs-sliders' });
    const presetId = uid('gs-preset');
    this.presets = h('select', { id: presetId, part: 'select' });
    this.presets.addEventListener('change', () => {
      const value = this.presets.value;
      this.presets.value = '';
      if (value) this.handlers.preset(value);
    });
    this.presetWrap = h('div', { class: 'gs-presets' }, h('label', { for: presetId }, 'Weigh it like'), this.presets);
    this.element = h(
      'fieldset',
      { class: 'gs-weights', part: 'weights' },
      h('legend', {}, 'Criterion weights'),
      this.list,
      this.presetWrap,
    );
  }

  /** Builds the sliders; presets are named weight sets (e.g. each stakeholder's). */
  configure(criteria: CriterionWeight[], presets: Preset[], disabled: boolean): void {
    const max = sliderMax(
      // A ranged weight's high is on the scale, so its slider can reach the range's end.
      criteria.map((c) => Math.max(c.documentWeight ?? c.weight, c.range?.high ?? 0)),
      criteria.map((c) => c.weight),
    );
    this.scaleMax = max;
    const step = max <= 1 ? 0.01 : max <= 10 ? 0.5 : max <= 100 ? 1 : max / 100;
    this.sliders = criteria.map((c) => {
      const id = uid('gs-w');
      const input = h('input', {
        type: 'range',
        id,
        min: 0,
        max,
        step: 'any',
        // The round step a key press or a drag moves (slider-steps.ts).
        'data-step': step,
        part: 'slider',
        disabled,
        'data-criterion': c.id,
      });
      input.value = String(c.weight);
      // A weight the page gives as a range moves within it (the engine refuses beyond): the
      // slider keeps the common scale, so weights compare by eye, and stops at the range's ends.
      const low = c.range?.low ?? 0;
      const high = c.range?.high ?? max;
      // Not an <output> (a live region that would read percentages during a drag): the slider's
      // aria-valuetext says the same, and what moved is said once the drag settles.
      const value = h('span', { class: 'gs-wval', 'aria-hidden': 'true' });
      const rangeText = c.range ? ` (likely value of the range ${formatSpan(c.range)})` : '';
      const slider: Slider = { id: c.id, input, value, weight: c.weight, start: c.weight, rangeText, moving: false };
      // The start is taken when the gesture begins, before its first input event. Not on focus:
      // a click on the track moves the value before Chromium focuses the slider.
      const begin = () => {
        if (slider.moving) return;
        slider.moving = true;
        slider.start = slider.weight;
      };
      input.addEventListener('pointerdown', begin);
      input.addEventListener('keydown', (ev) => {
        // Only keys that move a range; Ctrl+Z on a focused slider is the widget's Undo.
        if (!MOVING_KEYS.has(ev.key) || ev.ctrlKey || ev.metaKey || ev.altKey) return;
        begin();
        // With step "any" the browser's own key step is a hundredth of the scale: move in round steps instead.
        const next = stepKey(ev.key, Number(input.value), step, high, low);
        ev.preventDefault();
        if (next === Number(input.value)) return;
        input.value = String(next);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      // A press that moved nothing, or a touch drag the page took over as a scroll. After the
      // change event, which a release may fire in the same task.
      const end = () => setTimeout(() => (slider.moving = false), 0);
      input.addEventListener('pointerup', end);
      input.addEventListener('pointercancel', end);
      input.addEventListener('blur', end);
      input.addEventListener('input', () => {
        // A drag lands on round steps; the keys above already did.
        const v = snap(Number(input.value), step, high, low);
        if (Number(input.value) !== v) input.value = String(v);
        slider.weight = v;
        this.handlers.input(c.id, slider.weight);
      });
      input.addEventListener('change', () => {
        const after = Number(input.value);
        slider.moving = false;
        if (after !== slider.start) this.handlers.commit(c.id, slider.start, after);
        slider.start = after;
      });
      return slider;
    });
    fill(
      this.list,
      ...criteria.map((c, k) =>
        h(
          'div',
          { class: 'gs-slider' },
          h(
            'label',
            { for: this.sliders[k].input.id },
            c.name,
            c.direction === 'cost' ? h('span', { class: 'gs-cost' }, ' (cost)') : null,
            c.range ? h('span', { class: 'gs-muted' }, ` (range ${formatSpan(c.range)})`) : null,
          ),
          this.sliders[k].value,
          this.sliders[k].input,
        ),
      ),
    );
    this.presetWrap.hidden = presets.length === 0;
    fill(this.presets, h('option', { value: '' }, 'choose…'), ...presets.map((p) => h('option', { value: p.value }, p.label)));
    this.presets.disabled = disabled;
    this.update(criteria.map((c) => c.weight));
  }

  /** Shows which preset's weights are in force ('' for none: "choose…"). */
  showPreset(value: string): void {
    if (this.presets.value !== value) this.presets.value = value;
  }

  /** Shows the current weights (after undo, a preset, a reload). */
  update(weights: number[]): void {
    const total = weights.reduce((a, b) => a + b, 0);
    this.sliders.forEach((s, k) => {
      const w = weights[k];
      s.weight = w;
      if (!s.moving) s.start = w; // undo, a preset or a reload moved it: the next gesture starts here
      if (document.activeElement !== s.input || Number(s.input.value) !== w) s.input.value = String(w);
      const share = total > 0 ? w / total : 0;
      s.value.textContent = `${formatNumber(w)} · ${formatPercent(share)}`;
      s.input.setAttribute('aria-valuetext', `${formatNumber(w)}${s.rangeText}, ${formatPercent(share)} of the total weight`);
    });
  }

  /** Current weights (the one being dragged at its live value), in criterion order. */
  values(): number[] {
    return this.sliders.map((s) => s.weight);
  }
}

/** The scale for the page's weights, wide enough for the current (edited) ones too. */
function sliderMax(pageWeights: number[], weights: number[]): number {
  const page = Math.max(0, ...pageWeights);
  const top = Math.max(page, ...weights);
  // The page's weights as fractions (AHP priorities, shares): a 0..1 scale, else one step would
  // be a jump. Decided by the page's weights, so an edit to 1 keeps the scale after a reload.
  if (page > 0 && page < 1 && top <= 1) return 1;
  if (top <= 10) return 10;
  if (top <= 100) return 100;
  return Math.ceil((top * 2) / 10) * 10;
}
