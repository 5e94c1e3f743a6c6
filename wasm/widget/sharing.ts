// Share links for one widget: the person's EditState (and, when the page does not hold the
// data and it is small, the data itself)
// in this widget's fragment parameter. Writing puts the link in the address bar; reading
// applies it once and removes it again, so a later reload shows the reader's own edits.

import type { EditState } from './state';
import { sanitizeState } from './state';
import { decodeShare, encodeShare, readFragment, shareParam, writeFragment } from './share-codec';

/** Share links carry the data itself up to this size, so they reproduce the exact view. */
const LINK_DATA_LIMIT = 24_000;

interface Payload {
  v: number;
  state: EditState;
  /** The view (tab) open when the link was made. */
  view?: string;
  /** Hash of the page's data when the link was made. */
  page: string;
  /** The page's data, when small enough. */
  data?: string;
}

/** FNV-1a: enough to tell two versions of a document (or two inline data blocks) apart. */
export function hashText(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** What a link shows: the edits and the view (tab) that was open. */
export interface SharedView {
  state: EditState;
  view: string | null;
}

/**
 * Puts the widget's view in the address (replacing history, no navigation); returns the URL.
 * `pageHoldsData`: the page has the data itself (a src file or inline data), so whoever opens
 * the link has it too and the link carries only the changes and the view (issue 19: the demo's
 * link went from 10,613 characters to a few hundred). Data given only from JavaScript travels
 * in the link when small.
 */
export async function writeShareLink(key: string, shared: SharedView, pageText: string, pageHoldsData = false): Promise<string> {
  const { state } = shared;
  const payload: Payload = { v: 1, state, page: hashText(pageText), ...(shared.view ? { view: shared.view } : {}) };
  let encoded = await encodeShare({ ...payload, data: state.document === null && !pageHoldsData ? pageText : undefined });
  if (encoded.length > LINK_DATA_LIMIT) encoded = await encodeShare(payload);
  const hash = writeFragment(location.hash, key, encoded);
  history.replaceState(history.state, '', location.pathname + location.search + hash);
  return location.href;
}

/**
 * The state a link in the address holds for this widget (null: none), and removes it from
 * the address. Throws when the parameter is there but cannot be read.
 */
export async function takeShareLink(key: string, pageText: string): Promise<SharedView | null> {
  const param = readFragment(location.hash, key);
  if (!param) return null;
  dropShareLink(key);
  const payload = (await decodeShare(param)) as Partial<Payload> & { state?: unknown };
  const state = sanitizeState(payload.state);
  if (!state) throw new Error('the link holds no scenario');
  if (state.document === null && typeof payload.data === 'string' && payload.page !== hashText(pageText)) {
    state.document = payload.data; // the page's data changed since: show what the sender saw
  }
  return { state, view: typeof payload.view === 'string' ? payload.view : null };
}

/** Whether the address holds a link for this widget. */
export function hasShareLink(key: string): boolean {
  return !!readFragment(location.hash, key);
}

/** Removes this widget's parameter from the address (other widgets' stay). */
export function dropShareLink(key: string): void {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (!params.has(shareParam(key))) return;
  params.delete(shareParam(key));
  const rest = params.toString();
  history.replaceState(history.state, '', location.pathname + location.search + (rest ? '#' + rest : ''));
}
