// Calls back when the widget's width changes (a phone turned, a window or a sidebar resized),
// once per animation frame at most: the charts are drawn for a width (charts/svg-scale.ts)
// and draw again to fit, rather than overflowing or leaving a gap.

export function watchWidth(host: HTMLElement, changed: () => void): void {
  if (typeof ResizeObserver !== 'function') return;
  let width = -1;
  let pending = 0;
  new ResizeObserver((entries) => {
    const w = Math.round(entries[entries.length - 1].contentRect.width);
    if (w === width) return; // a height change (more rows shown) is not a reason to redraw
    width = w;
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      changed();
    });
  }).observe(host);
}
