// Round steps for weight sliders whose own step is "any" (weights.ts): the slider can sit at
// any weight a preset or the page gives, while a person's drag or key press still moves it
// from one round number to the next.

/**
 * `v` on the nearest multiple of `step` within min..max (no float dust: 0.1 + 0.2 reads 0.3).
 * `min` and `max` themselves are kept when they are not multiples (a range's ends).
 */
export function snap(v: number, step: number, max: number, min = 0): number {
  const k = Math.round(v / step);
  return clean(Math.min(max, Math.max(min, k * step)));
}

/**
 * Where a key moves a slider at `v`: arrows to the next multiple of `step` in their direction
 * (from 3.87, right goes to 4 and left to 3.5), Page keys a tenth of min..max, Home and End
 * min and max (a ranged weight's low and high). As the browser's keys do with a numeric step.
 */
export function stepKey(key: string, v: number, step: number, max: number, min = 0): number {
  const up = (by: number) => clean(Math.min(max, Math.max(min, (Math.floor(v / by + 1e-9) + 1) * by)));
  const down = (by: number) => clean(Math.max(min, Math.min(max, (Math.ceil(v / by - 1e-9) - 1) * by)));
  const page = Math.max(step, snap((max - min) / 10, step, max - min));
  switch (key) {
    case 'ArrowRight':
    case 'ArrowUp':
      return up(step);
    case 'ArrowLeft':
    case 'ArrowDown':
      return down(step);
    case 'PageUp':
      return up(page);
    case 'PageDown':
      return down(page);
    case 'Home':
      return min;
    case 'End':
      return max;
    default:
      return v;
  }
}

/** Drops binary fractions' dust (0.30000000000000004) without rounding a real value away. */
function clean(x: number): number {
  return Number(x.toPrecision(12));
}
