// Round steps for weight sliders whose own step is "any" (weights.ts): the slider can sit at
// any weight a preset or the page gives, while a person's drag or key press still moves it
// from one round number to the next.

/** `v` on the nearest multiple of `step` within 0..max (no float dust: 0.1 + 0.2 reads 0.3). */
export function snap(v: number, step: number, max: number): number {
  const k = Math.round(v / step);
  return clean(Math.min(max, Math.max(0, k * step)));
}

/**
 * Where a key moves a slider at `v`: arrows to the next multiple of `step` in their direction
 * (from 3.87, right goes to 4 and left to 3.5), Page keys a tenth of the scale, Home and End
 * its ends. As the browser's keys do with a numeric step.
 */
export function stepKey(key: string, v: number, step: number, max: number): number {
  const up = (by: number) => clean(Math.min(max, (Math.floor(v / by + 1e-9) + 1) * by));
  const down = (by: number) => clean(Math.max(0, (Math.ceil(v / by - 1e-9) - 1) * by));
  const page = Math.max(step, snap(max / 10, step, max));
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
      return 0;
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
