// Where a widget's data comes from (its src file or the inline script inside it) and the
// key its edits are stored under.

import type { Problem } from './module-types';
import { hashText } from './sharing';
import { adoptEntry } from './store';

/** The inline document text, or null when the element has no JSON script inside. */
export function inlineText(el: Element): string | null {
  const script = el.querySelector('script[type="application/json"]');
  return script ? (script.textContent ?? '') : null;
}

/** The page's document text: the src file, else the inline script. Throws a list of problems. */
export async function readPageText(el: Element, src: string): Promise<string> {
  if (!src) {
    const inline = inlineText(el);
    if (inline === null)
      throw [{ path: '', code: 'missing', message: 'no data: give the element a src="backlog.json" attribute or a <script type="application/json"> inside it' }] as Problem[];
    return inline;
  }
  let url: URL;
  try {
    url = new URL(src, document.baseURI);
  } catch {
    throw [{ path: 'src', code: 'invalid_value', message: `"${src}" is not a valid address` }] as Problem[];
  }
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    const hint =
      location.protocol === 'file:'
        ? ' Pages opened from disk (file://) cannot read other files: put the data inside the tag in a <script type="application/json">, or serve the page.'
        : ' Check the address and that the server allows it.';
    throw [{ path: 'src', code: 'unreadable', message: `could not fetch ${src}.${hint}` }] as Problem[];
  }
  if (!response.ok) throw [{ path: 'src', code: 'unreadable', message: `could not load ${src}: ${response.status} ${response.statusText || 'error'}` }] as Problem[];
  return response.text();
}


const keysInUse = new Set<string>();

/**
 * The storage key: the storage-key attribute, else derived from the id, the src or the
 * inline data; "#2", "#3"... when another widget on the page already holds it.
 */
export function claimStorageKey(el: Element, src: string): string {
  const fromPath = !el.getAttribute('storage-key') && !el.id && !!src;
  const base =
    el.getAttribute('storage-key') ||
    (el.id ? `id:${el.id}` : src ? `src:${resolvedPath(src)}` : `inline:${hashText(inlineText(el) ?? '')}`);
  if (fromPath && !keysInUse.has(base)) adoptEntry(`src:${src}`, base);
  let key = base;
  for (let n = 2; keysInUse.has(key); n++) key = `${base}#${n}`;
  keysInUse.add(key);
  return key;
}

/**
 * The data file's path on this site, so "backlog.json" on /team-a/ and on /team-b/ keep their
 * edits apart (localStorage is per site already, so the origin is left out).
 */
function resolvedPath(src: string): string {
  try {
    const url = new URL(src, document.baseURI);
    return url.pathname + url.search;
  } catch {
    return src;
  }
}

export function releaseStorageKey(key: string): void {
  keysInUse.delete(key);
}
