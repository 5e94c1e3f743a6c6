// Keyboard access to the boxes that scroll sideways (.gs-scroll: a 640-unit chart or a wide
// table on a phone). A box that actually overflows becomes a named, focusable region, so
// arrow keys scroll it; one that fits stays out of the tab order. Re-checked when the widget
// resizes or its content changes, once per frame at most.

/** What the box holds, for its region name: the chart's or the table's own name. */
function nameOf(box: HTMLElement): string {
  const named = box.querySelector('svg[aria-label]')?.getAttribute('aria-label') ?? box.querySelector('caption')?.textContent ?? '';
  return named ? `${named} (scrolls sideways)` : 'Wide content (scrolls sideways)';
}

export function markScrollBoxes(root: ParentNode): void {
  for (const box of root.querySelectorAll<HTMLElement>('.gs-scroll')) {
    const overflows = box.scrollWidth > box.clientWidth + 1;
    // A box with its own controls (the ranking's inputs) is reached through them.
    const reachable = !!box.querySelector('button, input, select, a[href], [tabindex="0"]');
    if (overflows && !reachable) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', nameOf(box));
    } else if (box.hasAttribute('tabindex')) {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  }
}

/** Keeps `root`'s scroll boxes marked while `host` lives. */
export function watchScrollBoxes(root: ShadowRoot, host: HTMLElement): void {
  let pending = 0;
  const check = () => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      markScrollBoxes(root);
    });
  };
  if (typeof ResizeObserver === 'function') new ResizeObserver(check).observe(host);
  // Views draw into their boxes and tabs show and hide their panels.
  new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
}
