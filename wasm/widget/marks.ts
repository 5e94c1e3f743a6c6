// User Timing marks for the steps of a page's first ranking ("gapscore:<step>", each marked
// once per page): the module's parts arriving, the document loaded, the first ranking.
// bench/widget/trace.mjs reads them; anyone profiling a page sees them in the browser's
// performance panel. Nothing is marked on later loads or on the frames of a drag.

const marked = new Set<string>();

export function markOnce(step: string): void {
  if (marked.has(step)) return;
  marked.add(step);
  try {
    performance.mark(`gapscore:${step}`);
  } catch {
    // no User Timing here (an old engine, a worker without it): nothing to mark
  }
}
