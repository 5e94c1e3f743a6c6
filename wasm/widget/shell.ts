// The frame of the widget's shadow DOM: the stylesheet (one sheet shared by every widget on
// the page where the browser can adopt sheets), the error and warning areas, the loading note, the body
// that shows once data is loaded, the dialogs, and the narrow layout on small screens.

import { h } from './dom';
import { css } from './styles';
import { watchScrollBoxes } from './scroll-boxes';

/** Below this width the table drops its input columns (estimates stay editable in the dialog). */
const NARROW_PX = 600;

let sheet: CSSStyleSheet | null = null;

export interface Shell {
  loading: HTMLElement;
  body: HTMLElement;
}

/** Mounts the parts into `root`: `notices` (errors, warnings) first, `bodyParts` in order inside the body, `dialogs` after it. */
export function mountShell(root: ShadowRoot, host: HTMLElement, notices: HTMLElement[], bodyParts: HTMLElement[], dialogs: HTMLElement[]): Shell {
  if (!sheet && 'adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (sheet) root.adoptedStyleSheets = [sheet];
  else root.append(h('style', {}, css));
  const loading = h('p', { class: 'gs-loading' }, 'Loading the backlog…');
  const body = h('div', { hidden: true }, ...bodyParts);
  const shell = h('div', { class: 'gs-root', part: 'root' }, ...notices, loading, body);
  root.append(shell, ...dialogs);
  if (typeof ResizeObserver === 'function')
    new ResizeObserver((entries) => shell.classList.toggle('gs-narrow', entries[0].contentRect.width < NARROW_PX)).observe(host);
  watchScrollBoxes(root, host);
  return { loading, body };
}
